/**
 * @module components/ideas/StatusTag
 * An idea's status as an NHS tag, in words ("Taken forward"), never by colour alone.
 */
import type { IdeaStatus } from './data';
import { STATUSES } from './data';

export function StatusTag({ status }: { status: IdeaStatus }): React.JSX.Element {
  const found = STATUSES.find((s) => s.value === status);
  return <strong className={`nhsuk-tag ${found?.tag ?? 'nhsuk-tag--grey'}`}>{found?.label ?? status}</strong>;
}

/** "You said, we did": the reason given at triage, shown to everyone (nothing before triage). */
export function YouSaidWeDid({ reason }: { reason: string }): React.JSX.Element | null {
  if (reason.trim() === '') return null;
  return (
    <div className="nhsuk-inset-text gs-idea-reason">
      <span className="nhsuk-u-visually-hidden">Information: </span>
      <p>
        <strong>You said, we did:</strong> <span className="gs-pre-line">{reason}</span>
      </p>
    </div>
  );
}
