/**
 * @module capability/publish
 * Capability by unit published as measures: one proportion measure per level of the curriculum in
 * the organisation's own catalogue (code `capability-<level id>`, domain workforce, monthly, higher
 * is better, internal to the organisation), and a series of it per unit with staff, whose monthly
 * points are the share of the unit's staff trained at that level (capability/compute.ts), and one
 * for the organisation as a whole (unit null, as every organisation-level series is stored): the
 * share of all its staff with a unit.
 *
 * `republish` recomputes every point and writes them through the observations repository (changed
 * points keep their revision history; unchanged ones are not touched; the series' data versions
 * move on, so charts and dashboards show the new values at once). Every change to completions,
 * confirmations, the curriculum or staff units calls it in its own transaction, so capability is
 * never out of step with the records. A person's change is recorded as theirs; the system's (demo
 * data) as an import.
 */
import { and, eq, inArray, min } from 'drizzle-orm';
import type { Principal } from '../auth/principal.js';
import { measureSeries, measures, observations } from '../db/schema.js';
import type { Database } from '../db/types.js';
import { createImport, finishImport } from '../imports/repository.js';
import { createMeasure, updateMeasure } from '../measures/repository.js';
import type { Measure } from '../measures/repository.js';
import type { ObservationInput, Provenance } from '../observations/input.js';
import type { MergeCounts } from '../observations/merge.js';
import { upsertObservations } from '../observations/repository.js';
import { ensureSeries } from '../series/repository.js';
import { capabilityPoints } from './compute.js';
import { countedCompletions, levelFacts, readCurriculum, staffFacts, unitFacts } from './repository.js';
import type { Level } from './repository.js';

/** The code of a level's measure. */
export function levelMeasureCode(levelId: string): string {
  return `capability-${levelId}`;
}

/** The name of a level's measure. */
export function levelMeasureName(level: Pick<Level, 'name'>): string {
  return `Staff trained in QI: ${level.name} level or above`;
}

/** Today (UTC), `YYYY-MM-DD`. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** The level's measure, created (or renamed) as needed. */
async function levelMeasure(
  db: Database,
  organisationId: string,
  level: Level,
  existing: Measure | undefined,
): Promise<Measure> {
  const name = levelMeasureName(level);
  const description =
    `The share of a unit's staff who have completed every required course of the ${level.name} level ` +
    'of the QI curriculum, or of a higher level, as at the end of each month (the current month so far). ' +
    'Published automatically from training records.';
  if (existing === undefined) {
    return createMeasure(db, {
      ownerOrganisationId: organisationId,
      code: levelMeasureCode(level.id),
      name,
      description,
      unitLabel: '%',
      dataType: 'proportion',
      chartType: 'p',
      spcOptions: { direction: 'increase' },
      domain: 'workforce',
      owner: 'QI lead',
      source: 'Groundswell training records',
      visibility: 'internal',
      frequency: 'month',
    });
  }
  if (existing.name !== name || existing.description !== description) {
    return updateMeasure(db, existing.id, { name, description });
  }
  return existing;
}

/** The organisation's capability measures, by level id. */
export async function capabilityMeasures(
  db: Database,
  organisationId: string,
): Promise<Map<string, Measure>> {
  const levels = await readCurriculum(db, organisationId);
  if (levels.length === 0) return new Map();
  const rows = await db
    .select()
    .from(measures)
    .where(
      and(
        eq(measures.ownerOrganisationId, organisationId),
        inArray(
          measures.code,
          levels.map((l) => levelMeasureCode(l.id)),
        ),
      ),
    );
  const byCode = new Map(rows.map((m) => [m.code, m]));
  const result = new Map<string, Measure>();
  for (const level of levels) {
    const measure = byCode.get(levelMeasureCode(level.id));
    if (measure !== undefined) result.set(level.id, measure);
  }
  return result;
}

/** Who wrote the points: the person, or an import for the system. */
async function provenanceOf(db: Database, principal: Principal, organisationId: string): Promise<Provenance> {
  if (principal.kind === 'user') return { userId: principal.userId };
  const made = await createImport(db, {
    organisationId,
    fileName: 'capability by unit (training records)',
    format: 'api',
  });
  return { importId: made.id };
}

/**
 * Recomputes and publishes the organisation's capability by unit (see the module), in the caller's
 * transaction.
 */
export async function republish(
  db: Database,
  principal: Principal,
  organisationId: string,
): Promise<MergeCounts> {
  const curriculum = await readCurriculum(db, organisationId);
  const levels = await levelFacts(db, organisationId);
  const existing = await capabilityMeasures(db, organisationId);
  const measureIds = [...existing.values()].map((m) => m.id);
  const [published] =
    measureIds.length === 0
      ? [undefined]
      : await db
          .select({ first: min(observations.period) })
          .from(observations)
          .innerJoin(measureSeries, eq(measureSeries.id, observations.seriesId))
          .where(
            and(
              inArray(measureSeries.measureId, measureIds),
              eq(measureSeries.organisationId, organisationId),
            ),
          );
  const points = capabilityPoints({
    levels,
    units: await unitFacts(db, organisationId),
    staff: await staffFacts(db, organisationId),
    completions: await countedCompletions(db, organisationId),
    today: today(),
    from: published?.first ?? undefined,
  });
  const measureOf = new Map<string, Measure>();
  for (const level of curriculum) {
    if (!level.courses.some((c) => c.required)) continue;
    measureOf.set(level.id, await levelMeasure(db, organisationId, level, existing.get(level.id)));
  }
  const seriesIds = new Map<string, string>();
  const rows: ObservationInput[] = [];
  for (const point of points) {
    const measure = measureOf.get(point.levelId);
    if (measure === undefined) continue;
    const key = `${measure.id}/${point.unitId}`;
    let seriesId = seriesIds.get(key);
    if (seriesId === undefined) {
      seriesId = (await ensureSeries(db, { measureId: measure.id, organisationId, unitId: point.unitId })).id;
      seriesIds.set(key, seriesId);
    }
    rows.push({ seriesId, period: point.period, numerator: point.trained, denominator: point.staff });
  }
  if (rows.length === 0) return { added: 0, changed: 0, unchanged: 0 };
  const provenance = await provenanceOf(db, principal, organisationId);
  const counts = await upsertObservations(db, rows, provenance);
  if (provenance.importId != null) await finishImport(db, provenance.importId, counts);
  return counts;
}
