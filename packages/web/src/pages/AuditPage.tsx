/**
 * @module pages/AuditPage
 * An organisation's audit log (`/organisations/:ref/audit`): every change to its data, newest
 * first, a page at a time — who, when, what, the summary, and the fields that changed before and
 * after — filtered by action, person, kind of thing and date range (kept in the URL). For QI leads,
 * executives and administrators of the organisation, and platform administrators; anyone else is
 * asked to sign in, or told which role it needs.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiFailure } from '../api/client';
import { SESSION_KEY } from '../api/session';
import { RoleNeeded, SignInPrompt, usePermission } from '../components/account/Permitted';
import { AuditEventList, eventHeadingId } from '../components/audit/AuditEventList';
import { AuditFilterForm } from '../components/audit/AuditFilterForm';
import { useAuditFacets, useAuditLog } from '../components/audit/data';
import type { AuditFilters } from '../components/audit/filters';
import {
  actionWords,
  dateAt,
  entityWords,
  filtersFromParams,
  filtersToParams,
  hasFilters,
} from '../components/audit/filters';
import { useOrganisation } from '../components/measure/data';
import { PageTitle } from '../components/PageTitle';
import { ErrorSummary, Loading } from '../components/QueryState';
import '../components/audit/audit.css';

const TITLE = 'Audit log';
const NO_FACETS = { actions: [], entityTypes: [], actors: [] };

const DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });

/** "26 Nov 2026" for `2026-11-26`. */
function dayWords(day: string): string {
  const at = dateAt(day, false);
  return at === null ? day : DAY.format(at);
}

/** The filters in force, in words ("Target set, by Lee Lead, from 1 Nov 2026"). */
function describe(filters: AuditFilters, people: ReadonlyMap<string, string>): string {
  const parts: string[] = [];
  if (filters.action !== undefined) parts.push(actionWords(filters.action));
  if (filters.actor !== undefined) parts.push(`by ${people.get(filters.actor) ?? 'one person'}`);
  if (filters.entityType !== undefined) parts.push(`to: ${entityWords(filters.entityType)}`);
  if (filters.from !== undefined) parts.push(`from ${dayWords(filters.from)}`);
  if (filters.to !== undefined) parts.push(`to ${dayWords(filters.to)}`);
  return parts.length === 0 ? 'Every change, newest first' : `Changes (${parts.join(', ')}), newest first`;
}

