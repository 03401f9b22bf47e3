/**
 * @module components/dashboard/SummaryMatrix
 * The summary matrix: every series placed by its variation icon (rows) and assurance icon
 * (columns), as a table with row and column headers that name the icons in words. Each cell counts
 * its series, links to them, and offers to show only them (the cell as a filter). The table
 * scrolls sideways inside a labelled, focusable region on narrow screens, its row headers staying
 * in view.
 */
import { Link } from 'react-router';
import type { Schema } from '../../api/client';
import type { Assurance, DashboardSeries, Variation } from './format';
import { assuranceName, count, VARIATIONS, variationName } from './format';
import { IconMatrix, NoMeasures } from './IconMatrix';

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
  const byKey = new Map(cells.map((cell) => [cellKey(cell.variation, cell.assurance), cell]));
  const total = cells.reduce((n, cell) => n + cell.count, 0);
  const isSelected = (variation: Variation, assurance: Assurance): boolean =>
    selected !== undefined && selected.variation === variation && selected.assurance === assurance;
  return (
    <IconMatrix
      caption={
        <>
          {caption}
          <span className="gs-matrix__total"> ({count(total, 'measure')})</span>
        </>
      }
      variations={VARIATIONS}
      cellClassName={(variation, assurance) => {
        const cell = byKey.get(cellKey(variation, assurance));
        return [
          isSelected(variation, assurance) ? 'gs-matrix__cell--selected' : '',
          cell === undefined || cell.count === 0 ? 'gs-matrix__cell--empty' : '',
        ]
          .filter((c) => c !== '')
          .join(' ');
      }}
      renderCell={(variation, assurance) => (
        <MatrixCellContent
          cell={byKey.get(cellKey(variation, assurance))}
          series={series}
          href={cellHref(variation, assurance)}
          selected={isSelected(variation, assurance)}
          onChoose={onChoose}
        />
      )}
    />
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
    return <NoMeasures />;
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
