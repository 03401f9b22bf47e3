/**
 * @module components/reports/ReportMatrix
 * A report's summary matrix: its measures placed by variation icon (rows: those some measure has)
 * and assurance icon (columns), as a table whose headers name the icons in words; each cell lists
 * its measures, linked to their sections below. It scrolls sideways inside a labelled, focusable
 * region on narrow screens.
 */
import { IconMatrix, NoMeasures } from '../dashboard/IconMatrix';
import type { ReportContent } from './data';
import { sectionAnchor } from './ReportSectionView';

export function ReportMatrix({ content }: { content: ReportContent }): React.JSX.Element {
  const titles = new Map(
    content.domains.flatMap((d) => d.sections.map((s) => [s.seriesId, s.title] as const)),
  );
  const rows = [...new Set(content.matrix.filter((c) => c.count > 0).map((c) => c.variation))];
  if (rows.length === 0) return <p>This report has no measures you may read.</p>;
  const cell = (variation: string, assurance: string | null): ReportContent['matrix'][number] | undefined =>
    content.matrix.find((c) => c.variation === variation && c.assurance === assurance);
  return (
    <IconMatrix
      className="gs-report-matrix"
      caption={`Measures by variation (rows) and assurance (columns), ${content.periodLabel}`}
      variations={rows}
      renderCell={(variation, assurance) => {
        const ids = cell(variation, assurance)?.seriesIds ?? [];
        return ids.length === 0 ? (
          <NoMeasures />
        ) : (
          <ul className="nhsuk-list gs-report-matrix__list">
            {ids.map((id) => (
              <li key={id}>
                <a href={`#${sectionAnchor(id)}`}>{titles.get(id) ?? 'A measure'}</a>
              </li>
            ))}
          </ul>
        );
      }}
    />
  );
}