function AuditLog({ organisationRef: ref }: { organisationRef: string }): React.JSX.Element {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromParams(params), [params]);
  const client = useQueryClient();
  const facets = useAuditFacets(ref, true);
  const log = useAuditLog(ref, filters, true);
  const results = useRef<HTMLHeadingElement>(null);
  const applied = useRef(false);
  /** The heading to move focus to once it is on the page (the first of a newly shown page of events). */
  const focusNext = useRef<string | null>(null);
  const events = useMemo(() => log.data?.pages.flatMap((page) => page.items) ?? [], [log.data]);
  const people = useMemo(
    () => new Map((facets.data?.actors ?? []).map((p) => [p.id, p.name])),
    [facets.data],
  );
  // A session that ended meanwhile: read it again, and the page asks to sign in.
  const ended = log.error instanceof ApiFailure && log.error.status === 401;
  useEffect(() => {
    if (ended) void client.invalidateQueries({ queryKey: SESSION_KEY });
  }, [ended, client]);
  // After filters are applied: to the results' heading. After more are shown: to the first new one.
  useEffect(() => {
    if (applied.current && !log.isFetching) {
      applied.current = false;
      results.current?.focus();
    }
  }, [log.isFetching]);
  const focusWaiting = (): void => {
    const heading = focusNext.current === null ? null : document.getElementById(focusNext.current);
    if (heading === null) return;
    focusNext.current = null;
    heading.focus();
  };
  useEffect(focusWaiting, [events]);

  const oneThing = filters.entityId;
  const moreError = log.isFetchNextPageError ? log.error : null;
  return (
    <>
      <p className="nhsuk-body-l">
        Every change to the organisation’s data, as it was made: who made it, when, and what it was before and
        after. Nothing in the log can be changed or removed.
      </p>
      <AuditFilterForm
        key={params.toString()}
        filters={filters}
        facets={facets.data ?? NO_FACETS}
        onApply={(next) => {
          const wanted = filtersToParams(next);
          applied.current = true;
          if (wanted.toString() === params.toString()) {
            results.current?.focus();
            applied.current = false;
            return;
          }
          setParams(wanted);
        }}
      />
      {facets.isError && !log.isError && (
        <p className="nhsuk-error-message">
          The choices to filter by could not be loaded ({facets.error.message}): filter by date, or try again.
        </p>
      )}
      <h2 className="nhsuk-heading-m" id="audit-results-heading" ref={results} tabIndex={-1}>
        {describe(filters, people)}
      </h2>
      {oneThing !== undefined && (
        <p>
          Only the changes to one {entityWords(filters.entityType ?? 'thing').toLowerCase()} (
          <span className="gs-audit-entity">{oneThing}</span>).{' '}
          <Link
            to={{
              search: filtersToParams({ ...filters, entityId: undefined, entityType: undefined }).toString(),
            }}
          >
            Show the changes to everything
          </Link>
        </p>
      )}
      {log.isPending ? (
        <Loading what="the audit log" />
      ) : log.isError && moreError === null ? (
        <ErrorSummary title="Could not load the audit log" error={log.error} />
      ) : events.length === 0 ? (
        <>
          <p role="status">No changes match {hasFilters(filters) ? 'these filters' : 'yet'}.</p>
          {hasFilters(filters) && (
            <p>
              <Link to={{ search: '' }}>Clear the filters</Link> to see every change.
            </p>
          )}
        </>
      ) : (
        <>
          <p className="nhsuk-body-s" role="status">
            {events.length === 1 ? '1 change' : `${events.length.toLocaleString('en-GB')} changes`} shown
            {log.hasNextPage ? '; there are older ones' : ''}
            {log.isFetching && !log.isFetchingNextPage ? ' (updating…)' : ''}
          </p>
          {hasFilters(filters) && (
            <p className="nhsuk-body-s">
              <Link to={{ search: '' }}>Clear the filters</Link>
            </p>
          )}
          <AuditEventList events={events} />
          {log.hasNextPage && (
            <button
              className="nhsuk-button nhsuk-button--secondary"
              type="button"
              disabled={log.isFetchingNextPage}
              onClick={() => {
                void log.fetchNextPage().then((result) => {
                  const pages = result.data?.pages ?? [];
                  const first = pages.at(-1)?.items[0];
                  if (first === undefined) return;
                  focusNext.current = eventHeadingId(first);
                  // Shown already, or shown at the next render (then the effect above moves focus).
                  requestAnimationFrame(focusWaiting);
                });
              }}
            >
              {log.isFetchingNextPage ? 'Loading older changes…' : 'Show older changes'}
            </button>
          )}
          {moreError !== null && <ErrorSummary title="Could not load older changes" error={moreError} />}
        </>
      )}
    </>
  );
}

export default function AuditPage(): React.JSX.Element {
  const { ref = '' } = useParams();
  const organisation = useOrganisation(ref === '' ? undefined : ref);
  const permission = usePermission('audit.read', { id: ref, odsCode: ref });
  const name = organisation.data?.name;
  const heading = <PageTitle caption={name ?? (organisation.isError ? ref : undefined)}>{TITLE}</PageTitle>;
  switch (permission.state) {
    case 'pending':
      return (
        <>
          {heading}
          <Loading what="who is signed in" />
        </>
      );
    case 'error':
      return (
        <>
          {heading}
          <ErrorSummary title="Could not find out who is signed in" error={permission.error} />
        </>
      );
    case 'signed-out':
      return (
        <>
          {heading}
          <SignInPrompt to="read the audit log" />
        </>
      );
    case 'forbidden':
      return (
        <>
          {heading}
          <RoleNeeded
            action="audit.read"
            to="read its audit log"
            where={`in ${name ?? ref}`}
            user={permission.user}
          />
        </>
      );
    case 'allowed':
      return (
        <>
          {heading}
          <AuditLog organisationRef={ref} />
        </>
      );
  }
}
