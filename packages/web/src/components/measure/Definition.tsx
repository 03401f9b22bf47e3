/**
 * @module components/measure/Definition
 * A measure's definition as an NHS summary list: what it is, how it is charted and judged (with
 * what this chart sets for itself), who owns it, where the data come from, who may see it, how
 * often it is recorded, and its target.
 */
import type { SeriesAnalysis } from './data';
import type { UsedOptions, ValueFormat } from './format';
import {
  chartTypeLabel,
  dataTypeLabel,
  directionLabel,
  domainLabel,
  formatDate,
  formatPeriod,
  frequencyLabel,
  presetLabel,
  visibilityLabel,
  withUnit,
} from './format';

function Row({ label, children }: { label: string; children: React.ReactNode }): React.JSX.Element {
  return (
    <div className="nhsuk-summary-list__row">
      <dt className="nhsuk-summary-list__key">{label}</dt>
      <dd className="nhsuk-summary-list__value">{children}</dd>
    </div>
  );
}

export interface DefinitionProps {
  readonly view: SeriesAnalysis;
  readonly used: UsedOptions;
  readonly format: ValueFormat;
  readonly organisationName: string | undefined;
}

export function Definition({ view, used, format, organisationName }: DefinitionProps): React.JSX.Element {
  const { measure, series, targets, synthetic } = view;
  const own = series.spcOptions ?? {};
  const definition = measure.spcOptions;
  const shared = measure.ownerOrganisationId === null;
  const latestTarget = targets.at(-1);
  const setHere = (key: 'preset' | 'direction'): string | null =>
    own[key] !== undefined && own[key] !== definition[key]
      ? ' (set for this chart; the measure’s definition says otherwise)'
      : null;
  return (
    <dl className="nhsuk-summary-list">
      <Row label="Description">
        {measure.description === '' ? 'No description given.' : measure.description}
      </Row>
      {synthetic && (
        <Row label="Data">
          <strong className="nhsuk-tag nhsuk-tag--orange">Synthetic demo data</strong> Made-up figures, not
          real ones.
        </Row>
      )}
      <Row label="Data type">{dataTypeLabel(measure.dataType)}</Row>
      <Row label="Chart type">
        {chartTypeLabel(measure.chartType)}
        {view.analysis.chart === 'run' && measure.chartType !== 'run' && (
          <> — shown as a run chart until there are {used.minimumPoints} points</>
        )}
      </Row>
      <Row label="Improvement direction">
        {directionLabel(used.direction)}
        {setHere('direction')}
      </Row>
      <Row label="SPC method">
        {presetLabel(used.preset)}
        {setHere('preset')}
      </Row>
      {used.rebaseAt.length > 0 && (
        <Row label="Limits recalculated from">
          {used.rebaseAt.map((p) => formatPeriod(p, 'long')).join(', ')}
        </Row>
      )}
      {used.baseline !== null && (
        <Row label="Baseline">
          {'points' in used.baseline
            ? `Limits fixed on the first ${used.baseline.points} points`
            : `Limits fixed on the points up to ${formatPeriod(used.baseline.until, 'long')}`}
        </Row>
      )}
      <Row label="Target">
        {latestTarget === undefined || latestTarget.value === null ? (
          'No target'
        ) : (
          <>
            {withUnit(format, latestTarget.value)} from {formatDate(latestTarget.effectiveFrom)}
            {latestTarget.organisationId === null
              ? shared
                ? ' (the national standard)'
                : ''
              : ` (set by ${organisationName ?? 'this organisation'})`}
          </>
        )}
      </Row>
      <Row label="Unit">{measure.unitLabel === '' ? 'None given' : measure.unitLabel}</Row>
      <Row label="Domain">{domainLabel(measure.domain)}</Row>
      <Row label="Definition">
        {shared
          ? 'Shared (national) definition: every organisation records it the same way, so their results can be compared'
          : `${organisationName ?? 'The organisation'}’s own measure`}
      </Row>
      <Row label="Owner">{measure.owner ?? 'Not given'}</Row>
      <Row label="Source">{measure.source ?? 'Not given'}</Row>
      <Row label="Visibility">{visibilityLabel(measure.visibility)}</Row>
      <Row label="Frequency">{frequencyLabel(measure.frequency)}</Row>
      <Row label="Code">
        <code>{measure.code}</code>
      </Row>
    </dl>
  );
}
