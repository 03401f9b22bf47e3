/**
 * @module components/dashboard/SummaryMatrix
 * The summary matrix: every series placed by its variation icon (rows) and assurance icon
 * (columns), as a table with row and column headers that name the icons in words. Each cell counts
 * its series, links to them, and offers to show only them (the cell as a filter). The table
 * scrolls sideways inside a labelled, focusable region on narrow screens, its row headers staying
 * in view.
 */
import { useId } from 'react';
import { Link } from 'react-router';
import type { Schema } from '../../api/client';
import { AssuranceIcon, VariationIcon } from '../Icons';
import type { Assurance, DashboardSeries, Variation } from './format';
import { ASSURANCES, assuranceName, count, VARIATIONS, variationName } from './format';

type MatrixCell = Schema<'DashboardMatrixCell'>;

/** How many series a cell lists before "and N more". */
const LISTED = 5;

export interface SummaryMatrixProps {
  readonly cells: readonly MatrixCell[];
  /** The series the cells refer to (at least those listed), by id. */
  readonly series: ReadonlyMap<string, DashboardSeries>;
  /** Where the link that shows only a cell's series goes. */
  readonly cellHref: (variation: Variation, assurance: Assurance) => string;
  /** The cell chosen as a filter, if any. */
  readonly selected?: { variation: Variation | undefined; assurance: Assurance | undefined } | undefined;
  /** Called when a cell's count is chosen (before the URL changes). */
  readonly onChoose?: (() => void) | undefined;
  /** The table's caption. */
  readonly caption?: string | undefined;
}

function cellKey(variation: Variation, assurance: Assurance): string {
  return `${variation}/${assurance ?? 'none'}`;
}

export function SummaryMatrix({
  cells,
  series,
  cellHref,
  selected,
  onChoose,
  caption = 'Measures by variation (rows) and assurance (columns)',
}: SummaryMatrixProps): React.JSX.Element {
  const captionId = useId();
  const byKey = new Map(cells.map((cell) => [cellKey(cell.variation, cell.assurance), cell]));
  const total = cells.reduce((n, cell) => n + cell.count, 0);
  return (
    <div className="nhsuk-scroll gs-matrix">
      <div
        className="nhsuk-scroll__content"
        role="region"
        aria-labelledby={captionId}
        // Focusable, so that keyboard users can scroll it sideways.
        tabIndex={0}
      >
        <table className="nhsuk-table gs-matrix__table">
          <caption className="nhsuk-table__caption gs-matrix__caption" id={captionId}>
            {caption}
            <span className="gs-matrix__total"> ({count(total, 'measure')})</span>
          </caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <td className="nhsuk-table__header gs-matrix__corner">
                <span className="gs-visually-hidden">Variation, by assurance</span>
              </td>
              {ASSURANCES.map((assurance) => (
                <th className="nhsuk-table__header gs-matrix__col" scope="col" key={assurance ?? 'none'}>
                  <span className="gs-matrix__icon" aria-hidden="true">
                    <AssuranceIcon icon={assurance} size={32} />
                  </span>
                  <span className="gs-matrix__label">{assuranceName(assurance)}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {VARIATIONS.map((variation) => (
              <tr className="nhsuk-table__row" key={variation}>
                <th className="nhsuk-table__header gs-matrix__row" scope="row">
                  <span className="gs-matrix__icon" aria-hidden="true">
                    <VariationIcon icon={variation} size={32} />
                  </span>
                  <span className="gs-matrix__label">{variationName(variation)}</span>
                </th>
                {ASSURANCES.map((assurance) => {
                  const cell = byKey.get(cellKey(variation, assurance));
                  const isSelected =
                    selected !== undefined &&
                    selected.variation === variation &&
                    selected.assurance === assurance;
                  return (
                    <td
                      className={`nhsuk-table__cell gs-matrix__cell${isSelected ? ' gs-matrix__cell--selected' : ''}${
                        cell === undefined || cell.count === 0 ? ' gs-matrix__cell--empty' : ''
                      }`}
                      key={assurance ?? 'none'}
                    >
                      <MatrixCellContent
                        cell={cell}
                        series={series}
                        href={cellHref(variation, assurance)}
                        selected={isSelected}
                        onChoose={onChoose}
                      />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function MatrixCellContent({
  cell,
  series,
  href,
  selected,
  onChoose,
}: {
  cell: MatrixCell | undefined;
  series: ReadonlyMap<string, DashboardSeries>;
  href: string;
  selected: boolean;
  onChoose: (() => void) | undefined;
}): React.JSX.Element {
  if (cell === undefined || cell.count === 0) {
    return (
      <span className="gs-matrix__none">
        0<span className="gs-visually-hidden"> measures</span>
      </span>
    );
  }
  const listed = cell.seriesIds.slice(0, LISTED).flatMap((id) => {
    const s = series.get(id);
    return s === undefined ? [] : [s];
  });
  const more = cell.count - listed.length;
  return (
    <>
      <Link
        className="gs-matrix__count"
        to={href}
        aria-current={selected ? 'true' : undefined}
        onClick={onChoose}
        aria-label={`${selected ? 'Showing' : 'Show'} ${count(cell.count, 'measure')}: ${variationName(
          cell.variation,
        )}, ${assuranceName(cell.assurance).toLowerCase()}`}
      >
        {count(cell.count, 'measure')}
      </Link>
      {selected && <span className="gs-matrix__showing"> (shown below)</span>}
      <ul className="gs-matrix__list">
        {listed.map((s) => (
          <li key={s.id}>
            <Link to={`/series/${encodeURIComponent(s.id)}`}>{s.measure.name}</Link>
            {s.measure.synthetic && !/synthetic/i.test(s.measure.name) && (
              <span className="gs-matrix__synthetic"> (synthetic demo data)</span>
            )}
            <span className="gs-matrix__unit"> {s.unit?.name ?? 'Whole organisation'}</span>
          </li>
        ))}
      </ul>
      {more > 0 && <p className="gs-matrix__more">and {count(more, 'more', 'more')}</p>}
    </>
  );
}
