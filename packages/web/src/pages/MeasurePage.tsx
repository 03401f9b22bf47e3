/**
 * @module pages/MeasurePage
 * One series (`/series/:seriesId`: a measure recorded by an organisation, for one of its units or
 * as a whole): the analysis in words with its icons, the SPC chart (or a run chart, said plainly,
 * while there are too few points for limits), its notes, every point in a table, the measure's
 * definition, and the analyst's changes: notes, ghosted points, recalculated limits, the target,
 * the SPC method and the improvement direction. Synthetic demo data say so.
 */
import { describeAnalysis } from '@groundswell/charts';
import type { SpcAnalysis } from '@groundswell/spc';
import { useMemo, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiFailure } from '../api/client';
import { AssuranceIcon, iconWords, VariationIcon } from '../components/Icons';
import { FunnelLink } from '../components/compare/FunnelLink';
import { PageTitle } from '../components/PageTitle';
import { ErrorSummary, Loading } from '../components/QueryState';
import { renderChart, SpcChart } from '../components/SpcChart';
import type { ChartPoint } from '../components/SpcChart';
import type { Annotation, Organisation, SeriesAnalysis, UnitNode } from '../components/measure/data';
import {
  unitPath,
  useAnnotations,
  useObservations,
  useOrganisation,
  useSeriesAnalysis,
  useUnits,
} from '../components/measure/data';
import { Definition } from '../components/measure/Definition';
import type { UsedOptions, ValueFormat } from '../components/measure/format';
import {
  chartFileName,
  formatDate,
  formatPeriod,
  usedOptions,
  valueFormat,
} from '../components/measure/format';
import type { PeriodRequest } from '../components/measure/forms';
import { GhostForm } from '../components/measure/GhostForm';
import { MethodForm } from '../components/measure/MethodForm';
import { NoteForm } from '../components/measure/NoteForm';
import { planNotes } from '../components/measure/notes';
import type { NotePlan } from '../components/measure/notes';
import { PointTable } from '../components/measure/PointTable';
import { RebaseForm } from '../components/measure/RebaseForm';
import { TargetForm } from '../components/measure/TargetForm';
import '../styles/measure.css';
import { Permitted, SignInPrompt, usePermission } from '../components/account/Permitted';
import { Breadcrumbs } from '../components/dashboard/Breadcrumbs';
import type { Crumb } from '../components/dashboard/Breadcrumbs';

/** The pages above this one: the organisations, the organisation, and the unit tree down to the series' unit. */
function MeasureBreadcrumbs({
  organisation,
  units,
}: {
  organisation: Organisation | undefined;
  units: readonly UnitNode[];
}): React.JSX.Element {
  const items: Crumb[] = [{ href: '/', text: 'Organisations' }];
  if (organisation !== undefined) {
    const org = `/organisations/${encodeURIComponent(organisation.odsCode)}`;
    items.push({ href: org, text: organisation.name });
    for (const unit of units)
      items.push({ href: `${org}/units/${encodeURIComponent(unit.id)}`, text: unit.name });
  }
  return <Breadcrumbs items={items} />;
}

