/**
 * @module measures/changes
 * Changing measure definitions and their targets as a person: read access first (a hidden
 * measure is not found), then the `measure.define` permission in the owner organisation (shared
 * measures: platform administrators), then the change and its audit record in one transaction.
 */
import { audited } from '../audit/audited.js';
import { recordAudit } from '../audit/repository.js';
import { canRead } from '../auth/permissions.js';
import type { Principal } from '../auth/principal.js';
import { requirePermission } from '../auth/require.js';
import type { Database } from '../db/types.js';
import { changedFields } from './audit-diff.js';
import type { MeasurePatch, NewMeasure } from './input.js';
import { presentMeasure } from './presenter.js';
import { createMeasure, updateMeasure } from './repository.js';
import type { Measure } from './repository.js';
import { measureNotFound, requireReadableMeasure } from './service.js';
import { listTargets, setTarget } from './targets.js';
import type { MeasureTarget, NewTarget } from './targets.js';

const IGNORED = ['updatedAt', 'createdAt'];

/**
 * Defines a measure: `measure.define` in its owner organisation (none: platform administrators).
 * @throws {DataError} `unauthenticated`, `forbidden`, and as `createMeasure`.
 */
export async function defineMeasure(db: Database, principal: Principal, input: NewMeasure): Promise<Measure> {
  requirePermission(principal, 'measure.define', input.ownerOrganisationId ?? null);
  return audited(
    db,
    principal,
    (tx) => createMeasure(tx, input),
    (measure) => ({
      action: 'measure.create',
      entityType: 'measure',
      entityId: measure.id,
      organisationId: measure.ownerOrganisationId,
      summary: `Defined the measure ${measure.name} (${measure.code})`,
      after: presentMeasure(measure),
    }),
  );
}

/**
 * Changes a measure's definition.
 * @throws {DataError} `not_found` (also when hidden), `unauthenticated`, `forbidden`, and as
 * `updateMeasure`.
 */
export async function changeMeasure(
  db: Database,
  principal: Principal,
  id: string,
  patch: MeasurePatch,
): Promise<Measure> {
  const current = await requireReadableMeasure(db, principal, id);
  requirePermission(principal, 'measure.define', current.ownerOrganisationId);
  return db.transaction(async (tx) => {
    const updated = await updateMeasure(tx, current.id, patch);
    const diff = changedFields(presentMeasure(current), presentMeasure(updated), IGNORED);
    await recordAudit(tx, principal, {
      action: 'measure.update',
      entityType: 'measure',
      entityId: updated.id,
      organisationId: updated.ownerOrganisationId,
      summary:
        diff.fields.length === 0
          ? `Saved the measure ${updated.name} unchanged`
          : `Changed ${diff.fields.join(', ')} of the measure ${updated.name}`,
      before: diff.before,
      after: diff.after,
    });
    return updated;
  });
}

/**
 * The target timeline of a readable measure; an organisation's own timeline only when the person
 * may read the measure's data there (otherwise the definition's).
 * @throws {DataError} `not_found` (also when hidden).
 */
export async function readableTargets(
  db: Database,
  principal: Principal,
  measureId: string,
  organisationId?: string,
): Promise<MeasureTarget[]> {
  const measure = await requireReadableMeasure(db, principal, measureId);
  const own =
    organisationId !== undefined && canRead(principal, measure.visibility, organisationId)
      ? organisationId
      : undefined;
  return listTargets(db, measure.id, own);
}

function words(value: number | null | undefined): string {
  return value === null || value === undefined ? 'no target' : String(value);
}

/**
 * Sets a target from a date on: the definition's (`measure.define` in the owner organisation) or
 * an organisation's own timeline (`measure.define` in that organisation).
 * @throws {DataError} `not_found` (also when hidden), `unauthenticated`, `forbidden`, and as
 * `setTarget`.
 */
export async function changeTarget(
  db: Database,
  principal: Principal,
  input: NewTarget,
): Promise<MeasureTarget> {
  const measure = await requireReadableMeasure(db, principal, input.measureId);
  const organisationId = input.organisationId ?? null;
  if (organisationId !== null && !canRead(principal, measure.visibility, organisationId)) {
    throw measureNotFound();
  }
  requirePermission(principal, 'measure.define', organisationId ?? measure.ownerOrganisationId);
  return db.transaction(async (tx) => {
    const timeline = await listTargets(tx, measure.id, organisationId);
    const own = timeline.filter((step) => step.organisationId === organisationId);
    const previous = own.find((step) => step.effectiveFrom === input.effectiveFrom);
    const target = await setTarget(tx, { ...input, measureId: measure.id });
    await recordAudit(tx, principal, {
      action: 'measure.set_targets',
      entityType: 'measure',
      entityId: measure.id,
      organisationId: organisationId ?? measure.ownerOrganisationId,
      summary: `Changed the target of ${measure.name} from ${target.effectiveFrom} from ${words(previous?.value)} to ${words(target.value)}`,
      before:
        previous === undefined ? null : { effectiveFrom: previous.effectiveFrom, value: previous.value },
      after: { organisationId, effectiveFrom: target.effectiveFrom, value: target.value },
    });
    return target;
  });
}
