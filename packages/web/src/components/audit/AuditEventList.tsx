/**
 * @module components/audit/AuditEventList
 * Audit events, newest first: each with its summary as a heading, who made the change and how,
 * when, what was done to what, and the fields that changed with their values before and after (a
 * table on wide screens, a card per field on a phone), never the raw JSON.
 */
import { Link } from 'react-router';
import { formatDateTime } from '../account/tokens';
import type { Column } from '../ResponsiveTable';
import { ResponsiveTable } from '../ResponsiveTable';
import type { AuditEvent } from './data';
import type { ChangedField } from './diff';
import { changedFields } from './diff';
import { actionWords, entityWords, VIA_WORDS } from './filters';

/** Changed fields shown in full; the rest are counted (an import can change thousands of points). */
export const SHOWN_FIELDS = 25;

/** The id of an event's heading (focus moves to the first of a newly loaded page). */
export const eventHeadingId = (event: Pick<AuditEvent, 'id'>): string => `audit-event-${event.id}`;

function Value({ value }: { value: string | null }): React.JSX.Element {
  return value === null ? <span className="gs-muted">nothing</span> : <>{value}</>;
}

/** The fields that changed, before and after. */
export function ChangeTable({
  event,
}: {
  event: Pick<AuditEvent, 'before' | 'after' | 'id'>;
}): React.JSX.Element {
  const fields = changedFields(event.before, event.after);
  if (fields.length === 0) {
    return <p className="nhsuk-body-s gs-muted">No details of the change were recorded.</p>;
  }
  const columns: Column<ChangedField>[] = [
    { heading: 'Field', cell: (f) => f.field },
    { heading: 'Before', cell: (f) => <Value value={f.before} /> },
    { heading: 'After', cell: (f) => <Value value={f.after} /> },
  ];
  const more = fields.length - SHOWN_FIELDS;
  return (
    <>
      <ResponsiveTable
        caption={<span className="nhsuk-u-visually-hidden">What changed</span>}
        columns={columns}
        rows={fields.slice(0, SHOWN_FIELDS)}
        rowKey={(f) => f.field}
        firstCellIsHeader
      />
      {more > 0 && (
        <p className="nhsuk-body-s">
          And {more.toLocaleString('en-GB')} more {more === 1 ? 'field' : 'fields'} changed.
        </p>
      )}
    </>
  );
}

/** The chart a change belongs to, when the event names one. */
function seriesOf(event: AuditEvent): string | null {
  if (event.entityType === 'series') return event.entityId;
  for (const state of [event.after, event.before]) {
    if (typeof state === 'object' && state !== null && !Array.isArray(state)) {
      const id = (state as Record<string, unknown>).seriesId;
      if (typeof id === 'string') return id;
    }
  }
  return null;
}

function Row({ term, children }: { term: string; children: React.ReactNode }): React.JSX.Element {
  return (
    <div className="nhsuk-summary-list__row">
      <dt className="nhsuk-summary-list__key">{term}</dt>
      <dd className="nhsuk-summary-list__value">{children}</dd>
    </div>
  );
}

function EventItem({ event }: { event: AuditEvent }): React.JSX.Element {
  const series = seriesOf(event);
  return (
    <li className="gs-audit-event">
      <h3 className="nhsuk-heading-s" id={eventHeadingId(event)} tabIndex={-1}>
        {event.summary}
      </h3>
      <dl className="nhsuk-summary-list">
        <Row term="Who">
          {event.actor}, {VIA_WORDS[event.via]}
        </Row>
        <Row term="When">
          <time dateTime={event.at}>{formatDateTime(event.at)}</time>
        </Row>
        <Row term="What">
          {actionWords(event.action)} <span className="gs-muted nhsuk-body-s">({event.action})</span>
        </Row>
        <Row term="Changed">
          {entityWords(event.entityType)}{' '}
          <span className="gs-muted nhsuk-body-s gs-audit-entity">{event.entityId}</span>
          {series !== null && (
            <>
              {' '}
              <Link to={`/series/${encodeURIComponent(series)}`}>
                Open the chart<span className="nhsuk-u-visually-hidden"> this change was made to</span>
              </Link>
            </>
          )}
        </Row>
      </dl>
      <ChangeTable event={event} />
    </li>
  );
}

export function AuditEventList({ events }: { events: readonly AuditEvent[] }): React.JSX.Element {
  return (
    <ol className="nhsuk-list gs-audit-events">
      {events.map((event) => (
        <EventItem key={event.id} event={event} />
      ))}
    </ol>
  );
}