/** What the page says about a chart without process limits, or with trial limits. */
function LimitsNotice({ view, used }: { view: SeriesAnalysis; used: UsedOptions }): React.JSX.Element | null {
  const { analysis, measure } = view;
  const runs = analysis.summary.runs;
  const n = analysis.summary.n;
  const points = `${n.toLocaleString('en-GB')} ${n === 1 ? 'point' : 'points'}`;
  const runsFigures =
    runs === undefined || runs.n === 0 || runs.longestRun === null || runs.crossings === null ? null : (
      <ul className="nhsuk-list nhsuk-list--bullet">
        <li>
          Longest run on one side of the median: {runs.longestRun} points
          {runs.longestRunMax === null ? '' : ` (more than ${runs.longestRunMax} would be a signal)`}.
        </li>
        <li>
          The median is crossed {runs.crossings === 1 ? 'once' : `${runs.crossings} times`}
          {runs.crossingsMin === null ? '' : ` (fewer than ${runs.crossingsMin} would be a signal)`}.
        </li>
        <li>
          {runs.signal ? 'Result: non-random variation (a signal).' : 'Result: only random variation so far.'}
        </li>
      </ul>
    );
  if (analysis.chart === 'run' && measure.chartType !== 'run') {
    return (
      <div className="nhsuk-inset-text gs-limits-notice">
        <span className="nhsuk-u-visually-hidden">Information: </span>
        <h3 className="nhsuk-heading-s">A run chart until there are {used.minimumPoints} points</h3>
        <p>
          This chart has {points} (ghosted points do not count); process limits need at least{' '}
          {used.minimumPoints}. Until then it is a run chart: the centre line is the median, and the Anhøj
          rules look for non-random variation — an unusually long run of points on one side of the median, or
          too few crossings of it. There is no variation or assurance icon until the limits can be calculated.
        </p>
        {runsFigures}
      </div>
    );
  }
  if (analysis.chart === 'run') {
    return (
      <div className="nhsuk-inset-text gs-limits-notice">
        <span className="nhsuk-u-visually-hidden">Information: </span>
        <p>
          This measure is charted as a run chart: the centre line is the median, and the Anhøj rules look for
          non-random variation.
        </p>
        {runsFigures}
      </div>
    );
  }
  if (!analysis.summary.limitsShown && n > 0) {
    return (
      <div className="nhsuk-inset-text gs-limits-notice">
        <span className="nhsuk-u-visually-hidden">Information: </span>
        <p>
          Too few points for process limits: this chart has {points}, and limits need at least{' '}
          {used.minimumPoints}. No special-cause rules are applied and there is no variation or assurance icon
          until then.
        </p>
      </div>
    );
  }
  if (analysis.warnings.some((w) => w.code === 'trial_limits')) {
    return (
      <div className="nhsuk-inset-text gs-limits-notice">
        <span className="nhsuk-u-visually-hidden">Information: </span>
        <p>
          These are trial limits: fewer than {used.minimumPoints} points set them (the NHS-R method), so treat
          signals with caution until there are more.
        </p>
      </div>
    );
  }
  return null;
}

