/**
 * @module components/import/ImportFacts
 * What a clean preview says a commit will do (or what a commit did), as an NHS summary list:
 * the file, the rows and periods, and the points added, changed and left alone.
 */
import type { Schema } from '../../api/client';

type Preview = Schema<'ImportPreview'>;

const n = (value: number): string => value.toLocaleString('en-GB');
const points = (count: number): string => (count === 1 ? '1 point' : `${n(count)} points`);

/** "1 Mar 2024" from an ISO date. */
export function formatDate(iso: string): string {
  const date = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

function Row({ term, children }: { term: string; children: React.ReactNode }): React.JSX.Element {
  return (
    <div className="nhsuk-summary-list__row">
      <dt className="nhsuk-summary-list__key">{term}</dt>
      <dd className="nhsuk-summary-list__value">{children}</dd>
    </div>
  );
}

export function ImportFacts({
  fileName,
  organisation,
  preview,
  done,
}: {
  fileName: string;
  /** The organisation in words ("Barking… (RF4)"), or a national file's description. */
  organisation: string;
  preview: Preview;
  /** True once committed: "Added" rather than "Will add". */
  done: boolean;
}): React.JSX.Element {
  return (
    <dl className="nhsuk-summary-list">
      <Row term="File">{fileName}</Row>
      <Row term="Organisation">{organisation}</Row>
      <Row term="Rows read">{n(preview.rows)}</Row>
      {preview.firstPeriod !== null && preview.lastPeriod !== null && (
        <Row term="Periods">
          {formatDate(preview.firstPeriod)} to {formatDate(preview.lastPeriod)}
        </Row>
      )}
      <Row term="Series">
        {n(preview.series)}
        {preview.newSeries > 0 && ` (${n(preview.newSeries)} new)`}
      </Row>
      <Row term={done ? 'Added' : 'Will add'}>{points(preview.added)}</Row>
      <Row term={done ? 'Changed' : 'Will change'}>
        {points(preview.changed)}
        {preview.changed > 0 && (
          <span className="nhsuk-body-s gs-muted gs-block">
            Each changed point keeps its earlier value in its revision history.
          </span>
        )}
      </Row>
      <Row term={done ? 'Left unchanged' : 'Will leave unchanged'}>{points(preview.unchanged)}</Row>
    </dl>
  );
}
