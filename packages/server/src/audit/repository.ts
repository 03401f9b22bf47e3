/**
 * @module audit/repository
 * Writing and reading the audit log. Every service that changes data calls `recordAudit` in the
 * same transaction as the change, so a change and its record stand or fall together.
 */
import { and, asc, desc, eq, gte, inArray, isNotNull, lt, lte, max } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { actorOf } from '../auth/principal.js';
import type { Principal } from '../auth/principal.js';
import { auditEvents } from '../db/schema.js';
import type { Database } from '../db/types.js';
import { DataError } from '../errors.js';
import { decodeCursor, pageLimit, toPage } from '../paging.js';
import type { Page, PageRequest } from '../paging.js';

export type AuditRow = typeof auditEvents.$inferSelect;

/** One change to record. */
export interface AuditInput {
  /** `measure.create`, `series.update`, `member.invite`... */
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string;
  /** Whose data changed (null: platform-wide). */
  readonly organisationId: string | null;
  /** The change in words, for the log page: "Changed the target from 90% to 95%". */
  readonly summary: string;
  readonly before?: unknown;
  readonly after?: unknown;
}

/** Records a change by `principal`; returns the event's id (observation revisions link to it). */
export async function recordAudit(db: Database, principal: Principal, input: AuditInput): Promise<number> {
  const { actorId, actor, via } = actorOf(principal);
  const [row] = await db
    .insert(auditEvents)
    .values({
      actorId,
      actor,
      via,
      organisationId: input.organisationId,
      action: input.action,
      entityType: input.entityType,
      entityId: input.entityId,
      summary: input.summary,
      before: input.before ?? null,
      after: input.after ?? null,
    })
    .returning({ id: auditEvents.id });
  return row!.id;
}

/** What to list. */
export interface AuditFilter extends PageRequest {
  /** Only this organisation's events (null: platform-wide ones). */
  readonly organisationId: string | null;
  readonly actorId?: string | undefined;
  readonly action?: string | undefined;
  readonly entityType?: string | undefined;
  readonly entityId?: string | undefined;
  /** From this time (inclusive) to this time (inclusive). */
  readonly from?: Date | undefined;
  readonly to?: Date | undefined;
}

/** Events newest first, a page at a time. */
export async function listAuditEvents(db: Database, filter: AuditFilter): Promise<Page<AuditRow>> {
  const limit = pageLimit(filter);
  const where: (SQL | undefined)[] = [
    filter.organisationId === null ? undefined : eq(auditEvents.organisationId, filter.organisationId),
    filter.actorId === undefined ? undefined : eq(auditEvents.actorId, filter.actorId),
    filter.action === undefined ? undefined : eq(auditEvents.action, filter.action),
    filter.entityType === undefined ? undefined : eq(auditEvents.entityType, filter.entityType),
    filter.entityId === undefined ? undefined : eq(auditEvents.entityId, filter.entityId),
    filter.from === undefined ? undefined : gte(auditEvents.at, filter.from),
    filter.to === undefined ? undefined : lte(auditEvents.at, filter.to),
  ];
  if (filter.cursor) {
    const id = Number(decodeCursor(filter.cursor, 1)[0]);
    if (!Number.isSafeInteger(id)) {
      throw new DataError('invalid_input', 'cursor is not one this server gave out', { field: 'cursor' });
    }
    where.push(lt(auditEvents.id, id));
  }
  const rows = await db
    .select()
    .from(auditEvents)
    .where(and(...where))
    .orderBy(desc(auditEvents.id))
    .limit(limit + 1);
  return toPage(
    rows,
    limit,
    (row) => [String(row.id)],
    (row) => row,
  );
}

/** What an organisation's log holds, to filter by. */
export interface AuditFacetRows {
  readonly actions: string[];
  readonly entityTypes: string[];
  /** People (not the system) who changed something, with the name of their latest event. */
  readonly actors: { id: string; name: string }[];
}

/** Every action, kind of thing and person in an organisation's log (null: platform-wide events). */
export async function auditFacets(db: Database, organisationId: string | null): Promise<AuditFacetRows> {
  const inLog = organisationId === null ? undefined : eq(auditEvents.organisationId, organisationId);
  const actions = await db
    .selectDistinct({ action: auditEvents.action })
    .from(auditEvents)
    .where(inLog)
    .orderBy(asc(auditEvents.action));
  const entityTypes = await db
    .selectDistinct({ entityType: auditEvents.entityType })
    .from(auditEvents)
    .where(inLog)
    .orderBy(asc(auditEvents.entityType));
  const latest = await db
    .select({ actorId: auditEvents.actorId, last: max(auditEvents.id) })
    .from(auditEvents)
    .where(and(inLog, isNotNull(auditEvents.actorId)))
    .groupBy(auditEvents.actorId);
  const ids = latest.map((row) => row.last).filter((id): id is number => id !== null);
  const names =
    ids.length === 0
      ? []
      : await db
          .select({ id: auditEvents.actorId, name: auditEvents.actor })
          .from(auditEvents)
          .where(inArray(auditEvents.id, ids));
  const actors = names
    .filter((row): row is { id: string; name: string } => row.id !== null)
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB') || a.id.localeCompare(b.id));
  return {
    actions: actions.map((row) => row.action),
    entityTypes: entityTypes.map((row) => row.entityType),
    actors,
  };
}
