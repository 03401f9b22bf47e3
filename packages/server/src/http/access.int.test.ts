/**
 * Access, generated from the route table: every route the app serves is asked by the public and
 * by a person of every role (and by another organisation, a commissioner with a grant, a read-only
 * token and a platform administrator), and must answer as the permission table says — allowed
 * where it says so; 401 for the public; 403 for those who may see but not do; 404, exactly as for
 * an id that does not exist, for those who may not see — and no response to anyone may contain
 * what they may not read. A route with no rule here fails the test.
 */
import { randomUUID } from 'node:crypto';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { addAnnotation } from '../annotations/repository.js';
import { PERMISSIONS } from '../auth/permissions.js';
import type { Action } from '../auth/permissions.js';
import { writeMailSettings } from '../mail/repository.js';
import { insertProvider } from '../auth/oidc/providers-repository.js';
import { aGoal, anAim, aProject, aRequirement } from '../test-support/goals.js';
import { hashSecret, newSecret } from '../auth/secrets.js';
import { createToken } from '../auth/tokens.js';
import { memberships, organisationGrants, users } from '../db/schema.js';
import type { Role, TokenScope, Visibility } from '../db/schema/vocabulary.js';
import type { Database } from '../db/types.js';
import { insertInvitation } from '../members/repository.js';
import { upsertObservations } from '../observations/repository.js';
import { ensureSeries } from '../series/repository.js';
import { withApp } from '../test-support/app.js';
import { describeEachEngine } from '../test-support/database.js';
import { aMeasure, anImport, anOrganisation, months, USER } from '../test-support/fixtures.js';
import { createUnit } from '../units/repository.js';
import { routeTable } from './route-table.js';
import { and, eq } from 'drizzle-orm';
import { SYSTEM } from '../auth/principal.js';
import {
  driverLinks,
  driverNodes,
  pdsaCycles,
  projectGoals,
  projectMeasures,
  projectMembers,
} from '../db/schema.js';
import { projects as projectRows } from '../db/schema.js';
import { ideas as ideaRows } from '../db/schema.js';
import { issuedReports, reportDefinitions, reportItems, seriesCommentaries } from '../db/schema.js';
import { startProject } from '../projects/service.js';
import { courseCompletions, courses, curriculumLevels } from '../db/schema.js';
import { surveyLinks as surveyLinkRows, surveys as surveyRows } from '../db/schema.js';

/** Words that appear only in internal and in private data: a response holding one leaked it. */
const INTERNAL = 'INTERNALMARKER';
const PRIVATE = 'PRIVATEMARKER';

/** The data every request is about: organisation A's measures of each visibility, and others. */
interface World {
  a: { id: string; odsCode: string };
  b: { id: string; odsCode: string };
  unitId: string;
  importId: string;
  shared: { measureId: string; seriesId: string };
  series: Record<Visibility, { measureId: string; seriesId: string }>;
}

async function buildWorld(db: Database): Promise<World> {
  const a = await anOrganisation(db, { name: 'Organisation A' });
  const b = await anOrganisation(db, { name: 'Organisation B' });
  const c = await anOrganisation(db, { name: 'Commissioner C', kind: 'commissioner' });
  await db.insert(organisationGrants).values({ grantorId: a.id, granteeId: c.id, scope: 'internal' });
  const unit = await createUnit(db, { organisationId: a.id, kind: 'ward', name: 'Ward 1' });
  const sharedMeasure = await aMeasure(db, null, { name: 'Shared public measure', visibility: 'public' });
  const sharedSeries = await ensureSeries(db, { measureId: sharedMeasure.id, organisationId: a.id });
  await ensureSeries(db, { measureId: sharedMeasure.id, organisationId: b.id });
  const series = {} as World['series'];
  for (const visibility of ['public', 'internal', 'private'] as const) {
    const marker = { public: 'open', internal: INTERNAL, private: PRIVATE }[visibility];
    const measure = await aMeasure(db, a.id, {
      name: `A ${visibility} measure ${marker}`,
      code: `a-${visibility}`,
      visibility,
    });
    const one = await ensureSeries(db, { measureId: measure.id, organisationId: a.id });
    await upsertObservations(
      db,
      months(20).map((period, i) => ({ seriesId: one.id, period, value: 10 + (i % 3) })),
      { userId: USER },
    );
    await addAnnotation(db, {
      seriesId: one.id,
      period: '2020-03-01',
      text: `A note on the ${visibility} measure ${marker}`,
      author: `Author ${marker}`,
    });
    series[visibility] = { measureId: measure.id, seriesId: one.id };
  }
  await upsertObservations(
    db,
    months(20).map((period) => ({ seriesId: sharedSeries.id, period, value: 5 })),
    { userId: USER },
  );
  const running = await anImport(db, a.id, `import ${INTERNAL}.csv`);
  return {
    a: { id: a.id, odsCode: a.odsCode },
    b: { id: b.id, odsCode: b.odsCode },
    unitId: unit.id,
    importId: running.id,
    shared: { measureId: sharedMeasure.id, seriesId: sharedSeries.id },
    series,
  };
}

/** Who asks. `level`: what they may read of organisation A; `role`: their role in A (writes). */
interface Asker {
  readonly label: string;
  readonly level: Visibility;
  readonly role: Role | 'platform' | null;
  readonly scopes: readonly TokenScope[];
  readonly signedIn: boolean;
  headers: Record<string, string>;
}

const ROLES_IN_A: Role[] = ['staff', 'improver', 'unit_lead', 'qi_lead', 'executive', 'administrator'];

async function askers(db: Database, world: World): Promise<Asker[]> {
  const list: Asker[] = [
    { label: 'the public', level: 'public', role: null, scopes: [], signedIn: false, headers: {} },
  ];
  const person = async (
    label: string,
    level: Visibility,
    role: Asker['role'],
    membership: { organisationId: string; role: Role; unitId?: string } | null,
    scopes: TokenScope[] = ['read', 'write'],
    grantOrg?: string,
  ): Promise<void> => {
    const [user] = await db
      .insert(users)
      .values({
        email: `${label.replace(/\W+/g, '.').toLowerCase()}.${randomUUID().slice(0, 8)}@access.test`,
        displayName: label,
        status: 'active',
        platformAdmin: role === 'platform',
      })
      .returning({ id: users.id });
    if (membership !== null) {
      await db
        .insert(memberships)
        .values({ userId: user!.id, ...membership, unitId: membership.unitId ?? null });
    }
    if (grantOrg !== undefined) {
      await db.insert(memberships).values({ userId: user!.id, organisationId: grantOrg, role: 'staff' });
    }
    const { token } = await createToken(db, user!.id, { name: label, scopes, expiresAt: null }, new Date());
    list.push({ label, level, role, scopes, signedIn: true, headers: { authorization: `Bearer ${token}` } });
  };
  for (const role of ROLES_IN_A) {
    await person(`A ${role}`, role === 'staff' ? 'internal' : 'private', role, {
      organisationId: world.a.id,
      role,
      ...(role === 'unit_lead' ? { unitId: world.unitId } : {}),
    });
  }
  await person(
    'A administrator, read-only token',
    'private',
    'administrator',
    {
      organisationId: world.a.id,
      role: 'administrator',
    },
    ['read'],
  );
  await person('B administrator', 'public', null, { organisationId: world.b.id, role: 'administrator' });
  const commissioner = (await db.select({ id: organisationGrants.granteeId }).from(organisationGrants))[0]!
    .id;
  await person(
    'C commissioner staff (internal grant from A)',
    'internal',
    null,
    null,
    ['read', 'write'],
    commissioner,
  );
  await person('platform administrator', 'private', 'platform', null);
  return list;
}

/** A route's rule, and a request to try it with (made afresh for each asker). */
type Rule =
  | { kind: 'anyone' }
  | { kind: 'signed_in' }
  | { kind: 'platform_admin' }
  | { kind: 'skip'; why: string }
  /** Reading an object of A with this visibility: hidden → 404. */
  | { kind: 'read'; visibility: Visibility }
  /** Changing an object of A with this visibility (or A itself: `public`). */
  | { kind: 'write'; action: Action; visibility: Visibility }
  /** Reading what needs a permission in A (A itself is public); a read-only token may. */
  | { kind: 'permitted_read'; action: Action }
  /**
   * Something only A's own people read (an idea of A): hidden (404) from everyone outside A, those
   * with a grant too; A's people without the permission get 403; `changes`: whether a read-only
   * token is refused.
   */
  | { kind: 'members'; action: Action; changes: boolean }
  /**
   * An import of A by id: hidden (404) from everyone outside A; A's people without the
   * permission get 403; `changes`: whether a read-only token is refused.
   */
  | { kind: 'import'; action: Action; changes: boolean }
  /** A list of A's that its people and internal grantees read (board reports): 401 for the public, 403 for others. */
  | { kind: 'internal_list' };

interface Case {
  readonly rule: Rule;
  /** The request (it may make what it needs in the database first, such as an import to delete). */
  readonly request: (world: World, db: Database) => InjectOptions | Promise<InjectOptions>;
  /** The hidden object's id in the request, for the comparison with an unknown id. */
  readonly id?: (world: World) => string;
}

const v1 = (path: string): string => `/api/v1${path}`;
const s = (visibility: Visibility) => (world: World) => world.series[visibility].seriesId;
const m = (visibility: Visibility) => (world: World) => world.series[visibility].measureId;

/** A new member of A (staff unless told), for the member routes to change. */
async function aMemberOfA(
  w: World,
  db: Database,
  status: 'active' | 'deactivated' = 'active',
): Promise<string> {
  const [user] = await db
    .insert(users)
    .values({ email: `member.${randomUUID().slice(0, 8)}@access.test`, displayName: 'A member', status })
    .returning({ id: users.id });
  await db.insert(memberships).values({ userId: user!.id, organisationId: w.a.id, role: 'staff' });
  return user!.id;
}

/** A pending invitation to A, and its link's secret. */
async function anInvitationToA(w: World, db: Database): Promise<{ id: string; token: string }> {
  const token = newSecret();
  const id = await insertInvitation(
    db,
    {
      tokenHash: hashSecret(token),
      organisationId: w.a.id,
      email: `invited.${randomUUID().slice(0, 8)}@access.test`,
      role: 'staff',
      unitId: null,
      createdBy: null,
      expiresAt: new Date(Date.now() + 86_400_000),
    },
    new Date(),
  );
  return { id, token };
}

