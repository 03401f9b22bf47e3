/**
 * @module capability/by-unit
 * Capability by unit as the Capability page shows it: for each unit with staff (and the
 * organisation as a whole), for each level,
 * this month's share of staff trained (the latest point of the published series) and the series
 * and measure where its SPC chart is. And the people coaches record training for, with the unit
 * each works in (set by QI leads and administrators, `capability.manage`; audited and republished
 * in the same transaction).
 */
import { and, eq, inArray } from 'drizzle-orm';
import { audited } from '../audit/audited.js';
import type { Principal } from '../auth/principal.js';
import { requirePermission } from '../auth/require.js';
import { measureSeries, staffUnits, units } from '../db/schema.js';
import type { Database } from '../db/types.js';
import { DataError } from '../errors.js';
import { findOrganisation } from '../organisations/service.js';
import { requireUuid } from '../validation.js';
import { requireCapabilityReader, requireCoachReader } from './access.js';
import { capabilityPoints } from './compute.js';
import { capabilityMeasures, republish, today } from './publish.js';
import {
  countedCompletions,
  levelFacts,
  listPeople,
  readCurriculum,
  staffFacts,
  unitFacts,
} from './repository.js';
import type { PersonRow } from './repository.js';

/** One level's figure for one unit this month. */
export interface UnitLevelFigure {
  readonly levelId: string;
  readonly trained: number;
  readonly staff: number;
  readonly seriesId: string | null;
}

/** A unit's capability this month. */
export interface UnitCapability {
  readonly unitId: string;
  readonly name: string;
  readonly parentId: string | null;
  readonly levels: UnitLevelFigure[];
}

/** The organisation's capability by unit this month. */
export interface CapabilityOverview {
  readonly organisationId: string;
  readonly period: string;
  readonly levels: { id: string; name: string; rank: number; measureId: string | null }[];
  readonly units: UnitCapability[];
  /** The organisation as a whole (every member of staff with a unit), or null without staff. */
  readonly organisation: { readonly levels: UnitLevelFigure[] } | null;
}

/**
 * Capability by unit this month, for the organisation's people.
 * @throws {DataError} `not_found` (organisation), `unauthenticated`, `forbidden`.
 */
export async function capabilityByUnit(
  db: Database,
  principal: Principal,
  organisationRef: string,
): Promise<CapabilityOverview> {
  const organisation = await findOrganisation(db, organisationRef);
  requireCapabilityReader(principal, organisation.id);
  const curriculum = await readCurriculum(db, organisation.id);
  const measures = await capabilityMeasures(db, organisation.id);
  const day = today();
  const period = `${day.slice(0, 7)}-01`;
  const points = capabilityPoints({
    levels: await levelFacts(db, organisation.id),
    units: await unitFacts(db, organisation.id),
    staff: await staffFacts(db, organisation.id),
    completions: await countedCompletions(db, organisation.id),
    today: day,
    from: day,
  }).filter((p) => p.period === period);
  const measureIds = [...measures.values()].map((m) => m.id);
  const series =
    measureIds.length === 0
      ? []
      : await db
          .select({ id: measureSeries.id, measureId: measureSeries.measureId, unitId: measureSeries.unitId })
          .from(measureSeries)
          .where(
            and(
              eq(measureSeries.organisationId, organisation.id),
              inArray(measureSeries.measureId, measureIds),
            ),
          );
  const seriesOf = new Map(series.map((s) => [`${s.measureId}/${s.unitId}`, s.id]));
  const unitRows = await db
    .select({ id: units.id, name: units.name, parentId: units.parentId })
    .from(units)
    .where(eq(units.organisationId, organisation.id))
    .orderBy(units.name);
  const counted = curriculum.filter((l) => l.courses.some((c) => c.required));
  const figures = (unitId: string | null): UnitLevelFigure[] =>
    counted.map((level) => {
      const point = points.find((p) => p.unitId === unitId && p.levelId === level.id);
      const measureId = measures.get(level.id)?.id;
      return {
        levelId: level.id,
        trained: point?.trained ?? 0,
        staff: point?.staff ?? 0,
        seriesId: measureId === undefined ? null : (seriesOf.get(`${measureId}/${unitId}`) ?? null),
      };
    });
  return {
    organisationId: organisation.id,
    period,
    levels: counted.map((l) => ({
      id: l.id,
      name: l.name,
      rank: l.rank,
      measureId: measures.get(l.id)?.id ?? null,
    })),
    units: unitRows.flatMap((unit) => {
      const mine = points.filter((p) => p.unitId === unit.id);
      if (mine.length === 0) return [];
      return [
        {
          unitId: unit.id,
          name: unit.name,
          parentId: unit.parentId,
          levels: figures(unit.id),
        },
      ];
    }),
    organisation: points.some((p) => p.unitId === null) ? { levels: figures(null) } : null,
  };
}

/**
 * The organisation's active members with the unit each works in, for coaches.
 * @throws {DataError} `not_found` (organisation), 401, 403.
 */
export async function listCapabilityPeople(
  db: Database,
  principal: Principal,
  organisationRef: string,
): Promise<PersonRow[]> {
  const organisation = await findOrganisation(db, organisationRef);
  await requireCoachReader(db, principal, organisation.id);
  return listPeople(db, organisation.id);
}

/**
 * Sets the unit a member works in (null: none), from `since` (default today).
 * @throws {DataError} `not_found` (organisation), `invalid_input` (not a member, not a unit of the
 * organisation, a future date), 401, 403.
 */
export async function setStaffUnit(
  db: Database,
  principal: Principal,
  organisationRef: string,
  userId: string,
  input: { readonly unitId: string | null; readonly since?: string | undefined },
): Promise<PersonRow> {
  const organisation = await findOrganisation(db, organisationRef);
  requirePermission(principal, 'capability.manage', organisation.id);
  const target = requireUuid('userId', userId);
  const people = await listPeople(db, organisation.id);
  const before = people.find((p) => p.userId === target);
  if (before === undefined) {
    throw new DataError('not_found', 'no active member of the organisation has this id', { field: 'userId' });
  }
  const since = input.since ?? today();
  if (since > today())
    throw new DataError('invalid_input', 'since cannot be in the future', { field: 'since' });
  if (input.unitId !== null) {
    const [unit] = await db
      .select({ id: units.id })
      .from(units)
      .where(
        and(eq(units.id, requireUuid('unitId', input.unitId)), eq(units.organisationId, organisation.id)),
      );
    if (unit === undefined) {
      throw new DataError('invalid_input', `unitId must be one of ${organisation.name}'s units`, {
        field: 'unitId',
      });
    }
  }
  await audited(
    db,
    principal,
    async (tx) => {
      await tx
        .delete(staffUnits)
        .where(and(eq(staffUnits.userId, target), eq(staffUnits.organisationId, organisation.id)));
      if (input.unitId !== null) {
        await tx
          .insert(staffUnits)
          .values({ userId: target, organisationId: organisation.id, unitId: input.unitId, since });
      }
      await republish(tx, principal, organisation.id);
    },
    () => ({
      action: 'staff_unit.set',
      entityType: 'user',
      entityId: target,
      organisationId: organisation.id,
      summary:
        input.unitId === null ? `Cleared ${before.displayName}'s unit` : `Set ${before.displayName}'s unit`,
      before: { unitId: before.unitId, since: before.since },
      after: { unitId: input.unitId, since: input.unitId === null ? null : since },
    }),
  );
  return (await listPeople(db, organisation.id)).find((p) => p.userId === target)!;
}
