/**
 * @module components/dashboard/SeriesCard
 * One series as a small multiple: its measure (a link to its chart), unit, both Making Data Count
 * icons with their names in words, latest value and period, target, whether it is a run chart,
 * and its sparkline. Synthetic demo measures say so.
 */
import { memo } from 'react';
import { Link } from 'react-router';
import { AssuranceIcon, VariationIcon } from '../Icons';
import type { DashboardSeries } from './format';
import { assuranceWords, formatPeriod, formatValue, variationName } from './format';
import { Sparkline } from './Sparkline';

/** The comparison page of a shared measure, at the series' level (its unit's name, if any). */
export function compareHref(series: Pick<DashboardSeries, 'measure' | 'unit'>): string {
  const base = `/measures/${encodeURIComponent(series.measure.id)}/compare`;
  return series.unit === null
    ? base
    : `${base}?${new URLSearchParams({ unit: series.unit.name }).toString()}`;
}

/** What a card says of the analysis when it has no limits: a run chart, or data it could not analyse. */
function analysisNote(series: DashboardSeries): React.JSX.Element | null {
  const notAnalysed = series.warnings.find((w) => w.code === 'not_analysed');
  if (notAnalysed !== undefined) {
    return (
      <p className="gs-card__note">
        <strong>Not analysed.</strong> {notAnalysed.message}
      </p>
    );
  }
  if (series.pointCount === 0) return null;
  const tooFew = series.warnings.find((w) => w.code === 'too_few_points');
  if (tooFew !== undefined || series.icons.variation === 'none') {
    return (
      <p className="gs-card__note">
        <strong>Run chart:</strong> too few points for process limits
        {tooFew === undefined ? '' : ` (${tooFew.message.replace(/, so this is a run chart$/, '')})`}.
      </p>
    );
  }
  return null;
}

export interface SeriesCardProps {
  readonly series: DashboardSeries;
  /** The card's heading (default: the measure's name), a link to the series' chart. */
  readonly heading?: string | undefined;
  /** What the series is of, under the heading (default: its unit, or "Whole organisation"). */
  readonly context?: React.ReactNode;
  /** Offers the comparison across organisations when the measure is shared (default true). */
  readonly compare?: boolean | undefined;
}

/**
 * A card, drawn again only when its props change (an overview re-renders as its other queries
 * settle; fifty sparklines need not be laid out again each time).
 */
export const SeriesCard = memo(function SeriesCard({
  series,
  heading,
  context,
  compare = true,
}: SeriesCardProps): React.JSX.Element {
  const { measure, sparkline } = series;
  const n = sparkline.values.length;
  const latestValue = n > 0 ? sparkline.values[n - 1]! : null;
  const latestPeriod = n > 0 ? sparkline.periods[n - 1]! : (series.latest?.period ?? null);
  const where = series.unit?.name ?? 'Whole organisation';
  const title = heading ?? measure.name;
  const shared = measure.ownerOrganisationId === null;
  return (
    <figure className="gs-card">
      <figcaption className="gs-card__caption">
        <h3 className="gs-card__heading">
          <Link to={`/series/${encodeURIComponent(series.id)}`}>
            {title}
            <span className="gs-visually-hidden">, {where}</span>
          </Link>
        </h3>
        <p className="gs-card__context">{context ?? where}</p>
        {measure.synthetic && (
          <p className="gs-card__synthetic">
            <strong className="nhsuk-tag nhsuk-tag--orange">Synthetic demo data</strong>
          </p>
        )}
      </figcaption>
      <div className="gs-card__icons">
        <span aria-hidden="true" className="gs-card__icon-images">
          <VariationIcon icon={series.icons.variation} size={36} />
          <AssuranceIcon icon={series.icons.assurance} size={36} />
        </span>
        <ul className="gs-card__icon-words">
          <li>{variationName(series.icons.variation)}</li>
          <li>{assuranceWords(series)}</li>
        </ul>
      </div>
      <dl className="gs-card__facts">
        <div>
          <dt>Latest</dt>
          <dd>
            {latestValue === null ? (
              series.pointCount === 0 ? (
                'No data yet'
              ) : (
                'No value'
              )
            ) : (
              <strong>{formatValue(measure, latestValue)}</strong>
            )}
            {latestPeriod !== null && (
              <span className="gs-card__period"> ({formatPeriod(latestPeriod)})</span>
            )}
          </dd>
        </div>
        <div>
          <dt>Target</dt>
          <dd>{series.target === null ? 'None' : formatValue(measure, series.target)}</dd>
        </div>
      </dl>
      {analysisNote(series)}
      <Sparkline
        series={series}
        title={
          heading === undefined
            ? undefined
            : [measure.name, heading, series.unit?.name].filter(Boolean).join(', ')
        }
      />
      {compare && shared && (
        <p className="gs-card__compare nhsuk-body-s">
          <Link to={compareHref(series)}>
            Compare across organisations
            <span className="gs-visually-hidden">
              : {measure.name}, {where}
            </span>
          </Link>
        </p>
      )}
    </figure>
  );
});