/** An identity provider of A (its issuer unreachable: the routes must not need it). */
async function aProviderOfA(w: World, db: Database): Promise<string> {
  const provider = await insertProvider(db, {
    organisationId: w.a.id,
    name: 'A provider',
    issuer: `http://127.0.0.1:1/${randomUUID()}`,
    clientId: 'groundswell',
    clientSecret: `secret ${PRIVATE}`,
  });
  return provider.id;
}

/** A's mail settings (a closed port on this machine: a test email fails at once, with its error). */
async function mailSettingsOfA(w: World, db: Database): Promise<void> {
  await writeMailSettings(
    db,
    w.a.id,
    {
      host: '127.0.0.1',
      port: 1,
      security: 'none',
      username: null,
      passwordSealed: null,
      fromAddress: 'groundswell@a.example',
      fromName: null,
      enabled: true,
      enabledAt: new Date(),
      updatedBy: null,
    },
    new Date(),
  );
}

/** Aims, goals and requirements of A made once per world and kept by name (their ids for `id`). */
const madeForA = new Map<string, string>();
async function onceForA(w: World, name: string, make: () => Promise<string>): Promise<string> {
  const key = `${w.a.id}/${name}`;
  const id = madeForA.get(key) ?? (await make());
  madeForA.set(key, id);
  return id;
}
const madeFor = (name: string) => (w: World) => madeForA.get(`${w.a.id}/${name}`)!;

/** A shared internal proportion measure recorded by A, made once per world: for the funnel plot. */
async function aFunnelMeasureOfA(w: World, db: Database): Promise<string> {
  return onceForA(w, 'funnel measure', async () => {
    const measure = await aMeasure(db, null, {
      code: `funnel-${randomUUID().slice(0, 8)}`,
      name: `Shared internal proportion ${INTERNAL}`,
      dataType: 'proportion',
      chartType: 'p',
      visibility: 'internal',
    });
    const series = await ensureSeries(db, { measureId: measure.id, organisationId: w.a.id });
    await upsertObservations(
      db,
      [{ seriesId: series.id, period: '2021-01-01', numerator: 40, denominator: 100 }],
      { userId: USER },
    );
    return measure.id;
  });
}

/** A requirement A (as a commissioner) set for a new provider: internal to A. */
async function aRequirementByA(w: World, db: Database): Promise<string> {
  const provider = await anOrganisation(db, { name: 'Provider D' });
  return aRequirement(db, w.a.id, provider.id, w.shared.measureId, `Requirement ${INTERNAL}`);
}

/** A requirement a new commissioner set for A: internal to A. */
async function aRequirementForA(w: World, db: Database): Promise<string> {
  const commissioner = await anOrganisation(db, { name: 'Commissioner E', kind: 'commissioner' });
  return aRequirement(db, commissioner.id, w.a.id, w.shared.measureId, `Requirement ${INTERNAL}`);
}

/**
 * A project of A (internal), made once per world: a driver diagram (primary → secondary → change
 * idea, kept as `project primary`, `project secondary`, `project idea`), a PDSA cycle (`project
 * cycle`), and A's internal and private series as its measures (the private one hidden from those
 * who read internal data only). No one who asks is in its team.
 */
async function aProjectOfA(w: World, db: Database): Promise<string> {
  return onceForA(w, 'project of A', async () => {
    const project = await startProject(db, SYSTEM, w.a.id, {
      title: `Project ${INTERNAL}`,
      visibility: 'internal',
      stage: 'testing',
    });
    const [primary, secondary, idea] = await db
      .insert(driverNodes)
      .values([
        { projectId: project.id, kind: 'primary', text: 'A primary driver' },
        { projectId: project.id, kind: 'secondary', text: 'A secondary driver' },
        { projectId: project.id, kind: 'change_idea', text: 'A change idea' },
      ])
      .returning();
    await db.insert(driverLinks).values([
      { projectId: project.id, fromId: primary!.id, toId: secondary!.id },
      { projectId: project.id, fromId: secondary!.id, toId: idea!.id },
    ]);
    const [cycle] = await db
      .insert(pdsaCycles)
      .values({ projectId: project.id, changeIdeaId: idea!.id, title: 'A cycle', startedOn: '2020-04-02' })
      .returning();
    await db.insert(projectMeasures).values([
      { projectId: project.id, seriesId: s('internal')(w), kind: 'outcome', position: 0 },
      { projectId: project.id, seriesId: s('private')(w), kind: 'balancing', position: 1 },
    ]);
    for (const [name, id] of [
      ['project primary', primary!.id],
      ['project secondary', secondary!.id],
      ['project idea', idea!.id],
      ['project cycle', cycle!.id],
    ] as const) {
      madeForA.set(`${w.a.id}/${name}`, id);
    }
    return project.id;
  });
}

/** A project of A in the library (private, so public only as published), watching a private series. */
async function aLibraryProjectOfA(w: World, db: Database): Promise<string> {
  return onceForA(w, 'library project of A', async () => {
    const project = await startProject(db, SYSTEM, w.a.id, {
      title: 'A published project',
      visibility: 'private',
    });
    await db
      .insert(projectMeasures)
      .values({ projectId: project.id, seriesId: s('private')(w), kind: 'outcome' });
    await db
      .update(projectRows)
      .set({ stage: 'complete', lessons: 'What we learned', publishedAt: new Date() })
      .where(eq(projectRows.id, project.id));
    return project.id;
  });
}

/** A member of A in the project's team, for the team routes to change. */
async function aTeamMemberOfA(w: World, db: Database, projectId: string): Promise<string> {
  const userId = await aMemberOfA(w, db);
  await db.insert(projectMembers).values({ projectId, userId, role: 'member' });
  return userId;
}

const p = (w: World): string => madeForA.get(`${w.a.id}/project of A`)!;

/** An idea of A (of the organisation as a whole, so A's unit lead may not triage it), made once per world. */
async function anIdeaOfA(w: World, db: Database): Promise<string> {
  return onceForA(w, 'idea of A', async () => {
    const [idea] = await db
      .insert(ideaRows)
      .values({ organisationId: w.a.id, problem: `A problem ${INTERNAL}`, proposal: 'A proposal' })
      .returning({ id: ideaRows.id });
    return idea!.id;
  });
}

/** A level of A's curriculum with one required course, made once per world (ids kept as `level of A`, `course of A`). */
async function aCourseOfA(w: World, db: Database): Promise<string> {
  return onceForA(w, 'course of A', async () => {
    const [level] = await db
      .insert(curriculumLevels)
      .values({ organisationId: w.a.id, name: 'foundation', rank: 1 })
      .returning({ id: curriculumLevels.id });
    madeForA.set(`${w.a.id}/level of A`, level!.id);
    const [course] = await db
      .insert(courses)
      .values({ organisationId: w.a.id, levelId: level!.id, code: 'QI-1', title: `Course ${INTERNAL}` })
      .returning({ id: courses.id });
    return course!.id;
  });
}

/** A new active member of A with a declared (unconfirmed) completion of A's course; returns their id. */
async function aDeclarationInA(w: World, db: Database): Promise<string> {
  const member = await aMemberOfA(w, db);
  await db.insert(courseCompletions).values({
    courseId: await aCourseOfA(w, db),
    userId: member,
    completedOn: '2021-01-04',
    source: 'self_declared',
    recordedBy: member,
  });
  return member;
}

let capabilityRank = 10;

/** A survey of A (open, staff), made once per world, with a live link to its unit; its token by survey id. */
const surveyTokens = new Map<string, string>();
async function aSurveyOfA(w: World, db: Database): Promise<string> {
  return onceForA(w, 'survey of A', async () => {
    const [survey] = await db
      .insert(surveyRows)
      .values({
        organisationId: w.a.id,
        kind: 'staff',
        title: 'A survey',
        question: 'Would you recommend it?',
      })
      .returning({ id: surveyRows.id });
    const token = newSecret();
    await db.insert(surveyLinkRows).values({
      surveyId: survey!.id,
      organisationId: w.a.id,
      unitId: w.unitId,
      tokenHash: hashSecret(token),
    });
    surveyTokens.set(survey!.id, token);
    return survey!.id;
  });
}

/** A new live link of A's survey (for the revoke route); returns its id. */
async function aSurveyLinkOfA(w: World, db: Database): Promise<string> {
  const [link] = await db
    .insert(surveyLinkRows)
    .values({
      surveyId: await aSurveyOfA(w, db),
      organisationId: w.a.id,
      unitId: w.unitId,
      tokenHash: hashSecret(newSecret()),
    })
    .returning({ id: surveyLinkRows.id });
  return link!.id;
}

/**
 * A board report of A over its public, internal and private series (made afresh with `fresh`, for
 * a route that deletes it), kept as `report of A`; its issued version for March 2020 (holding the
 * private series; December 2019, version 99: apart from what the issue route makes) as `issued report of A`; and the internal series' commentary for March 2020.
 */
async function aReportOfA(w: World, db: Database, fresh = false): Promise<string> {
  const make = async (): Promise<string> => {
    const [definition] = await db
      .insert(reportDefinitions)
      .values({ organisationId: w.a.id, title: 'Board report of A' })
      .returning({ id: reportDefinitions.id });
    await db.insert(reportItems).values(
      (['public', 'internal', 'private'] as const).map((visibility, position) => ({
        definitionId: definition!.id,
        seriesId: w.series[visibility].seriesId,
        position,
      })),
    );
    return definition!.id;
  };
  if (fresh) return make();
  return onceForA(w, 'report of A', make);
}
async function anIssuedReportOfA(w: World, db: Database): Promise<string> {
  const definitionId = await aReportOfA(w, db);
  return onceForA(w, 'issued report of A', async () => {
    const seriesIds = (['public', 'internal', 'private'] as const).map((v) => w.series[v].seriesId);
    const [issued] = await db
      .insert(issuedReports)
      .values({
        definitionId,
        organisationId: w.a.id,
        period: '2019-12-01',
        version: 99,
        title: 'Board report of A',
        content: {
          format: 'report-1',
          definitionId,
          title: 'Board report of A',
          description: '',
          organisation: { id: w.a.id, odsCode: w.a.odsCode, name: 'Organisation A' },
          period: '2020-03-01',
          periodLabel: 'March 2020',
          dataTo: '2020-03-31',
          generatedAt: '2020-04-01T00:00:00.000Z',
          visibility: 'private',
          matrix: [{ variation: 'common_cause', assurance: null, count: 3, seriesIds }],
          domains: [{ domain: 'safety', label: `Safety ${PRIVATE}`, sections: [] }],
        },
        pdf: Buffer.from('%PDF-1.7 test'),
      })
      .returning({ id: issuedReports.id });
    return issued!.id;
  });
}
async function aCommentaryOfA(w: World, db: Database): Promise<void> {
  await onceForA(w, 'commentary of A', async () => {
    await db.insert(seriesCommentaries).values({
      seriesId: w.series.internal.seriesId,
      period: '2020-03-01',
      text: `Commentary ${INTERNAL}`,
    });
    return w.series.internal.seriesId;
  });
}