function NotesList({
  plan,
  periods,
  canAdd,
}: {
  plan: NotePlan;
  periods: ReadonlyMap<number, string>;
  /** The person may add notes (the form is on the page). */
  canAdd: boolean;
}): React.JSX.Element {
  const line = (note: Annotation): React.ReactNode => (
    <>
      {note.text}{' '}
      <span className="gs-muted nhsuk-body-s">
        — {note.author}, {formatDate(note.createdAt.slice(0, 10))}
      </span>
    </>
  );
  if (plan.numbered.length === 0 && plan.unplaced.length === 0) {
    return canAdd ? (
      <p>
        No notes yet. <a href="#note-form-heading">Add a note</a> to say what happened at a point.
      </p>
    ) : (
      <p>No notes yet.</p>
    );
  }
  return (
    <>
      {plan.numbered.length > 0 && (
        <ol className="nhsuk-list gs-notes">
          {plan.numbered.map(({ number, index, note }) => (
            <li key={note.id}>
              <span className="gs-notes__number" aria-hidden="true">
                {number}
              </span>
              <span>
                <span className="gs-visually-hidden">Note {number}, </span>
                <strong>{periods.get(index)}</strong>: {line(note)}
              </span>
            </li>
          ))}
        </ol>
      )}
      {plan.unplaced.length > 0 && (
        <>
          <h3 className="nhsuk-heading-s">Notes on periods with no point on the chart</h3>
          <ul className="nhsuk-list">
            {plan.unplaced.map((note) => (
              <li key={note.id}>
                <strong>{formatPeriod(note.period, 'long')}</strong>: {line(note)}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

/** Downloads text as a file, through a short-lived object URL. */
function download(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 0);
}

function yAxisLabel(view: SeriesAnalysis, format: ValueFormat): string | undefined {
  if (format.percent) return 'Percentage';
  if (view.analysis.chart === 't' || view.analysis.chart === 'g') return undefined;
  const unit = view.measure.unitLabel;
  return unit === '' ? undefined : unit.charAt(0).toUpperCase() + unit.slice(1);
}

function MeasureBody({ view }: { view: SeriesAnalysis }): React.JSX.Element {
  const { series, measure, analysis } = view;
  const seriesId = series.id;
  const notes = useAnnotations(seriesId);
  const observations = useObservations(seriesId);
  const organisation = useOrganisation(series.organisationId);
  const units = useUnits(series.unitId === null ? undefined : series.organisationId);
  const [sigma, setSigma] = useState(false);
  const [selected, setSelected] = useState<number | undefined>(undefined);
  const [noteRequest, setNoteRequest] = useState<PeriodRequest>();
  const [ghostRequest, setGhostRequest] = useState<PeriodRequest>();
  const [rebaseRequest, setRebaseRequest] = useState<PeriodRequest>();

  const { dataType, chartType, unitLabel } = measure;
  const format = useMemo(
    () => valueFormat({ dataType, chartType, unitLabel }),
    [dataType, chartType, unitLabel],
  );
  const used = usedOptions(analysis);
  const periods = analysis.points.map((p) => p.period);
  const plan = useMemo(
    () =>
      planNotes(
        notes.data ?? [],
        analysis.points.map((p) => p.period),
      ),
    [notes.data, analysis.points],
  );
  const path = series.unitId === null ? [] : (unitPath(units.data ?? [], series.unitId) ?? []);
  const unit = path.at(-1);
  const where = series.unitId === null ? 'Whole organisation' : (unit?.name ?? 'Unit');
  const shared = measure.ownerOrganisationId === null;
  const axisLabel = yAxisLabel(view, format);
  const chartOptions = useMemo(
    () => ({
      title: measure.name,
      measure: measure.name,
      unit: format.unit,
      formatValue: format.formatValue,
      percent: format.percent,
      yAxisLabel: axisLabel,
      annotations: plan.chart,
      showSigmaLines: sigma,
      idPrefix: `series-${seriesId.slice(0, 8)}`,
    }),
    [measure.name, format, axisLabel, plan.chart, sigma, seriesId],
  );
  const description = describeAnalysis(analysis as unknown as SpcAnalysis, {
    measure: measure.name,
    formatValue: format.formatValue,
    unit: format.unit,
  });
  const chartPeriods = [...new Set(periods.map(String))];
  const storedPoints = observations.data ?? [];
  const requests = useRef(0);
  // Each request is new, even for the same period twice.
  const nonce = (): number => ++requests.current;
  const lastPeriod = chartPeriods.at(-1) ?? null;
  // What the person signed in may change here (the server's permission table, mirrored).
  const here = { id: series.organisationId };
  const mayNote = usePermission('annotation.write', here).state === 'allowed';
  const mayAnalyse = usePermission('series.analyse', here).state === 'allowed';
  const signedOut = usePermission('audit.read', here).state === 'signed-out';
  const mayAudit = usePermission('audit.read', here).state === 'allowed';
  const inOrganisation = `in ${organisation.data?.name ?? 'this organisation'}`;
  // A shared measure's target is the organisation's own timeline; an own measure's, its owner's.
  const targetOwner = shared ? here : { id: measure.ownerOrganisationId ?? series.organisationId };

  const actions = (point: ChartPoint): React.ReactNode => {
    const period = String(point.period);
    const stored = storedPoints.find((o) => o.period === period);
    const rebased = used.rebaseAt.includes(period);
    return (
      <ul className="nhsuk-list gs-point-actions">
        {mayNote && (
          <li>
            <button
              type="button"
              className="gs-link-button"
              onClick={() => {
                setNoteRequest({ period, nonce: nonce() });
              }}
            >
              Add a note to {formatPeriod(period)}
            </button>
          </li>
        )}
        {mayAnalyse && stored !== undefined && (
          <li>
            <button
              type="button"
              className="gs-link-button"
              onClick={() => {
                setGhostRequest({ period, nonce: nonce() });
              }}
            >
              {stored.ghost ? 'Include' : 'Ghost'} {formatPeriod(period)}
              {stored.ghost ? ' again' : ''}…
            </button>
          </li>
        )}
        {mayAnalyse && point.index > 0 && !rebased && (
          <li>
            <button
              type="button"
              className="gs-link-button"
              onClick={() => {
                setRebaseRequest({ period, nonce: nonce() });
              }}
            >
              Recalculate the limits from {formatPeriod(period)}…
            </button>
          </li>
        )}
      </ul>
    );
  };

  const noteNumbers = new Map(
    plan.numbered.map(({ index }) => [index, formatPeriod(periods[index]!, 'long')]),
  );

  return (
    <>
      <MeasureBreadcrumbs organisation={organisation.data} units={path} />
      <PageTitle caption={`${organisation.data?.name ?? 'Organisation'} · ${where}`}>
        {measure.name}
      </PageTitle>
      {view.synthetic && (
        <div className="nhsuk-card nhsuk-card--warning gs-synthetic">
          <div className="nhsuk-card__content">
            <h2 className="nhsuk-card__heading">Synthetic demo data</h2>
            <p className="nhsuk-card__description">
              These figures were made up by Groundswell’s demo loader to show how it works. They are not real
              and must not be used for any decision.
            </p>
          </div>
        </div>
      )}

      <FunnelLink measure={measure} unit={series.unitId === null ? null : unit?.name} />
      <section aria-labelledby="analysis-heading">
        <h2 id="analysis-heading">What the chart shows</h2>
        <div className="gs-measure-icons">
          <span className="gs-measure-icons__item">
            <VariationIcon icon={view.icons.variation} size={44} />
          </span>
          {view.icons.assurance !== null && (
            <span className="gs-measure-icons__item">
              <AssuranceIcon icon={view.icons.assurance} size={44} />
            </span>
          )}
          <p className="gs-measure-icons__words">
            <strong>{iconWords(view.icons.variation, view.icons.assurance)}</strong>
          </p>
        </div>
        <p className="gs-analysis-words">{description}</p>
        <LimitsNotice view={view} used={used} />
        {analysis.warnings.filter((w) => w.code !== 'too_few_points' && w.code !== 'trial_limits').length >
          0 && (
          <details className="nhsuk-details">
            <summary className="nhsuk-details__summary">
              <span className="nhsuk-details__summary-text">Notes on this analysis</span>
            </summary>
            <div className="nhsuk-details__text">
              <ul>
                {analysis.warnings
                  .filter((w) => w.code !== 'too_few_points' && w.code !== 'trial_limits')
                  .map((w) => (
                    <li key={`${w.code}:${w.message}`}>{w.message}</li>
                  ))}
              </ul>
            </div>
          </details>
        )}
      </section>

      <section aria-labelledby="chart-heading">
        <h2 id="chart-heading">{analysis.summary.limitsShown ? 'SPC chart' : 'Run chart'}</h2>
        {analysis.points.length === 0 ? (
          <p>There are no points to chart yet.</p>
        ) : (
          <>
            {analysis.summary.limitsShown && (
              <div className="nhsuk-checkboxes nhsuk-checkboxes--small gs-sigma">
                <div className="nhsuk-checkboxes__item">
                  <input
                    className="nhsuk-checkboxes__input"
                    id="show-sigma"
                    type="checkbox"
                    checked={sigma}
                    onChange={(event) => {
                      setSigma(event.target.checked);
                    }}
                  />
                  <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor="show-sigma">
                    Show the 1σ and 2σ lines
                  </label>
                </div>
              </div>
            )}
            <SpcChart
              analysis={analysis}
              options={chartOptions}
              selected={selected}
              onSelect={setSelected}
              actions={actions}
            />
          </>
        )}
        <ul className="nhsuk-list gs-downloads">
          {analysis.points.length > 0 && (
            <li>
              <button
                type="button"
                className="gs-link-button"
                onClick={() => {
                  // The chart as drawn above, at the renderer's standard size (800 × 400) for reports.
                  const svg = renderChart(analysis, chartOptions);
                  const name = chartFileName({
                    odsCode: organisation.data?.odsCode,
                    measureCode: measure.code,
                    unitName: series.unitId === null ? null : (unit?.name ?? null),
                    lastPeriod,
                    frequency: measure.frequency,
                  });
                  download(svg, name, 'image/svg+xml');
                }}
              >
                Download the chart (SVG)
              </button>
            </li>
          )}
          <li>
            <a href={`/api/v1/series/${encodeURIComponent(seriesId)}/export.csv?bom=true`} download>
              Download the data and analysis (CSV)
            </a>
          </li>
        </ul>
      </section>

      <section aria-labelledby="notes-heading">
        <h2 id="notes-heading">Notes</h2>
        {notes.isPending ? (
          <Loading what="the notes" />
        ) : notes.isError ? (
          <ErrorSummary title="Could not load the notes" error={notes.error} />
        ) : (
          <NotesList plan={plan} periods={noteNumbers} canAdd={mayNote} />
        )}
      </section>

      <section aria-labelledby="data-heading">
        <h2 id="data-heading">Data</h2>
        {observations.isError && (
          <ErrorSummary title="Could not load the stored points" error={observations.error} />
        )}
        {analysis.points.length === 0 ? (
          <p>No data yet.</p>
        ) : (
          <PointTable
            analysis={analysis}
            measure={measure}
            format={format}
            observations={storedPoints}
            notes={plan.byPoint}
          />
        )}
      </section>

      <section aria-labelledby="about-heading">
        <h2 id="about-heading">About this measure</h2>
        <Definition view={view} used={used} format={format} organisationName={organisation.data?.name} />
      </section>

      <section aria-labelledby="change-heading" className="gs-change">
        <h2 id="change-heading">Change this chart</h2>
        {signedOut ? (
          <SignInPrompt to="add a note or change this chart" />
        ) : (
          <>
            <p>
              Every change is kept: notes with their author, ghosted points as revisions of the point, and
              each change in the organisation’s audit log.
            </p>
            {mayAudit && organisation.data !== undefined && (
              <p>
                <Link
                  to={`/organisations/${encodeURIComponent(organisation.data.odsCode)}/audit?entityType=series&entityId=${encodeURIComponent(seriesId)}`}
                >
                  See the changes to this chart in the audit log
                </Link>
              </p>
            )}
            <Permitted
              action="annotation.write"
              organisation={here}
              to="add a note"
              where={inOrganisation}
              heading="Add a note"
            >
              {observations.isPending ? (
                <Loading what="the points" />
              ) : (
                <NoteForm
                  seriesId={seriesId}
                  periods={storedPoints.map((o) => o.period)}
                  request={noteRequest}
                />
              )}
            </Permitted>
            <Permitted
              action="series.analyse"
              organisation={here}
              to="ghost points, recalculate the limits or change the method"
              where={inOrganisation}
              heading="Ghost points, recalculate the limits, change the method"
            >
              {observations.isPending ? (
                <Loading what="the points" />
              ) : (
                <GhostForm seriesId={seriesId} points={storedPoints} request={ghostRequest} />
              )}
              <RebaseForm
                seriesId={seriesId}
                own={series.spcOptions}
                rebaseAt={used.rebaseAt}
                periods={chartPeriods}
                request={rebaseRequest}
              />
            </Permitted>
            {analysis.chart === 't' || analysis.chart === 'g' ? (
              <p>T and G charts (rare events) have no target.</p>
            ) : (
              <Permitted
                action="measure.define"
                organisation={targetOwner}
                to="set the target"
                where={inOrganisation}
                heading="Set the target from a date"
              >
                <TargetForm
                  measureId={measure.id}
                  shared={shared}
                  organisationId={series.organisationId}
                  organisationName={organisation.data?.name}
                  targets={view.targets}
                  format={format}
                  seriesId={seriesId}
                />
              </Permitted>
            )}
            {mayAnalyse && (
              <MethodForm
                seriesId={seriesId}
                own={series.spcOptions}
                preset={used.preset}
                direction={used.direction}
                shared={shared}
              />
            )}
          </>
        )}
      </section>
    </>
  );
}

export default function MeasurePage(): React.JSX.Element {
  const { seriesId = '' } = useParams();
  const view = useSeriesAnalysis(seriesId);
  if (view.isPending) {
    return (
      <>
        <PageTitle>Measure</PageTitle>
        <Loading what="the chart" />
      </>
    );
  }
  if (view.isError) {
    const missing =
      view.error instanceof ApiFailure && (view.error.status === 404 || view.error.status === 400);
    return (
      <>
        <PageTitle>{missing ? 'Chart not found' : 'Measure'}</PageTitle>
        <ErrorSummary
          title={missing ? 'There is no chart at this address' : 'Could not load the chart'}
          error={view.error}
        />
        <p>
          <Link to="/">Choose an organisation</Link> to find its measures.
        </p>
      </>
    );
  }
  return <MeasureBody view={view.data} key={seriesId} />;
}
