/**
 * @module components/ResponsiveTable
 * The NHS.UK responsive table: a table on wide screens; on a phone each row stacks into a card,
 * every cell preceded by its column's heading (hidden from screen readers, which read the table
 * semantics instead).
 */
import type { ReactNode } from 'react';

export interface Column<T> {
  readonly heading: string;
  readonly cell: (row: T) => ReactNode;
  readonly numeric?: boolean | undefined;
  /** The heading is for screen readers only (an actions column), and not repeated in the cards. */
  readonly hiddenHeading?: boolean | undefined;
}

export function ResponsiveTable<T>({
  caption,
  captionClassName,
  columns,
  rows,
  rowKey,
  firstCellIsHeader = false,
  className,
}: {
  caption: ReactNode;
  captionClassName?: string | undefined;
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey: (row: T, index: number) => string;
  firstCellIsHeader?: boolean | undefined;
  /** More classes for the table. */
  className?: string | undefined;
}): React.JSX.Element {
  return (
    <table
      className={`nhsuk-table nhsuk-table--responsive${className === undefined ? '' : ` ${className}`}`}
      role="table"
    >
      <caption className={captionClassName ?? 'nhsuk-table__caption'}>{caption}</caption>
      <thead className="nhsuk-table__head" role="rowgroup">
        <tr className="nhsuk-table__row" role="row">
          {columns.map((column) => (
            <th
              key={column.heading}
              className={`nhsuk-table__header${column.numeric ? ' nhsuk-table__header--numeric' : ''}`}
              scope="col"
              role="columnheader"
            >
              {column.hiddenHeading ? (
                <span className="nhsuk-u-visually-hidden">{column.heading}</span>
              ) : (
                column.heading
              )}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="nhsuk-table__body">
        {rows.map((row, index) => (
          <tr className="nhsuk-table__row" role="row" key={rowKey(row, index)}>
            {columns.map((column, i) => {
              const content = (
                <>
                  {!column.hiddenHeading && (
                    <span className="nhsuk-table__heading" aria-hidden="true">
                      {column.heading}{' '}
                    </span>
                  )}
                  <span>{column.cell(row)}</span>
                </>
              );
              const className = column.numeric ? ' nhsuk-table__cell--numeric' : '';
              return i === 0 && firstCellIsHeader ? (
                <th
                  key={column.heading}
                  className={`nhsuk-table__header${className}`}
                  scope="row"
                  role="rowheader"
                >
                  {content}
                </th>
              ) : (
                <td key={column.heading} className={`nhsuk-table__cell${className}`} role="cell">
                  {content}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