const CASES: Record<string, Case> = {
  'GET /api/v1/organisations/:ref/reports': {
    rule: { kind: 'internal_list' },
    request: async (w, db) => {
      await aReportOfA(w, db);
      return { method: 'GET', url: v1(`/organisations/${w.a.odsCode}/reports`) };
    },
  },
  'POST /api/v1/organisations/:ref/reports': {
    rule: { kind: 'write', action: 'report.manage', visibility: 'public' },
    request: (w) => ({
      method: 'POST',
      url: v1(`/organisations/${w.a.odsCode}/reports`),
      payload: { title: 'A report', seriesIds: [] },
    }),
  },
  'GET /api/v1/reports/:id': {
    rule: { kind: 'read', visibility: 'internal' },
    request: async (w, db) => ({ method: 'GET', url: v1(`/reports/${await aReportOfA(w, db)}`) }),
    id: madeFor('report of A'),
  },
  'PATCH /api/v1/reports/:id': {
    rule: { kind: 'write', action: 'report.manage', visibility: 'internal' },
    request: async (w, db) => ({
      method: 'PATCH',
      url: v1(`/reports/${await aReportOfA(w, db)}`),
      payload: { description: 'Changed' },
    }),
    id: madeFor('report of A'),
  },
  'DELETE /api/v1/reports/:id': {
    rule: { kind: 'write', action: 'report.manage', visibility: 'internal' },
    request: async (w, db) => ({ method: 'DELETE', url: v1(`/reports/${await aReportOfA(w, db, true)}`) }),
  },
  'GET /api/v1/reports/:id/run': {
    rule: { kind: 'read', visibility: 'internal' },
    request: async (w, db) => ({
      method: 'GET',
      url: v1(`/reports/${await aReportOfA(w, db)}/run?period=2020-03`),
    }),
    id: madeFor('report of A'),
  },
  'GET /api/v1/reports/:id/run.pdf': {
    rule: { kind: 'read', visibility: 'internal' },
    request: async (w, db) => ({
      method: 'GET',
      url: v1(`/reports/${await aReportOfA(w, db)}/run.pdf?period=2020-03`),
    }),
    id: madeFor('report of A'),
  },
  'POST /api/v1/reports/:id/issue': {
    rule: { kind: 'write', action: 'report.manage', visibility: 'internal' },
    request: async (w, db) => ({
      method: 'POST',
      url: v1(`/reports/${await aReportOfA(w, db)}/issue`),
      payload: { period: '2020-03' },
    }),
    id: madeFor('report of A'),
  },
  'GET /api/v1/reports/:id/issued': {
    rule: { kind: 'read', visibility: 'internal' },
    request: async (w, db) => {
      await anIssuedReportOfA(w, db);
      return { method: 'GET', url: v1(`/reports/${await aReportOfA(w, db)}/issued`) };
    },
    id: madeFor('report of A'),
  },
  'GET /api/v1/issued-reports/:id': {
    rule: { kind: 'read', visibility: 'private' },
    request: async (w, db) => ({
      method: 'GET',
      url: v1(`/issued-reports/${await anIssuedReportOfA(w, db)}`),
    }),
    id: madeFor('issued report of A'),
  },
  'GET /api/v1/issued-reports/:id/pdf': {
    rule: { kind: 'read', visibility: 'private' },
    request: async (w, db) => ({
      method: 'GET',
      url: v1(`/issued-reports/${await anIssuedReportOfA(w, db)}/pdf`),
    }),
    id: madeFor('issued report of A'),
  },
  'GET /api/v1/series/:id/commentaries/:period': {
    rule: { kind: 'read', visibility: 'internal' },
    request: async (w, db) => {
      await aCommentaryOfA(w, db);
      return { method: 'GET', url: v1(`/series/${w.series.internal.seriesId}/commentaries/2020-03`) };
    },
    id: s('internal'),
  },
  'PUT /api/v1/series/:id/commentaries/:period': {
    rule: { kind: 'write', action: 'report.comment', visibility: 'internal' },
    request: (w) => ({
      method: 'PUT',
      url: v1(`/series/${w.series.internal.seriesId}/commentaries/2020-03`),
      payload: { text: 'A commentary' },
    }),
    id: s('internal'),
  },
  'GET /api/v1/organisations/:ref/public-profile': {
    rule: { kind: 'anyone' },
    request: (w) => ({ method: 'GET', url: v1(`/organisations/${w.a.odsCode}/public-profile`) }),
  },
  'PUT /api/v1/organisations/:ref/public-profile': {
    rule: { kind: 'write', action: 'public_profile.manage', visibility: 'public' },
    request: (w) => ({
      method: 'PUT',
      url: v1(`/organisations/${w.a.odsCode}/public-profile`),
      payload: { introduction: 'Our published results', licence: 'CC-BY-4.0' },
    }),
  },
  'GET /api/v1/auth/session': {
    rule: { kind: 'anyone' },
    request: () => ({ method: 'GET', url: v1('/auth/session') }),
  },
  'POST /api/v1/auth/sign-in': {
    rule: { kind: 'skip', why: 'sign-in.int.test.ts' },
    request: () => ({ url: '' }),
  },
  'POST /api/v1/auth/sign-out': {
    rule: { kind: 'anyone' },
    request: () => ({ method: 'POST', url: v1('/auth/sign-out') }),
  },
  'POST /api/v1/auth/sign-out-everywhere': {
    rule: { kind: 'signed_in' },
    request: () => ({ method: 'POST', url: v1('/auth/sign-out-everywhere') }),
  },
  'POST /api/v1/auth/setup': {
    rule: { kind: 'skip', why: 'setup.int.test.ts' },
    request: () => ({ url: '' }),
  },
  'GET /api/v1/auth/demo-users': {
    rule: { kind: 'anyone' },
    request: () => ({ method: 'GET', url: v1('/auth/demo-users') }),
  },
  'POST /api/v1/auth/demo-sign-in': {
    rule: { kind: 'skip', why: 'setup.int.test.ts' },
    request: () => ({ url: '' }),
  },
  'GET /api/v1/auth/tokens': {
    rule: { kind: 'signed_in' },
    request: () => ({ method: 'GET', url: v1('/auth/tokens') }),
  },
  'POST /api/v1/auth/tokens': {
    rule: { kind: 'skip', why: 'tokens.int.test.ts (made from a browser session only)' },
    request: () => ({ url: '' }),
  },
  'DELETE /api/v1/auth/tokens/:id': {
    rule: { kind: 'skip', why: 'tokens.int.test.ts (one’s own tokens only)' },
    request: () => ({ url: '' }),
  },
  'GET /api/v1/organisations': {
    rule: { kind: 'anyone' },
    request: () => ({ method: 'GET', url: v1('/organisations') }),
  },
  'GET /api/v1/organisations/:ref': {
    rule: { kind: 'anyone' },
    request: (w) => ({ method: 'GET', url: v1(`/organisations/${w.a.odsCode}`) }),
  },
  'POST /api/v1/organisations': {
    rule: { kind: 'platform_admin' },
    request: () => ({
      method: 'POST',
      url: v1('/organisations'),
      payload: {
        odsCode: `Z${randomUUID().slice(0, 6).replace(/-/g, '')}`,
        name: 'New trust',
        kind: 'provider',
      },
    }),
  },
  'GET /api/v1/organisations/:ref/units': {
    rule: { kind: 'anyone' },
    request: (w) => ({ method: 'GET', url: v1(`/organisations/${w.a.odsCode}/units`) }),
  },
  'POST /api/v1/organisations/:ref/units': {
    rule: { kind: 'write', action: 'unit.manage', visibility: 'public' },
    request: (w) => ({
      method: 'POST',
      url: v1(`/organisations/${w.a.odsCode}/units`),
      payload: { kind: 'ward', name: `Ward ${randomUUID().slice(0, 8)}` },
    }),
  },
  'GET /api/v1/measures': {
    rule: { kind: 'anyone' },
    // Searching for the word only hidden measures hold: a leak would list them.
    request: () => ({ method: 'GET', url: v1('/measures?limit=500&search=marker') }),
  },
  'GET /api/v1/measures/:id': {
    rule: { kind: 'read', visibility: 'private' },
    request: (w) => ({ method: 'GET', url: v1(`/measures/${m('private')(w)}`) }),
    id: m('private'),
  },
  'POST /api/v1/measures': {
    rule: { kind: 'write', action: 'measure.define', visibility: 'public' },
    request: (w) => ({
      method: 'POST',
      url: v1('/measures'),
      payload: {
        ownerOrganisationId: w.a.id,
        name: `New measure ${randomUUID().slice(0, 8)}`,
        dataType: 'value',
        domain: 'safety',
        frequency: 'month',
      },
    }),
  },
  'PATCH /api/v1/measures/:id': {
    rule: { kind: 'write', action: 'measure.define', visibility: 'internal' },
    request: (w) => ({
      method: 'PATCH',
      url: v1(`/measures/${m('internal')(w)}`),
      payload: { description: 'Changed' },
    }),
    id: m('internal'),
  },
  'GET /api/v1/measures/:id/targets': {
    rule: { kind: 'read', visibility: 'internal' },
    request: (w) => ({ method: 'GET', url: v1(`/measures/${m('internal')(w)}/targets`) }),
    id: m('internal'),
  },
  'PUT /api/v1/measures/:id/targets': {
    rule: { kind: 'write', action: 'measure.define', visibility: 'private' },
    request: (w) => ({
      method: 'PUT',
      url: v1(`/measures/${m('private')(w)}/targets`),
      payload: { effectiveFrom: '2021-01-01', value: 12 },
    }),
    id: m('private'),
  },
  'GET /api/v1/series': {
    rule: { kind: 'anyone' },
    request: () => ({ method: 'GET', url: v1('/series?limit=500') }),
  },
  'POST /api/v1/series': {
    rule: { kind: 'write', action: 'data.import', visibility: 'internal' },
    request: (w) => ({
      method: 'POST',
      url: v1('/series'),
      payload: { measureId: m('internal')(w), organisationId: w.a.id, unitId: w.unitId },
    }),
  },
  'GET /api/v1/series/:id': {
    rule: { kind: 'read', visibility: 'internal' },
    request: (w) => ({ method: 'GET', url: v1(`/series/${s('internal')(w)}`) }),
    id: s('internal'),
  },
  'PATCH /api/v1/series/:id': {
    rule: { kind: 'write', action: 'series.analyse', visibility: 'private' },
    request: (w) => ({
      method: 'PATCH',
      url: v1(`/series/${s('private')(w)}`),
      payload: { spcOptions: { direction: 'increase' } },
    }),
    id: s('private'),
  },
  'GET /api/v1/series/:id/observations': {
    rule: { kind: 'read', visibility: 'private' },
    request: (w) => ({ method: 'GET', url: v1(`/series/${s('private')(w)}/observations`) }),
    id: s('private'),
  },
  'POST /api/v1/series/:id/observations': {
    rule: { kind: 'write', action: 'data.import', visibility: 'internal' },
    request: (w) => ({
      method: 'POST',
      url: v1(`/series/${s('internal')(w)}/observations`),
      payload: { rows: [{ period: '2022-01-01', value: 3 }] },
    }),
    id: s('internal'),
  },
  'PATCH /api/v1/series/:id/observations/:period': {
    rule: { kind: 'write', action: 'series.analyse', visibility: 'internal' },
    request: (w) => ({
      method: 'PATCH',
      url: v1(`/series/${s('internal')(w)}/observations/2020-02-01`),
      payload: { ghost: true },
    }),
    id: s('internal'),
  },
  'GET /api/v1/series/:id/annotations': {
    rule: { kind: 'read', visibility: 'internal' },
    request: (w) => ({ method: 'GET', url: v1(`/series/${s('internal')(w)}/annotations`) }),
    id: s('internal'),
  },
  'POST /api/v1/series/:id/annotations': {
    rule: { kind: 'write', action: 'annotation.write', visibility: 'private' },
    request: (w) => ({
      method: 'POST',
      url: v1(`/series/${s('private')(w)}/annotations`),
      payload: { period: '2020-05-01', text: 'A new note', author: 'Someone' },
    }),
    id: s('private'),
  },
  'GET /api/v1/series/:id/analysis': {
    rule: { kind: 'read', visibility: 'private' },
    request: (w) => ({ method: 'GET', url: v1(`/series/${s('private')(w)}/analysis`) }),
    id: s('private'),
  },
  'GET /api/v1/series/:id/export.csv': {
    rule: { kind: 'read', visibility: 'internal' },
    request: (w) => ({ method: 'GET', url: v1(`/series/${s('internal')(w)}/export.csv`) }),
    id: s('internal'),
  },
  'GET /api/v1/series/:id/export.json': {
    rule: { kind: 'read', visibility: 'private' },
    request: (w) => ({ method: 'GET', url: v1(`/series/${s('private')(w)}/export.json`) }),
    id: s('private'),
  },
  'GET /api/v1/series/:id/fhir': {
    rule: { kind: 'read', visibility: 'internal' },
    request: (w) => ({ method: 'GET', url: v1(`/series/${s('internal')(w)}/fhir`) }),
    id: s('internal'),
  },
  'POST /api/v1/organisations/:ref/fhir': {
    rule: { kind: 'write', action: 'data.import', visibility: 'public' },
    request: (w) => ({
      method: 'POST',
      url: v1(`/organisations/${w.a.odsCode}/fhir`),
      payload: { resourceType: 'Bundle', type: 'collection', entry: [] },
    }),
  },
  'GET /api/v1/organisations/:ref/dashboard': {
    rule: { kind: 'anyone' },
    request: (w) => ({ method: 'GET', url: v1(`/organisations/${w.a.odsCode}/dashboard`) }),
  },
  'GET /api/v1/measures/:id/comparison': {
    rule: { kind: 'anyone' },
    request: (w) => ({ method: 'GET', url: v1(`/measures/${w.shared.measureId}/comparison`) }),
  },
  'GET /api/v1/measures/:id/funnel': {
    rule: { kind: 'read', visibility: 'internal' },
    request: async (w, db) => ({
      method: 'GET',
      url: v1(`/measures/${await aFunnelMeasureOfA(w, db)}/funnel`),
    }),
    id: madeFor('funnel measure'),
  },
  'POST /api/v1/organisations/:ref/imports': {
    rule: { kind: 'write', action: 'data.import', visibility: 'public' },
    request: (w) => ({
      method: 'POST',
      url: v1(`/organisations/${w.a.odsCode}/imports?fileName=data.csv`),
      headers: { 'content-type': 'text/csv' },
      payload: 'period,measure,value\n2021-01-01,X,1\n',
    }),
  },
  'POST /api/v1/imports': {
    rule: { kind: 'platform_admin' },
    request: () => ({
      method: 'POST',
      url: v1('/imports?fileName=national.csv'),
      headers: { 'content-type': 'text/csv' },
      payload: 'period,organisation,measure,value\n2021-01-01,RF4,X,1\n',
    }),
  },
  'GET /api/v1/organisations/:ref/imports': {
    rule: { kind: 'permitted_read', action: 'data.import' },
    request: (w) => ({ method: 'GET', url: v1(`/organisations/${w.a.odsCode}/imports`) }),
  },
  'GET /api/v1/imports/:id': {
    rule: { kind: 'import', action: 'data.import', changes: false },
    request: (w) => ({ method: 'GET', url: v1(`/imports/${w.importId}`) }),
    id: (w) => w.importId,
  },
  'POST /api/v1/imports/:id/preview': {
    rule: { kind: 'import', action: 'data.import', changes: true },
    request: (w) => ({
      method: 'POST',
      url: v1(`/imports/${w.importId}/preview`),
      payload: {
        mapping: { period: { column: 'period' }, measure: { column: 'measure' }, value: { column: 'value' } },
      },
    }),
    id: (w) => w.importId,
  },
  'POST /api/v1/imports/:id/commit': {
    rule: { kind: 'import', action: 'data.import', changes: true },
    request: (w) => ({ method: 'POST', url: v1(`/imports/${w.importId}/commit`), payload: {} }),
    id: (w) => w.importId,
  },
  'DELETE /api/v1/imports/:id': {
    rule: { kind: 'import', action: 'data.import', changes: true },
    request: async (w, db) => ({
      method: 'DELETE',
      url: v1(`/imports/${(await anImport(db, w.a.id, `import ${INTERNAL}.csv`)).id}`),
    }),
  },
  'GET /api/v1/organisations/:ref/audit': {
    rule: { kind: 'permitted_read', action: 'audit.read' },
    request: (w) => ({ method: 'GET', url: v1(`/organisations/${w.a.odsCode}/audit`) }),
  },
  'GET /api/v1/organisations/:ref/members': {
    rule: { kind: 'permitted_read', action: 'member.manage' },
    request: (w) => ({ method: 'GET', url: v1(`/organisations/${w.a.odsCode}/members`) }),
  },
  'PATCH /api/v1/organisations/:ref/members/:userId': {
    rule: { kind: 'write', action: 'member.manage', visibility: 'public' },
    request: async (w, db) => ({
      method: 'PATCH',
      url: v1(`/organisations/${w.a.odsCode}/members/${await aMemberOfA(w, db)}`),
      payload: { role: 'improver' },
    }),
  },
  'DELETE /api/v1/organisations/:ref/members/:userId': {
    rule: { kind: 'write', action: 'member.manage', visibility: 'public' },
    request: async (w, db) => ({
      method: 'DELETE',
      url: v1(`/organisations/${w.a.odsCode}/members/${await aMemberOfA(w, db)}`),
    }),
  },
  'POST /api/v1/organisations/:ref/members/:userId/deactivate': {
    rule: { kind: 'write', action: 'member.manage', visibility: 'public' },
    request: async (w, db) => ({
      method: 'POST',
      url: v1(`/organisations/${w.a.odsCode}/members/${await aMemberOfA(w, db)}/deactivate`),
    }),
  },
  'POST /api/v1/organisations/:ref/members/:userId/reactivate': {
    rule: { kind: 'write', action: 'member.manage', visibility: 'public' },
    request: async (w, db) => ({
      method: 'POST',
      url: v1(`/organisations/${w.a.odsCode}/members/${await aMemberOfA(w, db, 'deactivated')}/reactivate`),
    }),
  },
  'GET /api/v1/organisations/:ref/people': {
    rule: { kind: 'permitted_read', action: 'project.start' },
    request: (w) => ({ method: 'GET', url: v1(`/organisations/${w.a.odsCode}/people?q=a`) }),
  },
  'POST /api/v1/projects/:id/measures': {
    rule: { kind: 'write', action: 'project.manage', visibility: 'internal' },
    request: async (w, db) => ({
      method: 'POST',
      url: v1(`/projects/${await aProjectOfA(w, db)}/measures`),
      payload: {
        name: `Made for the project ${randomUUID().slice(0, 8)}`,
        dataType: 'count',
        direction: 'decrease',
        frequency: 'week',
        kind: 'process',
      },
    }),
    id: p,
  },
  'GET /api/v1/projects/:id/requirements': {
    rule: { kind: 'read', visibility: 'internal' },
    request: async (w, db) => ({
      method: 'GET',
      url: v1(`/projects/${await aProjectOfA(w, db)}/requirements`),
    }),
    id: p,
  },
  'GET /api/v1/organisations/:ref/invitations': {
    rule: { kind: 'permitted_read', action: 'member.manage' },
    request: (w) => ({ method: 'GET', url: v1(`/organisations/${w.a.odsCode}/invitations`) }),
  },
  'POST /api/v1/organisations/:ref/invitations': {
    rule: { kind: 'write', action: 'member.manage', visibility: 'public' },
    request: (w) => ({
      method: 'POST',
      url: v1(`/organisations/${w.a.odsCode}/invitations`),
      payload: { email: `new.${randomUUID().slice(0, 8)}@access.test`, role: 'staff' },
    }),
  },
  'DELETE /api/v1/organisations/:ref/invitations/:id': {
    rule: { kind: 'write', action: 'member.manage', visibility: 'public' },
    request: async (w, db) => ({
      method: 'DELETE',
      url: v1(`/organisations/${w.a.odsCode}/invitations/${(await anInvitationToA(w, db)).id}`),
    }),
  },
  'GET /api/v1/invitations/:token': {
    rule: { kind: 'anyone' },
    request: async (w, db) => ({
      method: 'GET',
      url: v1(`/invitations/${(await anInvitationToA(w, db)).token}`),
    }),
  },
  'POST /api/v1/invitations/:token/accept': {
    rule: { kind: 'skip', why: 'members/invitations.int.test.ts (the link is the credential)' },
    request: () => ({ url: '' }),
  },
  'GET /api/v1/organisations/:ref/grants': {
    rule: { kind: 'permitted_read', action: 'member.manage' },
    request: (w) => ({ method: 'GET', url: v1(`/organisations/${w.a.odsCode}/grants`) }),
  },
  'GET /api/v1/organisations/:ref/grants/received': {
    rule: { kind: 'permitted_read', action: 'member.manage' },
    request: (w) => ({ method: 'GET', url: v1(`/organisations/${w.a.odsCode}/grants/received`) }),
  },
  'POST /api/v1/organisations/:ref/grants': {
    rule: { kind: 'write', action: 'member.manage', visibility: 'public' },
    request: async (w, db) => ({
      method: 'POST',
      url: v1(`/organisations/${w.a.odsCode}/grants`),
      payload: { grantee: (await anOrganisation(db, { kind: 'commissioner' })).odsCode, scope: 'published' },
    }),
  },
  'DELETE /api/v1/organisations/:ref/grants/:grantee': {
    rule: { kind: 'write', action: 'member.manage', visibility: 'public' },
    request: async (w, db) => {
      const grantee = await anOrganisation(db, { kind: 'commissioner' });
      await db.insert(organisationGrants).values({ grantorId: w.a.id, granteeId: grantee.id });
      return { method: 'DELETE', url: v1(`/organisations/${w.a.odsCode}/grants/${grantee.odsCode}`) };
    },
  },
  'POST /api/v1/auth/sso/lookup': {
    rule: { kind: 'anyone' },
    request: () => ({ method: 'POST', url: v1('/auth/sso/lookup'), payload: { email: 'someone@a.nhs.uk' } }),
  },
  'GET /api/v1/auth/sso/:providerId/start': {
    rule: { kind: 'anyone' },
    request: async (w, db) => ({ method: 'GET', url: v1(`/auth/sso/${await aProviderOfA(w, db)}/start`) }),
  },
  'GET /api/v1/auth/sso/callback': {
    rule: { kind: 'anyone' },
    request: () => ({ method: 'GET', url: v1('/auth/sso/callback?state=unknown&code=unknown') }),
  },
  'GET /api/v1/organisations/:ref/identity-providers': {
    rule: { kind: 'permitted_read', action: 'member.manage' },
    request: async (w, db) => {
      await aProviderOfA(w, db);
      return { method: 'GET', url: v1(`/organisations/${w.a.odsCode}/identity-providers`) };
    },
  },
  'POST /api/v1/organisations/:ref/identity-providers': {
    rule: { kind: 'write', action: 'member.manage', visibility: 'public' },
    request: (w) => ({
      method: 'POST',
      url: v1(`/organisations/${w.a.odsCode}/identity-providers`),
      payload: { name: 'New provider', issuer: `http://127.0.0.1:1/${randomUUID()}`, clientId: 'gs' },
    }),
  },
  'GET /api/v1/organisations/:ref/identity-providers/:id': {
    rule: { kind: 'permitted_read', action: 'member.manage' },
    request: async (w, db) => ({
      method: 'GET',
      url: v1(`/organisations/${w.a.odsCode}/identity-providers/${await aProviderOfA(w, db)}`),
    }),
  },
  'PATCH /api/v1/organisations/:ref/identity-providers/:id': {
    rule: { kind: 'write', action: 'member.manage', visibility: 'public' },
    request: async (w, db) => ({
      method: 'PATCH',
      url: v1(`/organisations/${w.a.odsCode}/identity-providers/${await aProviderOfA(w, db)}`),
      payload: { name: 'Renamed provider', enabled: false },
    }),
  },
  'DELETE /api/v1/organisations/:ref/identity-providers/:id': {
    rule: { kind: 'write', action: 'member.manage', visibility: 'public' },
    request: async (w, db) => ({
      method: 'DELETE',
      url: v1(`/organisations/${w.a.odsCode}/identity-providers/${await aProviderOfA(w, db)}`),
    }),
  },
  'GET /api/v1/organisations/:ref/aims': {
    rule: { kind: 'anyone' },
    request: async (w, db) => {
      await onceForA(w, 'aim internal', () => anAim(db, w.a.id, 'internal', `Aim ${INTERNAL}`));
      await onceForA(w, 'aim private', () => anAim(db, w.a.id, 'private', `Aim ${PRIVATE}`));
      return { method: 'GET', url: v1(`/organisations/${w.a.odsCode}/aims`) };
    },
  },
  'POST /api/v1/organisations/:ref/aims': {
    rule: { kind: 'write', action: 'goal.manage', visibility: 'public' },
    request: (w) => ({
      method: 'POST',
      url: v1(`/organisations/${w.a.odsCode}/aims`),
      payload: { title: 'A new aim' },
    }),
  },
  'PATCH /api/v1/organisations/:ref/aims/:id': {
    rule: { kind: 'write', action: 'goal.manage', visibility: 'internal' },
    request: async (w, db) => ({
      method: 'PATCH',
      url: v1(
        `/organisations/${w.a.odsCode}/aims/${await onceForA(w, 'aim internal', () => anAim(db, w.a.id, 'internal', `Aim ${INTERNAL}`))}`,
      ),
      payload: { description: 'Changed' },
    }),
    id: madeFor('aim internal'),
  },
  'DELETE /api/v1/organisations/:ref/aims/:id': {
    rule: { kind: 'write', action: 'goal.manage', visibility: 'private' },
    request: async (w, db) => ({
      method: 'DELETE',
      url: v1(`/organisations/${w.a.odsCode}/aims/${await anAim(db, w.a.id, 'private', 'An aim to delete')}`),
    }),
  },
  'GET /api/v1/organisations/:ref/goals': {
    rule: { kind: 'anyone' },
    request: async (w, db) => {
      await onceForA(w, 'goal internal', () =>
        aGoal(db, w.a.id, s('public')(w), 'internal', `Goal ${INTERNAL}`),
      );
      await onceForA(w, 'goal on private', () =>
        aGoal(db, w.a.id, s('private')(w), 'public', `Goal ${PRIVATE}`),
      );
      return { method: 'GET', url: v1(`/organisations/${w.a.odsCode}/goals`) };
    },
  },
  'POST /api/v1/organisations/:ref/goals': {
    rule: { kind: 'write', action: 'goal.manage', visibility: 'public' },
    request: (w) => ({
      method: 'POST',
      url: v1(`/organisations/${w.a.odsCode}/goals`),
      payload: { seriesId: s('public')(w), title: 'A new goal', target: 12, deadline: '2027-03-31' },
    }),
  },
  'GET /api/v1/organisations/:ref/units/:unitId/goals': {
    rule: { kind: 'anyone' },
    request: async (w, db) => {
      const series = await ensureSeries(db, {
        measureId: m('internal')(w),
        organisationId: w.a.id,
        unitId: w.unitId,
      });
      await onceForA(w, 'unit goal', () =>
        aGoal(db, w.a.id, series.id, 'public', `Goal ${INTERNAL}`, w.unitId),
      );
      return { method: 'GET', url: v1(`/organisations/${w.a.odsCode}/units/${w.unitId}/goals`) };
    },
  },
  'GET /api/v1/goals/:id': {
    rule: { kind: 'read', visibility: 'private' },
    request: async (w, db) => ({
      method: 'GET',
      url: v1(
        `/goals/${await onceForA(w, 'goal on private', () => aGoal(db, w.a.id, s('private')(w), 'public', `Goal ${PRIVATE}`))}`,
      ),
    }),
    id: madeFor('goal on private'),
  },
  'PATCH /api/v1/goals/:id': {
    rule: { kind: 'write', action: 'goal.manage', visibility: 'internal' },
    request: async (w, db) => ({
      method: 'PATCH',
      url: v1(
        `/goals/${await onceForA(w, 'goal internal', () => aGoal(db, w.a.id, s('public')(w), 'internal', `Goal ${INTERNAL}`))}`,
      ),
      payload: { target: 11 },
    }),
    id: madeFor('goal internal'),
  },
  'DELETE /api/v1/goals/:id': {
    rule: { kind: 'write', action: 'goal.manage', visibility: 'private' },
    request: async (w, db) => ({
      method: 'DELETE',
      url: v1(`/goals/${await aGoal(db, w.a.id, s('public')(w), 'private', 'A goal to delete')}`),
    }),
  },
  'GET /api/v1/organisations/:ref/requirements': {
    rule: { kind: 'anyone' },
    request: async (w, db) => {
      await onceForA(w, 'requirement by A', () => aRequirementByA(w, db));
      return { method: 'GET', url: v1(`/organisations/${w.a.odsCode}/requirements`) };
    },
  },
  'GET /api/v1/organisations/:ref/requirements/received': {
    rule: { kind: 'anyone' },
    request: async (w, db) => {
      await onceForA(w, 'requirement for A', () => aRequirementForA(w, db));
      return { method: 'GET', url: v1(`/organisations/${w.a.odsCode}/requirements/received`) };
    },
  },
  'POST /api/v1/organisations/:ref/requirements': {
    // A is a provider: those permitted are refused with a 400 (only a commissioner sets them).
    rule: { kind: 'write', action: 'requirement.manage', visibility: 'public' },
    request: async (w, db) => ({
      method: 'POST',
      url: v1(`/organisations/${w.a.odsCode}/requirements`),
      payload: {
        provider: (await anOrganisation(db)).odsCode,
        measureId: w.shared.measureId,
        title: 'A requirement',
        target: 10,
        dueBy: '2027-03-31',
      },
    }),
  },
  'PATCH /api/v1/organisations/:ref/requirements/:id': {
    rule: { kind: 'write', action: 'requirement.manage', visibility: 'public' },
    request: async (w, db) => ({
      method: 'PATCH',
      url: v1(
        `/organisations/${w.a.odsCode}/requirements/${await onceForA(w, 'requirement by A', () => aRequirementByA(w, db))}`,
      ),
      payload: { target: 11 },
    }),
  },
  'DELETE /api/v1/organisations/:ref/requirements/:id': {
    rule: { kind: 'write', action: 'requirement.manage', visibility: 'public' },
    request: async (w, db) => ({
      method: 'DELETE',
      url: v1(`/organisations/${w.a.odsCode}/requirements/${await aRequirementByA(w, db)}`),
    }),
  },
  'GET /api/v1/requirements/:id/progress': {
    rule: { kind: 'read', visibility: 'internal' },
    request: async (w, db) => ({
      method: 'GET',
      url: v1(
        `/requirements/${await onceForA(w, 'requirement by A', () => aRequirementByA(w, db))}/progress`,
      ),
    }),
    id: madeFor('requirement by A'),
  },
  'PUT /api/v1/requirements/:id/projects/:projectId': {
    rule: { kind: 'write', action: 'goal.manage', visibility: 'internal' },
    request: async (w, db) => {
      const requirement = await onceForA(w, 'requirement for A', () => aRequirementForA(w, db));
      const project = await onceForA(w, 'project', () =>
        aProject(db, w.a.id, 'internal', `Project ${INTERNAL}`),
      );
      return { method: 'PUT', url: v1(`/requirements/${requirement}/projects/${project}`) };
    },
    id: madeFor('requirement for A'),
  },
  'DELETE /api/v1/requirements/:id/projects/:projectId': {
    rule: { kind: 'write', action: 'goal.manage', visibility: 'internal' },
    request: async (w, db) => {
      const requirement = await onceForA(w, 'requirement for A', () => aRequirementForA(w, db));
      const project = await onceForA(w, 'project', () =>
        aProject(db, w.a.id, 'internal', `Project ${INTERNAL}`),
      );
      return { method: 'DELETE', url: v1(`/requirements/${requirement}/projects/${project}`) };
    },
    id: madeFor('requirement for A'),
  },
  'POST /api/v1/organisations/:ref/projects': {
    rule: { kind: 'write', action: 'project.start', visibility: 'public' },
    request: (w) => ({
      method: 'POST',
      url: v1(`/organisations/${w.a.odsCode}/projects`),
      payload: { title: 'A new project' },
    }),
  },
  'GET /api/v1/organisations/:ref/projects': {
    rule: { kind: 'anyone' },
    request: async (w, db) => {
      await aProjectOfA(w, db);
      await aLibraryProjectOfA(w, db);
      return { method: 'GET', url: v1(`/organisations/${w.a.odsCode}/projects?limit=500`) };
    },
  },
  'GET /api/v1/projects/:id': {
    rule: { kind: 'read', visibility: 'internal' },
    request: async (w, db) => ({ method: 'GET', url: v1(`/projects/${await aProjectOfA(w, db)}`) }),
    id: p,
  },
  'PATCH /api/v1/projects/:id': {
    rule: { kind: 'write', action: 'project.manage', visibility: 'internal' },
    request: async (w, db) => ({
      method: 'PATCH',
      url: v1(`/projects/${await aProjectOfA(w, db)}`),
      payload: { problem: 'Changed' },
    }),
    id: p,
  },
  'GET /api/v1/projects/:id/charts': {
    rule: { kind: 'read', visibility: 'internal' },
    request: async (w, db) => ({ method: 'GET', url: v1(`/projects/${await aProjectOfA(w, db)}/charts`) }),
    id: p,
  },
  'POST /api/v1/projects/:id/team': {
    rule: { kind: 'write', action: 'project.manage', visibility: 'internal' },
    request: async (w, db) => ({
      method: 'POST',
      url: v1(`/projects/${await aProjectOfA(w, db)}/team`),
      payload: { userId: await aMemberOfA(w, db), role: 'member' },
    }),
    id: p,
  },
  'PATCH /api/v1/projects/:id/team/:userId': {
    rule: { kind: 'write', action: 'project.manage', visibility: 'internal' },
    request: async (w, db) => {
      const project = await aProjectOfA(w, db);
      return {
        method: 'PATCH',
        url: v1(`/projects/${project}/team/${await aTeamMemberOfA(w, db, project)}`),
        payload: { role: 'coach' },
      };
    },
    id: p,
  },
  'DELETE /api/v1/projects/:id/team/:userId': {
    rule: { kind: 'write', action: 'project.manage', visibility: 'internal' },
    request: async (w, db) => {
      const project = await aProjectOfA(w, db);
      return {
        method: 'DELETE',
        url: v1(`/projects/${project}/team/${await aTeamMemberOfA(w, db, project)}`),
      };
    },
    id: p,
  },
  'PUT /api/v1/projects/:id/measures/:seriesId': {
    rule: { kind: 'write', action: 'project.manage', visibility: 'internal' },
    request: async (w, db) => ({
      method: 'PUT',
      url: v1(`/projects/${await aProjectOfA(w, db)}/measures/${s('internal')(w)}`),
      payload: { kind: 'process' },
    }),
    id: p,
  },
  'DELETE /api/v1/projects/:id/measures/:seriesId': {
    rule: { kind: 'write', action: 'project.manage', visibility: 'internal' },
    request: async (w, db) => {
      const project = await aProjectOfA(w, db);
      await db
        .insert(projectMeasures)
        .values({ projectId: project, seriesId: s('public')(w), kind: 'process' })
        .onConflictDoNothing();
      return { method: 'DELETE', url: v1(`/projects/${project}/measures/${s('public')(w)}`) };
    },
    id: p,
  },
  'PUT /api/v1/projects/:id/goals/:goalId': {
    rule: { kind: 'write', action: 'project.manage', visibility: 'internal' },
    request: async (w, db) => {
      const goal = await onceForA(w, 'project goal', () =>
        aGoal(db, w.a.id, s('public')(w), 'internal', 'A goal'),
      );
      return { method: 'PUT', url: v1(`/projects/${await aProjectOfA(w, db)}/goals/${goal}`) };
    },
    id: p,
  },
  'DELETE /api/v1/projects/:id/goals/:goalId': {
    rule: { kind: 'write', action: 'project.manage', visibility: 'internal' },
    request: async (w, db) => {
      const project = await aProjectOfA(w, db);
      const goal = await onceForA(w, 'project goal', () =>
        aGoal(db, w.a.id, s('public')(w), 'internal', 'A goal'),
      );
      await db.insert(projectGoals).values({ projectId: project, goalId: goal }).onConflictDoNothing();
      return { method: 'DELETE', url: v1(`/projects/${project}/goals/${goal}`) };
    },
    id: p,
  },
  'GET /api/v1/projects/:id/driver-diagram': {
    rule: { kind: 'read', visibility: 'internal' },
    request: async (w, db) => ({
      method: 'GET',
      url: v1(`/projects/${await aProjectOfA(w, db)}/driver-diagram`),
    }),
    id: p,
  },
  'GET /api/v1/projects/:id/driver-diagram.svg': {
    rule: { kind: 'read', visibility: 'internal' },
    request: async (w, db) => ({
      method: 'GET',
      url: v1(`/projects/${await aProjectOfA(w, db)}/driver-diagram.svg`),
    }),
    id: p,
  },
  'POST /api/v1/projects/:id/driver-nodes': {
    rule: { kind: 'write', action: 'project.manage', visibility: 'internal' },
    request: async (w, db) => ({
      method: 'POST',
      url: v1(`/projects/${await aProjectOfA(w, db)}/driver-nodes`),
      payload: { kind: 'secondary', text: 'Another secondary driver' },
    }),
    id: p,
  },
  'PATCH /api/v1/projects/:id/driver-nodes/:nodeId': {
    rule: { kind: 'write', action: 'project.manage', visibility: 'internal' },
    request: async (w, db) => ({
      method: 'PATCH',
      url: v1(`/projects/${await aProjectOfA(w, db)}/driver-nodes/${madeFor('project primary')(w)}`),
      payload: { text: 'A primary driver, renamed' },
    }),
    id: p,
  },
  'DELETE /api/v1/projects/:id/driver-nodes/:nodeId': {
    rule: { kind: 'write', action: 'project.manage', visibility: 'internal' },
    request: async (w, db) => {
      const project = await aProjectOfA(w, db);
      const [node] = await db
        .insert(driverNodes)
        .values({ projectId: project, kind: 'primary', text: 'A driver to remove', position: 99 })
        .returning();
      return { method: 'DELETE', url: v1(`/projects/${project}/driver-nodes/${node!.id}`) };
    },
    id: p,
  },
  'PUT /api/v1/projects/:id/driver-order': {
    rule: { kind: 'write', action: 'project.manage', visibility: 'internal' },
    request: async (w, db) => {
      const project = await aProjectOfA(w, db);
      const column = await db
        .select({ id: driverNodes.id })
        .from(driverNodes)
        .where(and(eq(driverNodes.projectId, project), eq(driverNodes.kind, 'primary')))
        .orderBy(driverNodes.position, driverNodes.id);
      return {
        method: 'PUT',
        url: v1(`/projects/${project}/driver-order`),
        payload: { kind: 'primary', ids: column.map((node) => node.id).reverse() },
      };
    },
    id: p,
  },
  'POST /api/v1/projects/:id/driver-links': {
    rule: { kind: 'write', action: 'project.manage', visibility: 'internal' },
    request: async (w, db) => ({
      method: 'POST',
      url: v1(`/projects/${await aProjectOfA(w, db)}/driver-links`),
      payload: { fromId: madeFor('project primary')(w), toId: madeFor('project secondary')(w) },
    }),
    id: p,
  },
  'DELETE /api/v1/projects/:id/driver-links/:fromId/:toId': {
    rule: { kind: 'write', action: 'project.manage', visibility: 'internal' },
    request: async (w, db) => {
      const project = await aProjectOfA(w, db);
      const [fromId, toId] = [madeFor('project primary')(w), madeFor('project secondary')(w)];
      await db.insert(driverLinks).values({ projectId: project, fromId, toId }).onConflictDoNothing();
      return { method: 'DELETE', url: v1(`/projects/${project}/driver-links/${fromId}/${toId}`) };
    },
    id: p,
  },
  'GET /api/v1/projects/:id/cycles': {
    rule: { kind: 'read', visibility: 'internal' },
    request: async (w, db) => ({ method: 'GET', url: v1(`/projects/${await aProjectOfA(w, db)}/cycles`) }),
    id: p,
  },
  'POST /api/v1/projects/:id/change-ideas/:nodeId/cycles': {
    rule: { kind: 'write', action: 'project.manage', visibility: 'internal' },
    request: async (w, db) => ({
      method: 'POST',
      url: v1(`/projects/${await aProjectOfA(w, db)}/change-ideas/${madeFor('project idea')(w)}/cycles`),
      payload: { title: 'Another cycle', plannedStart: '2021-01-04' },
    }),
    id: p,
  },
  'PATCH /api/v1/projects/:id/cycles/:cycleId': {
    rule: { kind: 'write', action: 'project.manage', visibility: 'internal' },
    request: async (w, db) => ({
      method: 'PATCH',
      url: v1(`/projects/${await aProjectOfA(w, db)}/cycles/${madeFor('project cycle')(w)}`),
      payload: { doNotes: 'What happened' },
    }),
    id: p,
  },
  'DELETE /api/v1/projects/:id/cycles/:cycleId': {
    rule: { kind: 'write', action: 'project.manage', visibility: 'internal' },
    request: async (w, db) => {
      const project = await aProjectOfA(w, db);
      const [cycle] = await db
        .insert(pdsaCycles)
        .values({ projectId: project, changeIdeaId: madeFor('project idea')(w), title: 'A cycle to delete' })
        .returning();
      return { method: 'DELETE', url: v1(`/projects/${project}/cycles/${cycle!.id}`) };
    },
    id: p,
  },
  'POST /api/v1/projects/:id/publish': {
    // Not finished: those permitted are refused with a 409 (only a finished project is published).
    rule: { kind: 'write', action: 'project.manage', visibility: 'internal' },
    request: async (w, db) => ({ method: 'POST', url: v1(`/projects/${await aProjectOfA(w, db)}/publish`) }),
    id: p,
  },
  'POST /api/v1/projects/:id/unpublish': {
    rule: { kind: 'write', action: 'project.manage', visibility: 'internal' },
    request: async (w, db) => ({
      method: 'POST',
      url: v1(`/projects/${await aProjectOfA(w, db)}/unpublish`),
    }),
    id: p,
  },
  'GET /api/v1/library/projects': {
    rule: { kind: 'anyone' },
    request: async (w, db) => {
      await aProjectOfA(w, db);
      await aLibraryProjectOfA(w, db);
      return { method: 'GET', url: v1('/library/projects?limit=500') };
    },
  },
  'POST /api/v1/library/projects/:id/copy': {
    rule: { kind: 'write', action: 'project.start', visibility: 'public' },
    request: async (w, db) => ({
      method: 'POST',
      url: v1(`/library/projects/${await aLibraryProjectOfA(w, db)}/copy`),
      payload: { organisationRef: w.a.odsCode },
    }),
  },
  'POST /api/v1/organisations/:ref/ideas': {
    rule: { kind: 'write', action: 'idea.submit', visibility: 'public' },
    request: (w) => ({
      method: 'POST',
      url: v1(`/organisations/${w.a.odsCode}/ideas`),
      payload: { problem: 'A problem', proposal: 'A proposal', anonymous: false },
    }),
  },
  'GET /api/v1/organisations/:ref/ideas': {
    rule: { kind: 'permitted_read', action: 'idea.submit' },
    request: async (w, db) => {
      await anIdeaOfA(w, db);
      return { method: 'GET', url: v1(`/organisations/${w.a.odsCode}/ideas?limit=500`) };
    },
  },
  'GET /api/v1/ideas/:id': {
    rule: { kind: 'members', action: 'idea.submit', changes: false },
    request: async (w, db) => ({ method: 'GET', url: v1(`/ideas/${await anIdeaOfA(w, db)}`) }),
    id: madeFor('idea of A'),
  },
  'POST /api/v1/ideas/:id/vote': {
    rule: { kind: 'members', action: 'idea.submit', changes: true },
    request: async (w, db) => ({ method: 'POST', url: v1(`/ideas/${await anIdeaOfA(w, db)}/vote`) }),
    id: madeFor('idea of A'),
  },
  'DELETE /api/v1/ideas/:id/vote': {
    rule: { kind: 'members', action: 'idea.submit', changes: true },
    request: async (w, db) => ({ method: 'DELETE', url: v1(`/ideas/${await anIdeaOfA(w, db)}/vote`) }),
    id: madeFor('idea of A'),
  },
  'POST /api/v1/ideas/:id/comments': {
    rule: { kind: 'members', action: 'idea.submit', changes: true },
    request: async (w, db) => ({
      method: 'POST',
      url: v1(`/ideas/${await anIdeaOfA(w, db)}/comments`),
      payload: { text: 'A comment' },
    }),
    id: madeFor('idea of A'),
  },
  'POST /api/v1/ideas/:id/triage': {
    rule: { kind: 'members', action: 'idea.triage', changes: true },
    request: async (w, db) => ({
      method: 'POST',
      url: v1(`/ideas/${await anIdeaOfA(w, db)}/triage`),
      payload: { status: 'under_review', reason: 'We are looking at it' },
    }),
    id: madeFor('idea of A'),
  },
  'GET /api/v1/projects/:id/ideas': {
    rule: { kind: 'read', visibility: 'internal' },
    request: async (w, db) => ({ method: 'GET', url: v1(`/projects/${await aProjectOfA(w, db)}/ideas`) }),
    id: p,
  },
  'GET /api/v1/notifications': {
    rule: { kind: 'signed_in' },
    request: () => ({ method: 'GET', url: v1('/notifications') }),
  },
  'POST /api/v1/notifications/read-all': {
    rule: { kind: 'signed_in' },
    request: () => ({ method: 'POST', url: v1('/notifications/read-all') }),
  },
  'POST /api/v1/notifications/:id/read': {
    rule: {
      kind: 'skip',
      why: 'notifications.int.test.ts: only its owner marks a notification (others 404)',
    },
    request: () => ({ url: '' }),
  },
  'GET /api/v1/notifications/email': {
    rule: { kind: 'signed_in' },
    request: () => ({ method: 'GET', url: v1('/notifications/email') }),
  },
  'PUT /api/v1/notifications/email': {
    rule: { kind: 'signed_in' },
    request: () => ({ method: 'PUT', url: v1('/notifications/email'), payload: { email: true } }),
  },
  'GET /api/v1/organisations/:ref/mail-settings': {
    rule: { kind: 'permitted_read', action: 'mail.manage' },
    request: async (w, db) => {
      await mailSettingsOfA(w, db);
      return { method: 'GET', url: v1(`/organisations/${w.a.odsCode}/mail-settings`) };
    },
  },
  'PUT /api/v1/organisations/:ref/mail-settings': {
    rule: { kind: 'write', action: 'mail.manage', visibility: 'public' },
    request: (w) => ({
      method: 'PUT',
      url: v1(`/organisations/${w.a.odsCode}/mail-settings`),
      payload: { host: '127.0.0.1', port: 2525, security: 'none', fromAddress: 'groundswell@a.example' },
    }),
  },
  'DELETE /api/v1/organisations/:ref/mail-settings': {
    rule: { kind: 'write', action: 'mail.manage', visibility: 'public' },
    request: async (w, db) => {
      await mailSettingsOfA(w, db);
      return { method: 'DELETE', url: v1(`/organisations/${w.a.odsCode}/mail-settings`) };
    },
  },
  'POST /api/v1/organisations/:ref/mail-settings/test': {
    rule: { kind: 'write', action: 'mail.manage', visibility: 'public' },
    request: async (w, db) => {
      await mailSettingsOfA(w, db);
      return { method: 'POST', url: v1(`/organisations/${w.a.odsCode}/mail-settings/test`) };
    },
  },
  'GET /api/v1/organisations/:ref/curriculum': {
    rule: { kind: 'permitted_read', action: 'capability.declare' },
    request: async (w, db) => {
      await aCourseOfA(w, db);
      return { method: 'GET', url: v1(`/organisations/${w.a.odsCode}/curriculum`) };
    },
  },
  'POST /api/v1/organisations/:ref/curriculum/levels': {
    rule: { kind: 'write', action: 'capability.manage', visibility: 'public' },
    request: (w) => ({
      method: 'POST',
      url: v1(`/organisations/${w.a.odsCode}/curriculum/levels`),
      payload: { name: `level ${capabilityRank}`, rank: capabilityRank++ },
    }),
  },
  'PATCH /api/v1/curriculum-levels/:id': {
    rule: { kind: 'members', action: 'capability.manage', changes: true },
    request: async (w, db) => {
      await aCourseOfA(w, db);
      return {
        method: 'PATCH',
        url: v1(`/curriculum-levels/${madeFor('level of A')(w)}`),
        payload: { description: 'x' },
      };
    },
    id: madeFor('level of A'),
  },
  'DELETE /api/v1/curriculum-levels/:id': {
    rule: { kind: 'members', action: 'capability.manage', changes: true },
    request: async (w, db) => {
      const [level] = await db
        .insert(curriculumLevels)
        .values({ organisationId: w.a.id, name: `to remove ${capabilityRank}`, rank: capabilityRank++ })
        .returning({ id: curriculumLevels.id });
      return { method: 'DELETE', url: v1(`/curriculum-levels/${level!.id}`) };
    },
  },
  'POST /api/v1/curriculum-levels/:id/courses': {
    rule: { kind: 'members', action: 'capability.manage', changes: true },
    request: async (w, db) => {
      await aCourseOfA(w, db);
      return {
        method: 'POST',
        url: v1(`/curriculum-levels/${madeFor('level of A')(w)}/courses`),
        payload: { code: `C-${capabilityRank++}`, title: 'Another course' },
      };
    },
    id: madeFor('level of A'),
  },
  'PATCH /api/v1/courses/:id': {
    rule: { kind: 'members', action: 'capability.manage', changes: true },
    request: async (w, db) => ({
      method: 'PATCH',
      url: v1(`/courses/${await aCourseOfA(w, db)}`),
      payload: { title: 'Renamed course' },
    }),
    id: madeFor('course of A'),
  },
  'DELETE /api/v1/courses/:id': {
    rule: { kind: 'members', action: 'capability.manage', changes: true },
    request: async (w, db) => {
      await aCourseOfA(w, db);
      const [course] = await db
        .insert(courses)
        .values({
          organisationId: w.a.id,
          levelId: madeFor('level of A')(w),
          code: `D-${capabilityRank++}`,
          title: 'To remove',
        })
        .returning({ id: courses.id });
      return { method: 'DELETE', url: v1(`/courses/${course!.id}`) };
    },
  },
  'GET /api/v1/organisations/:ref/completions': {
    rule: { kind: 'permitted_read', action: 'capability.declare' },
    request: (w) => ({ method: 'GET', url: v1(`/organisations/${w.a.odsCode}/completions`) }),
  },
  'POST /api/v1/organisations/:ref/completions': {
    rule: { kind: 'write', action: 'capability.manage', visibility: 'public' },
    request: async (w, db) => ({
      method: 'POST',
      url: v1(`/organisations/${w.a.odsCode}/completions`),
      payload: {
        userId: await aMemberOfA(w, db),
        courseId: await aCourseOfA(w, db),
        completedOn: '2021-01-04',
      },
    }),
  },
  'POST /api/v1/organisations/:ref/completions/declare': {
    rule: { kind: 'write', action: 'capability.declare', visibility: 'public' },
    request: async (w, db) => ({
      method: 'POST',
      url: v1(`/organisations/${w.a.odsCode}/completions/declare`),
      payload: { courseId: await aCourseOfA(w, db), completedOn: '2021-01-04' },
    }),
  },
  'POST /api/v1/organisations/:ref/completions/import': {
    rule: { kind: 'write', action: 'capability.manage', visibility: 'public' },
    request: async (w, db) => {
      await aCourseOfA(w, db);
      const member = await aMemberOfA(w, db);
      const [user] = await db.select({ email: users.email }).from(users).where(eq(users.id, member));
      return {
        method: 'POST',
        url: v1(`/organisations/${w.a.odsCode}/completions/import`),
        payload: { csv: `email,course,completed on\n${user!.email},QI-1,2021-01-04\n` },
      };
    },
  },
  'POST /api/v1/courses/:id/completions/:userId/confirm': {
    rule: { kind: 'members', action: 'capability.manage', changes: true },
    request: async (w, db) => {
      const member = await aDeclarationInA(w, db);
      return {
        method: 'POST',
        url: v1(`/courses/${madeFor('course of A')(w)}/completions/${member}/confirm`),
      };
    },
    id: madeFor('course of A'),
  },
  'DELETE /api/v1/courses/:id/completions/:userId': {
    rule: { kind: 'members', action: 'capability.manage', changes: true },
    request: async (w, db) => {
      const member = await aDeclarationInA(w, db);
      return { method: 'DELETE', url: v1(`/courses/${madeFor('course of A')(w)}/completions/${member}`) };
    },
    id: madeFor('course of A'),
  },
  'GET /api/v1/organisations/:ref/capability/people': {
    rule: { kind: 'permitted_read', action: 'capability.manage' },
    request: (w) => ({ method: 'GET', url: v1(`/organisations/${w.a.odsCode}/capability/people`) }),
  },
  'PUT /api/v1/organisations/:ref/capability/people/:userId': {
    rule: { kind: 'write', action: 'capability.manage', visibility: 'public' },
    request: async (w, db) => ({
      method: 'PUT',
      url: v1(`/organisations/${w.a.odsCode}/capability/people/${await aMemberOfA(w, db)}`),
      payload: { unitId: w.unitId, since: '2021-01-01' },
    }),
  },
  'POST /api/v1/organisations/:ref/capability/people/import': {
    rule: { kind: 'write', action: 'capability.manage', visibility: 'public' },
    request: async (w, db) => {
      const member = await aMemberOfA(w, db);
      const [user] = await db.select({ email: users.email }).from(users).where(eq(users.id, member));
      return {
        method: 'POST',
        url: v1(`/organisations/${w.a.odsCode}/capability/people/import`),
        payload: { csv: `email,unit\n${user!.email},${w.unitId}\n` },
      };
    },
  },
  'GET /api/v1/organisations/:ref/capability': {
    rule: { kind: 'permitted_read', action: 'capability.declare' },
    request: (w) => ({ method: 'GET', url: v1(`/organisations/${w.a.odsCode}/capability`) }),
  },
  'POST /api/v1/organisations/:ref/surveys': {
    rule: { kind: 'write', action: 'survey.manage', visibility: 'public' },
    request: (w) => ({
      method: 'POST',
      url: v1(`/organisations/${w.a.odsCode}/surveys`),
      payload: { kind: 'patient', title: 'A new survey', question: 'Would you recommend us?' },
    }),
  },
  'GET /api/v1/organisations/:ref/surveys': {
    rule: { kind: 'permitted_read', action: 'idea.submit' },
    request: (w) => ({ method: 'GET', url: v1(`/organisations/${w.a.odsCode}/surveys`) }),
  },
  'GET /api/v1/surveys/:id': {
    rule: { kind: 'members', action: 'idea.submit', changes: false },
    request: async (w, db) => ({ method: 'GET', url: v1(`/surveys/${await aSurveyOfA(w, db)}`) }),
    id: madeFor('survey of A'),
  },
  'PATCH /api/v1/surveys/:id': {
    rule: { kind: 'members', action: 'survey.manage', changes: true },
    request: async (w, db) => ({
      method: 'PATCH',
      url: v1(`/surveys/${await aSurveyOfA(w, db)}`),
      payload: { open: true },
    }),
    id: madeFor('survey of A'),
  },
  'POST /api/v1/surveys/:id/links': {
    rule: { kind: 'members', action: 'survey.manage', changes: true },
    request: async (w, db) => ({
      method: 'POST',
      url: v1(`/surveys/${await aSurveyOfA(w, db)}/links`),
      payload: { unitId: w.unitId },
    }),
    id: madeFor('survey of A'),
  },
  'DELETE /api/v1/surveys/:id/links/:linkId': {
    rule: { kind: 'members', action: 'survey.manage', changes: true },
    request: async (w, db) => {
      const linkId = await aSurveyLinkOfA(w, db);
      return { method: 'DELETE', url: v1(`/surveys/${await aSurveyOfA(w, db)}/links/${linkId}`) };
    },
    id: madeFor('survey of A'),
  },
  'GET /api/v1/surveys/:id/results': {
    rule: { kind: 'members', action: 'idea.submit', changes: false },
    request: async (w, db) => ({ method: 'GET', url: v1(`/surveys/${await aSurveyOfA(w, db)}/results`) }),
    id: madeFor('survey of A'),
  },
  'GET /api/v1/surveys/:id/comments': {
    rule: { kind: 'skip', why: 'surveys/comments.int.test.ts (unit leads read their own units’ comments)' },
    request: () => ({ url: '' }),
  },
  'POST /api/v1/surveys/:id/publish': {
    rule: { kind: 'members', action: 'survey.manage', changes: true },
    request: async (w, db) => ({ method: 'POST', url: v1(`/surveys/${await aSurveyOfA(w, db)}/publish`) }),
    id: madeFor('survey of A'),
  },
  'GET /api/v1/survey-links/:token': {
    rule: { kind: 'anyone' },
    request: async (w, db) => ({
      method: 'GET',
      url: v1(`/survey-links/${surveyTokens.get(await aSurveyOfA(w, db))!}`),
    }),
  },
  'POST /api/v1/survey-links/:token/responses': {
    rule: { kind: 'anyone' },
    request: async (w, db) => ({
      method: 'POST',
      url: v1(`/survey-links/${surveyTokens.get(await aSurveyOfA(w, db))!}/responses`),
      payload: { answer: 'dont_know' },
    }),
  },
};

