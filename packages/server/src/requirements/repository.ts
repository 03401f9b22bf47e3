/**
 * @module requirements/repository
 * Commissioners' outcome requirements of providers, and the provider's projects linked to them:
 * framework-free reads and writes over drizzle. Reads take a visibility condition
 * (`requirementVisibleTo`) so that what a person may not read never leaves the query.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Principal } from '../auth/principal.js';
import { visibleTo } from '../auth/visibility.js';
import { goals, organisations, outcomeRequirements, projectRequirements, projects } from '../db/schema.js';
import type { Database } from '../db/types.js';

export type Requirement = typeof outcomeRequirements.$inferSelect;

/** An organisation as a requirement names it. */
export interface OrganisationRef {
  readonly id: string;
  readonly odsCode: string;
  readonly name: string;
}

/** A requirement with its two organisations. */
export interface RequirementRow extends Requirement {
  readonly commissioner: OrganisationRef;
  readonly provider: OrganisationRef;
}

/**
 * A condition on `outcome_requirements`: the requirements `principal` may read — those who read the
 * commissioner's internal data (its staff) or the provider's (its staff, and organisations it
 * granted internal access). A requirement is internal to both organisations.
 */
export function requirementVisibleTo(principal: Principal): SQL {
  return sql`(${visibleTo(principal, sql`'internal'`, outcomeRequirements.commissionerId)} or ${visibleTo(principal, sql`'internal'`, outcomeRequirements.providerId)})`;
}

const commissioner = alias(organisations, 'commissioner');
const provider = alias(organisations, 'provider');

/** Requirements (with their organisations) that pass `where`, by due date then title. */
export async function readRequirements(db: Database, where: SQL | undefined): Promise<RequirementRow[]> {
  const rows = await db
    .select({
      requirement: outcomeRequirements,
      commissioner: { id: commissioner.id, odsCode: commissioner.odsCode, name: commissioner.name },
      provider: { id: provider.id, odsCode: provider.odsCode, name: provider.name },
    })
    .from(outcomeRequirements)
    .innerJoin(commissioner, eq(commissioner.id, outcomeRequirements.commissionerId))
    .innerJoin(provider, eq(provider.id, outcomeRequirements.providerId))
    .where(where)
    .orderBy(asc(outcomeRequirements.dueBy), asc(outcomeRequirements.title), asc(outcomeRequirements.id));
  return rows.map((row) => ({ ...row.requirement, commissioner: row.commissioner, provider: row.provider }));
}

/** The fields of a new requirement (already checked). */
export interface NewRequirement {
  readonly commissionerId: string;
  readonly providerId: string;
  readonly measureId: string;
  readonly title: string;
  readonly description: string;
  readonly target: number;
  readonly dueBy: string;
  readonly createdBy: string | null;
}

/** The fields of a requirement that may change. */
export type RequirementPatch = Partial<Pick<NewRequirement, 'title' | 'description' | 'target' | 'dueBy'>>;

/** Adds a requirement. */
export async function insertRequirement(db: Database, input: NewRequirement): Promise<Requirement> {
  const [row] = await db.insert(outcomeRequirements).values(input).returning();
  return row!;
}

/** Changes a requirement. */
export async function updateRequirement(
  db: Database,
  id: string,
  patch: RequirementPatch,
): Promise<Requirement> {
  const [row] = await db
    .update(outcomeRequirements)
    .set({
      ...patch,
      updatedAt: sql`greatest(now(), ${outcomeRequirements.updatedAt} + interval '1 microsecond')`,
    })
    .where(eq(outcomeRequirements.id, id))
    .returning();
  return row!;
}

/**
 * Deletes a requirement: the provider's goals that answered it stay (answering none), its links
 * to projects go. Returns how many goals were unlinked.
 */
export async function deleteRequirement(db: Database, id: string): Promise<number> {
  const unlinked = await db
    .update(goals)
    .set({ requirementId: null, updatedAt: sql`now()` })
    .where(eq(goals.requirementId, id))
    .returning({ id: goals.id });
  await db.delete(outcomeRequirements).where(eq(outcomeRequirements.id, id));
  return unlinked.length;
}

/** Links a project to a requirement; false when it already was. */
export async function linkProject(db: Database, requirementId: string, projectId: string): Promise<boolean> {
  const rows = await db
    .insert(projectRequirements)
    .values({ requirementId, projectId })
    .onConflictDoNothing()
    .returning({ projectId: projectRequirements.projectId });
  return rows.length > 0;
}

/** Unlinks a project from a requirement; false when it was not linked. */
export async function unlinkProject(
  db: Database,
  requirementId: string,
  projectId: string,
): Promise<boolean> {
  const rows = await db
    .delete(projectRequirements)
    .where(
      and(eq(projectRequirements.requirementId, requirementId), eq(projectRequirements.projectId, projectId)),
    )
    .returning({ projectId: projectRequirements.projectId });
  return rows.length > 0;
}

/** The projects linked to a requirement that pass `visible` (a condition on `projects`), by title. */
export function projectsOfRequirement(
  db: Database,
  requirementId: string,
  visible: SQL,
): Promise<{ id: string; title: string }[]> {
  return db
    .select({ id: projects.id, title: projects.title })
    .from(projectRequirements)
    .innerJoin(projects, eq(projects.id, projectRequirements.projectId))
    .where(and(eq(projectRequirements.requirementId, requirementId), visible))
    .orderBy(asc(projects.title), asc(projects.id));
}
