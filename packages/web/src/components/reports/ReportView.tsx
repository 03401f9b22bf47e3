/**
 * @module components/reports/ReportView
 * A report as an accessible page: its contents (links to the summary, each domain and measure),
 * the summary matrix first, then each domain (h2) with its measures' sections (h3). The same
 * content the PDF is made from, live or as issued.
 */
import type { ReportContent, ReportSection } from './data';
import { ReportMatrix } from './ReportMatrix';
import { ReportSectionView, sectionAnchor } from './ReportSectionView';
import './reports.css';

export function ReportView({
  content,
  commentary,
}: {
  content: ReportContent;
  /** The form under each section's commentary, on a live run. */
  commentary?: ((section: ReportSection) => React.ReactNode) | undefined;
}): React.JSX.Element {
  const count = content.domains.reduce((n, d) => n + d.sections.length, 0);
  return (
    <div className="gs-report">
      {content.description !== '' && <p className="nhsuk-lede-text">{content.description}</p>}
      <p>
        {count} {count === 1 ? 'measure' : 'measures'}, analysed on the data up to the end of{' '}
        {content.periodLabel}.
      </p>
      <nav className="nhsuk-contents-list gs-report__contents" aria-label="Contents of the report">
        <h2 className="nhsuk-u-visually-hidden">Contents</h2>
        <ol className="nhsuk-contents-list__list">
          <li className="nhsuk-contents-list__item">
            <a className="nhsuk-contents-list__link" href="#report-summary">
              Summary: variation and assurance
            </a>
          </li>
          {content.domains.map((domain) => (
            <li className="nhsuk-contents-list__item" key={domain.domain}>
              <a className="nhsuk-contents-list__link" href={`#domain-${domain.domain}`}>
                {domain.label} ({domain.sections.length})
              </a>
            </li>
          ))}
        </ol>
      </nav>
      <section aria-labelledby="report-summary">
        <h2 id="report-summary" tabIndex={-1}>
          Summary: variation and assurance
        </h2>
        <ReportMatrix content={content} />
      </section>
      {content.domains.map((domain) => (
        <section
          className="gs-report__domain"
          key={domain.domain}
          aria-labelledby={`domain-${domain.domain}`}
        >
          <h2 id={`domain-${domain.domain}`} tabIndex={-1}>
            {domain.label}
          </h2>
          <ul className="nhsuk-list gs-report__measures">
            {domain.sections.map((section) => (
              <li key={section.seriesId}>
                <a href={`#${sectionAnchor(section.seriesId)}`}>{section.title}</a>
              </li>
            ))}
          </ul>
          {domain.sections.map((section) => (
            <ReportSectionView
              key={section.seriesId}
              section={section}
              periodLabel={content.periodLabel}
              commentary={commentary?.(section)}
            />
          ))}
        </section>
      ))}
    </div>
  );
}
