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
import { createToken } from '../auth/tokens.js';
import { memberships, organisationGrants, users } from '../db/schema.js';
import type { Role, TokenScope, Visibility } from '../db/schema/vocabulary.js';
import type { Database } from '../db/types.js';
import { upsertObservations } from '../observations/repository.js';
import { ensureSeries } from '../series/repository.js';
import { withApp } from '../test-support/app.js';
import { describeEachEngine } from '../test-support/database.js';
import { aMeasure, anImport, anOrganisation, months, USER } from '../test-support/fixtures.js';
import { createUnit } from '../units/repository.js';
import { routeTable } from './route-table.js';

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
   * An import of A by id: hidden (404) from everyone outside A; A's people without the
   * permission get 403; `changes`: whether a read-only token is refused.
   */
  | { kind: 'import'; action: Action; changes: boolean };

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

const CASES: Record<string, Case> = {
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
    case 'import':
      if (asker.role === null) return 404;
      return permitted(asker, rule.action, rule.changes) ? 'ok' : 403;
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
