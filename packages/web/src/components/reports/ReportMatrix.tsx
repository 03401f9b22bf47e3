/**
 * @module components/reports/ReportMatrix
 * A report's summary matrix: its measures placed by variation icon (rows: those some measure has)
 * and assurance icon (columns), as a table whose headers name the icons in words; each cell lists
 * its measures, linked to their sections below. It scrolls sideways inside a labelled, focusable
 * region on narrow screens.
 */
import { useId } from 'react';
import { AssuranceIcon, VariationIcon } from '../Icons';
import { ASSURANCES, assuranceName, variationName } from '../dashboard/format';
import type { ReportContent } from './data';
import { sectionAnchor } from './ReportSectionView';

export function ReportMatrix({ content }: { content: ReportContent }): React.JSX.Element {
  const captionId = useId();
  const titles = new Map(
    content.domains.flatMap((d) => d.sections.map((s) => [s.seriesId, s.title] as const)),
  );
  const rows = [...new Set(content.matrix.filter((c) => c.count > 0).map((c) => c.variation))];
  if (rows.length === 0) return <p>This report has no measures you may read.</p>;
  const cell = (variation: string, assurance: string | null): ReportContent['matrix'][number] | undefined =>
    content.matrix.find((c) => c.variation === variation && c.assurance === assurance);
  return (
    <div className="nhsuk-scroll gs-matrix gs-report-matrix">
      <div className="nhsuk-scroll__content" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table className="nhsuk-table gs-matrix__table">
          <caption className="nhsuk-table__caption gs-matrix__caption" id={captionId}>
            Measures by variation (rows) and assurance (columns), {content.periodLabel}
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
            {rows.map((variation) => (
              <tr className="nhsuk-table__row" key={variation}>
                <th className="nhsuk-table__header gs-matrix__row" scope="row">
                  <span className="gs-matrix__icon" aria-hidden="true">
                    <VariationIcon icon={variation} size={32} />
                  </span>
                  <span className="gs-matrix__label">{variationName(variation)}</span>
                </th>
                {ASSURANCES.map((assurance) => {
                  const ids = cell(variation, assurance)?.seriesIds ?? [];
                  return (
                    <td className="nhsuk-table__cell gs-matrix__cell" key={assurance ?? 'none'}>
                      {ids.length === 0 ? (
                        <span className="gs-matrix__none">
                          0<span className="gs-visually-hidden"> measures</span>
                        </span>
                      ) : (
                        <ul className="nhsuk-list gs-report-matrix__list">
                          {ids.map((id) => (
                            <li key={id}>
                              <a href={`#${sectionAnchor(id)}`}>{titles.get(id) ?? 'A measure'}</a>
                            </li>
                          ))}
                        </ul>
                      )}
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
