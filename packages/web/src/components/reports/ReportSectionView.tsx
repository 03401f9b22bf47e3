/**
 * @module components/reports/ReportSectionView
 * One measure's section of a report: its title, latest value and target, the variation and
 * assurance icons with their labels, the SPC chart (the SVG the server drew with the shared
 * renderer, with its own title and description, scaled to the page), the analysis in words as
 * visible text, any notes, and the owner's commentary for the month (and, on a live run, the form
 * to write it, given as `commentary`).
 */
import { AssuranceIcon, VariationIcon } from '../Icons';
import type { ReportSection } from './data';
import { when } from './data';

/** The id of a section's element (the matrix and the contents link to it). */
export const sectionAnchor = (seriesId: string): string => `section-${seriesId}`;

const day = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const month = (period: string): string => day.format(new Date(`${period}T00:00:00Z`));

export function ReportSectionView({
  section,
  periodLabel,
  commentary,
}: {
  section: ReportSection;
  periodLabel: string;
  /** What to show under the commentary (the form to write it). */
  commentary?: React.ReactNode;
}): React.JSX.Element {
  const id = sectionAnchor(section.seriesId);
  const facts = [
    section.latest === null
      ? 'No data yet'
      : `Latest: ${section.latest.text} (${month(section.latest.period)})`,
    section.target === null ? 'No target' : `Target: ${section.target}`,
    `${section.pointCount} ${section.pointCount === 1 ? 'point' : 'points'}`,
  ];
  return (
    <article className="gs-report-section" id={id} aria-labelledby={`${id}-title`} tabIndex={-1}>
      <h3 id={`${id}-title`}>{section.title}</h3>
      <p className="nhsuk-body-s gs-report-section__facts">{facts.join(' · ')}</p>
      <ul className="nhsuk-list gs-report-section__icons">
        <li>
          <span aria-hidden="true">
            <VariationIcon icon={section.icons.variation} size={36} />
          </span>
          <span>Variation: {section.icons.variationLabel}</span>
        </li>
        <li>
          <span aria-hidden="true">
            <AssuranceIcon icon={section.icons.assurance} size={36} />
          </span>
          <span>Assurance: {section.icons.assuranceLabel ?? 'none (no target, or too few points)'}</span>
        </li>
      </ul>
      {section.chartSvg !== null && (
        <figure className="gs-report-chart" aria-describedby={`${id}-analysis`}>
          <div className="gs-report-chart__svg" dangerouslySetInnerHTML={{ __html: section.chartSvg }} />
        </figure>
      )}
      <h4>What the chart shows</h4>
      <p id={`${id}-analysis`}>{section.analysis}</p>
      {section.warnings.length > 0 && (
        <ul className="nhsuk-list nhsuk-body-s gs-report-section__notes">
          {section.warnings.map((warning) => (
            <li key={warning}>Note: {warning}.</li>
          ))}
        </ul>
      )}
      <h4>Commentary for {periodLabel}</h4>
      {section.commentary === null ? (
        <p className="gs-report-section__none">No commentary has been written for {periodLabel}.</p>
      ) : (
        <>
          <p className="gs-report-section__commentary">{section.commentary.text}</p>
          <p className="nhsuk-body-s gs-report-section__by">
            {section.commentary.author === null ? '' : `${section.commentary.author}, `}
            {when(section.commentary.updatedAt)}
          </p>
        </>
      )}
      {commentary}
    </article>
  );
}
