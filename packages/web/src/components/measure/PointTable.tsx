/**
 * @module components/measure/PointTable
 * Every point of the chart as an NHS table, in a labelled region that scrolls sideways on a
 * phone: period, value (with numerator and denominator where the measure has them), centre line,
 * process limits, target, the point type in words (what a tooltip says, for keyboard and screen
 * reader users), whether it is ghosted, and the numbers of its notes.
 */
import { formatNumber } from '@groundswell/charts';
import type { AnalysisJson, Measure, ValueFormat } from './format';
import { formatPeriod, pointTypeWords, withUnit } from './format';
import type { Observation } from './data';

export interface PointTableProps {
  readonly analysis: AnalysisJson;
  readonly measure: Pick<Measure, 'dataType' | 'chartType'>;
  readonly format: ValueFormat;
  /** The stored points (numerators and denominators of proportions and rates), any order. */
  readonly observations: readonly Observation[];
  /** Note numbers by point index. */
  readonly notes: ReadonlyMap<number, readonly number[]>;
}

/** What the centre line is called on this chart. */
export function centreName(chart: AnalysisJson['chart']): string {
  return chart === 'run' ? 'Median' : chart === 'g' ? 'Centre line' : 'Mean';
}

function valueHeading(chart: AnalysisJson['chart']): string {
  return chart === 't' ? 'Days since the previous event' : chart === 'g' ? 'Cases between events' : 'Value';
}

export function PointTable({
  analysis,
  measure,
  format,
  observations,
  notes,
}: PointTableProps): React.JSX.Element {
  const fraction = measure.dataType === 'proportion' || measure.dataType === 'rate';
  const stored = new Map(observations.map((o) => [o.period, o]));
  const value = (v: number | null): string => (v === null ? '' : withUnit(format, v));
  const hasLimits = analysis.points.some((p) => p.lowerLimit !== null || p.upperLimit !== null);
  const hasTarget = analysis.points.some((p) => p.target !== null);
  const centre = centreName(analysis.chart);
  const numeric = 'nhsuk-table__header nhsuk-table__header--numeric';
  const cell = 'nhsuk-table__cell nhsuk-table__cell--numeric';
  return (
    <div className="nhsuk-scroll gs-point-table">
      <div className="nhsuk-scroll__content" role="region" aria-labelledby="point-table-caption" tabIndex={0}>
        <table className="nhsuk-table nhsuk-table--compact">
          <caption className="nhsuk-table__caption nhsuk-table__caption--m" id="point-table-caption">
            Every point of the chart
            <span className="nhsuk-caption-m gs-table-caption-note">
              {analysis.points.length === 1
                ? '1 point'
                : `${analysis.points.length.toLocaleString('en-GB')} points`}
              , oldest first. On a small screen, scroll the table sideways.
            </span>
          </caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th scope="col" className="nhsuk-table__header">
                Period
              </th>
              <th scope="col" className={numeric}>
                {valueHeading(analysis.chart)}
              </th>
              {fraction && (
                <>
                  <th scope="col" className={numeric}>
                    Numerator
                  </th>
                  <th scope="col" className={numeric}>
                    Denominator
                  </th>
                </>
              )}
              <th scope="col" className={numeric}>
                {centre}
              </th>
              {hasLimits && (
                <>
                  <th scope="col" className={numeric}>
                    Lower limit
                  </th>
                  <th scope="col" className={numeric}>
                    Upper limit
                  </th>
                </>
              )}
              {hasTarget && (
                <th scope="col" className={numeric}>
                  Target
                </th>
              )}
              <th scope="col" className="nhsuk-table__header">
                Point type
              </th>
              <th scope="col" className="nhsuk-table__header">
                Ghosted
              </th>
              <th scope="col" className="nhsuk-table__header">
                Notes
              </th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {analysis.points.map((p) => {
              const period = String(p.period);
              const o = fraction ? stored.get(period) : undefined;
              const numbers = notes.get(p.index) ?? [];
              const recalculated = analysis.partitions.some(
                (part) => part.start === p.index && part.start > 0 && !part.inherited,
              );
              return (
                <tr className="nhsuk-table__row" key={p.index}>
                  <th scope="row" className="nhsuk-table__header gs-point-table__period">
                    {formatPeriod(p.period)}
                    {recalculated && (
                      <span className="gs-point-table__flag">Limits recalculated from here</span>
                    )}
                  </th>
                  <td className={cell}>{value(p.value)}</td>
                  {fraction && (
                    <>
                      <td className={cell}>{o?.numerator == null ? '' : formatNumber(o.numerator)}</td>
                      <td className={cell}>{o?.denominator == null ? '' : formatNumber(o.denominator)}</td>
                    </>
                  )}
                  <td className={cell}>{value(p.mean)}</td>
                  {hasLimits && (
                    <>
                      <td className={cell}>{value(p.lowerLimit)}</td>
                      <td className={cell}>{value(p.upperLimit)}</td>
                    </>
                  )}
                  {hasTarget && <td className={cell}>{value(p.target)}</td>}
                  <td className="nhsuk-table__cell">
                    {pointTypeWords(p, analysis.summary.limitsShown, analysis.chart)}
                  </td>
                  <td className="nhsuk-table__cell">{p.ghost ? 'Yes' : 'No'}</td>
                  <td className="nhsuk-table__cell">
                    {numbers.length === 0 ? (
                      <span className="gs-visually-hidden">None</span>
                    ) : (
                      numbers.map((k) => `Note ${k}`).join(', ')
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
