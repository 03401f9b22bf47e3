/**
 * @module components/dashboard/IconMatrix
 * The frame of a variation × assurance matrix: a table whose column headers are the assurance
 * icons and row headers the variation icons, each named in words, scrolling sideways inside a
 * labelled, focusable region on narrow screens. What each cell holds is the caller's.
 */
import { useId } from 'react';
import { AssuranceIcon, VariationIcon } from '../Icons';
import type { Assurance, Variation } from './format';
import { ASSURANCES, assuranceName, variationName } from './format';

export function IconMatrix({
  caption,
  className,
  variations,
  cellClassName,
  renderCell,
}: {
  caption: React.ReactNode;
  /** More classes for the outer box. */
  className?: string | undefined;
  /** The rows, in order. */
  variations: readonly Variation[];
  /** More classes for a cell. */
  cellClassName?: ((variation: Variation, assurance: Assurance) => string) | undefined;
  renderCell: (variation: Variation, assurance: Assurance) => React.ReactNode;
}): React.JSX.Element {
  const captionId = useId();
  return (
    <div className={`nhsuk-scroll gs-matrix${className === undefined ? '' : ` ${className}`}`}>
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
            {variations.map((variation) => (
              <tr className="nhsuk-table__row" key={variation}>
                <th className="nhsuk-table__header gs-matrix__row" scope="row">
                  <span className="gs-matrix__icon" aria-hidden="true">
                    <VariationIcon icon={variation} size={32} />
                  </span>
                  <span className="gs-matrix__label">{variationName(variation)}</span>
                </th>
                {ASSURANCES.map((assurance) => {
                  const extra = cellClassName?.(variation, assurance) ?? '';
                  return (
                    <td
                      className={`nhsuk-table__cell gs-matrix__cell${extra === '' ? '' : ` ${extra}`}`}
                      key={assurance ?? 'none'}
                    >
                      {renderCell(variation, assurance)}
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

/** An empty cell: "0", and "measures" for screen readers. */
export function NoMeasures(): React.JSX.Element {
  return (
    <span className="gs-matrix__none">
      0<span className="gs-visually-hidden"> measures</span>
    </span>
  );
}