const RANK: Record<Visibility, number> = { public: 0, internal: 1, private: 2 };
const reads = (asker: Asker, visibility: Visibility): boolean => RANK[visibility] <= RANK[asker.level];

/** Whether `asker` may do `action` in A, by the permission table (`changes`: needs a write scope). */
function permitted(asker: Asker, action: Action, changes = true): boolean {
  if (asker.role === null) return false;
  if (changes && !asker.scopes.includes('write')) return false;
  return asker.role === 'platform' || (PERMISSIONS[action] as readonly string[]).includes(asker.role);
}

/** What `asker` must get: 'ok' (any 2xx, or a 4xx about the data such as 400/409/422), or a status. */
function expected(rule: Rule, asker: Asker): 'ok' | 401 | 403 | 404 {
  switch (rule.kind) {
    case 'anyone':
      return 'ok';
    case 'signed_in':
      return asker.signedIn ? 'ok' : 401;
    case 'platform_admin':
      return !asker.signedIn ? 401 : asker.role === 'platform' ? 'ok' : 403;
    case 'read':
      return reads(asker, rule.visibility) ? 'ok' : 404;
    case 'write':
      if (!reads(asker, rule.visibility)) return 404;
      if (!asker.signedIn) return 401;
      return permitted(asker, rule.action) ? 'ok' : 403;
    case 'permitted_read':
      if (!asker.signedIn) return 401;
      return permitted(asker, rule.action, false) ? 'ok' : 403;
    case 'members':
    case 'import':
      if (asker.role === null) return 404;
      return permitted(asker, rule.action, rule.changes) ? 'ok' : 403;
    case 'internal_list':
      if (reads(asker, 'internal')) return 'ok';
      return asker.signedIn ? 403 : 401;
    case 'skip':
      throw new Error('skipped');
  }
}

function matches(response: LightMyRequestResponse, want: 'ok' | 401 | 403 | 404): boolean {
  if (want !== 'ok') return response.statusCode === want;
  return response.statusCode < 500 && ![401, 403, 404].includes(response.statusCode);
}

describeEachEngine('access, generated from the route table', ({ test }) => {
  test('every route answers every role, another organisation and the public as the permission table says, and leaks nothing', async (ctx) => {
    const world = await buildWorld(ctx.db);
    const people = await askers(ctx.db, world);
    await withApp(
      ctx,
      async (app) => {
        const routes = routeTable(app).filter((route) => route.url.startsWith('/api/v1/'));
        const keys = routes.map((route) => `${route.method} ${route.url}`);
        expect(
          keys.filter((key) => !(key in CASES)),
          'routes with no access rule',
        ).toEqual([]);
        expect(
          Object.keys(CASES).filter((key) => !keys.includes(key)),
          'rules for no route',
        ).toEqual([]);
        const wrong: string[] = [];
        const leaks: string[] = [];
        for (const key of keys) {
          const { rule, request, id } = CASES[key]!;
          if (rule.kind === 'skip') continue;
          for (const asker of people) {
            const options = await request(world, ctx.db);
            const response = await app.inject({
              ...options,
              headers: { ...(options.headers as Record<string, string> | undefined), ...asker.headers },
            });
            const want = expected(rule, asker);
            if (!matches(response, want)) {
              wrong.push(
                `${key} as ${asker.label}: ${response.statusCode}, expected ${want} — ${response.body.slice(0, 160)}`,
              );
            }
            const forbidden =
              asker.level === 'public' ? [INTERNAL, PRIVATE] : asker.level === 'internal' ? [PRIVATE] : [];
            for (const word of forbidden) {
              if (response.body.includes(word))
                leaks.push(`${key} as ${asker.label}: the response holds ${word}`);
            }
            if (want === 404 && id !== undefined && response.statusCode === 404) {
              const real = id(world);
              const unknown = randomUUID();
              const other = await app.inject({
                ...options,
                url: (options.url as string).replace(real, unknown),
                headers: { ...(options.headers as Record<string, string> | undefined), ...asker.headers },
              });
              if (other.body.replaceAll(unknown, '<id>') !== response.body.replaceAll(real, '<id>')) {
                leaks.push(`${key} as ${asker.label}: a hidden id's 404 differs from an unknown id's`);
              }
            }
          }
        }
        expect(wrong.join('\n')).toBe('');
        expect(leaks.join('\n')).toBe('');
      },
      { as: 'public' },
    );
  }, 600_000);
});
