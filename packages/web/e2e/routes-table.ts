/**
 * @module e2e/routes-table
 * Every page of the route table (src/app/routes.tsx) with an address to open and the ids from the
 * demo data the addresses need, and the check each page gets. Split over two test files
 * (routes.e2e.test.ts and routes-more.e2e.test.ts) so that two workers share the work.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, checkPage, data, DEMO_ANALYST, openPage, pageErrors } from './harness';

/** Ids from the demo data that the addresses need. */
export interface Ids {
  /** A unit (a ward) of RF4. */
  unitId: string;
  /** An A&E 4-hour performance series of RF4 (the whole organisation's, or else a department's). */
  seriesId: string;
  /** The shared A&E 4-hour performance measure. */
  measureId: string;
  /** A QI project of RF4 (started for this test). */
  projectId?: string;
  /** An idea of RF4 (submitted for this test). */
  ideaId?: string;
  /** RF4's demo board report. */
  reportId?: string;
  /** An issued version of it (issued for this test). */
  issuedReportId?: string;
  /** An experience survey of RF4 (started for this test). */
  surveyId?: string;
}

/** Every route of the table (its pattern as routes.tsx writes it), with an address to open. */
export const ROUTES: readonly { pattern: string; name: string; path: (ids: Ids) => string }[] = [
  { pattern: '/', name: 'organisations', path: () => '/' },
  { pattern: 'organisations/:ref', name: 'organisation overview', path: () => '/organisations/RF4' },
  {
    pattern: 'organisations/:ref/units/:unitId',
    name: 'unit',
    path: (ids) => `/organisations/RF4/units/${ids.unitId}`,
  },
  { pattern: 'organisations/:ref/audit', name: 'audit log', path: () => '/organisations/RF4/audit' },
  { pattern: 'organisations/:ref/goals', name: 'goals', path: () => '/organisations/RF4/goals' },
  { pattern: 'organisations/:ref/members', name: 'members', path: () => '/organisations/RF4/members' },
  { pattern: 'organisations/:ref/grants', name: 'grants', path: () => '/organisations/RF4/grants' },
  {
    pattern: 'organisations/:ref/identity-providers',
    name: 'identity providers',
    path: () => '/organisations/RF4/identity-providers',
  },
  // An unknown link: the page says it does not work.
  { pattern: 'invitations/:token', name: 'invitation', path: () => '/invitations/not-a-real-link' },
  {
    pattern: 'organisations/:ref/requirements',
    name: 'outcome requirements',
    path: () => '/organisations/RF4/requirements',
  },
  { pattern: 'series/:seriesId', name: 'measure', path: (ids) => `/series/${ids.seriesId}` },
  { pattern: 'measures', name: 'measure catalogue', path: () => '/measures' },
  {
    pattern: 'measures/:measureId/compare',
    name: 'comparison',
    path: (ids) => `/measures/${ids.measureId}/compare`,
  },
  {
    pattern: 'measures/:measureId/funnel',
    name: 'funnel plot',
    path: (ids) => `/measures/${ids.measureId}/funnel`,
  },
  { pattern: 'imports/new', name: 'import wizard', path: () => '/imports/new' },
  { pattern: 'sign-in', name: 'sign-in', path: () => '/sign-in' },
  { pattern: 'setup', name: 'set-up', path: () => '/setup?token=not-a-real-link' },
  // Signed out, the tokens page sends the visitor to sign in (sign-in.e2e.test.ts checks it signed in).
  { pattern: 'account/tokens', name: 'API tokens', path: () => '/account/tokens' },
  { pattern: 'organisations/:ref/projects', name: 'QI projects', path: () => '/organisations/RF4/projects' },
  {
    pattern: 'organisations/:ref/projects/new',
    name: 'start a project',
    path: () => '/organisations/RF4/projects/new',
  },
  { pattern: 'projects/:id', name: 'QI project', path: (ids) => `/projects/${ids.projectId ?? 'none'}` },
  { pattern: 'library', name: 'library of projects', path: () => '/library' },
  { pattern: 'organisations/:ref/ideas', name: 'ideas', path: () => '/organisations/RF4/ideas' },
  {
    pattern: 'organisations/:ref/ideas/new',
    name: 'submit an idea',
    path: () => '/organisations/RF4/ideas/new',
  },
  { pattern: 'ideas/:id', name: 'idea', path: (ids) => `/ideas/${ids.ideaId ?? 'none'}` },
  {
    pattern: 'organisations/:ref/capability',
    name: 'QI capability',
    path: () => '/organisations/RF4/capability',
  },
  { pattern: 'notifications', name: 'notifications', path: () => '/notifications' },
  // Signed in as the QI lead: the page says it needs the role of administrator (email.e2e.test.ts
  // checks the administrator's form).
  {
    pattern: 'organisations/:ref/mail-settings',
    name: 'email settings',
    path: () => '/organisations/RF4/mail-settings',
  },
  {
    pattern: 'organisations/:ref/public-profile',
    name: 'public page settings',
    path: () => '/organisations/RF4/public-profile',
  },
  {
    pattern: 'organisations/:ref/surveys',
    name: 'experience surveys',
    path: () => '/organisations/RF4/surveys',
  },
  { pattern: 'surveys/:id', name: 'experience survey', path: (ids) => `/surveys/${ids.surveyId ?? 'none'}` },
  // An unknown link: the answer page says it is not in use.
  { pattern: '/s/:token', name: 'survey answer page', path: () => '/s/not-a-real-survey-link-000000000000' },
  { pattern: 'organisations/:ref/reports', name: 'board reports', path: () => '/organisations/RF4/reports' },
  { pattern: 'reports/:id', name: 'board report', path: (ids) => `/reports/${ids.reportId ?? 'none'}` },
  {
    pattern: 'issued-reports/:id',
    name: 'issued board report',
    path: (ids) => `/issued-reports/${ids.issuedReportId ?? 'none'}`,
  },
  { pattern: '*', name: 'not found', path: () => '/no/such/page' },
];

/**
 * The patterns of src/app/routes.tsx (every `path: '…'`; the layout's `/` stands for its index
 * route, the home page).
 */
export function tablePatterns(): string[] {
  const source = readFileSync(new URL('../src/app/routes.tsx', import.meta.url), 'utf8');
  return [...new Set([...source.matchAll(/\bpath: '([^']*)'/g)].map((match) => match[1]!))];
}

/** The ids the addresses need, from the demo data (a project, idea, survey and issued report made for the check). */
async function demoIds(): Promise<Ids> {
  let ids: Ids;
  {
    const client = api();
    const rf4 = await data(client.GET('/api/v1/organisations/{ref}', { params: { path: { ref: 'RF4' } } }));
    const units = await data(
      client.GET('/api/v1/organisations/{ref}/units', { params: { path: { ref: 'RF4' } } }),
    );
    const flat = (list: typeof units.items): typeof units.items =>
      list.flatMap((u) => [u, ...flat(u.children)]);
    const unit = flat(units.items).find((u) => u.kind === 'ward') ?? flat(units.items)[0];
    const measures = await data(
      client.GET('/api/v1/measures', { params: { query: { shared: 'true', limit: 500 } } }),
    );
    const measure = measures.items.find((m) => m.code === 'ae-4-hour');
    const series = measure
      ? await data(
          client.GET('/api/v1/series', {
            params: { query: { organisationId: rf4.id, measureId: measure.id } },
          }),
        )
      : undefined;
    const chosen = series?.items.find((s) => s.unitId === null) ?? series?.items[0];
    if (!unit || !measure || !chosen)
      throw new Error('the demo data have no unit of RF4 or no RF4 4-hour series');
    ids = { unitId: unit.id, seriesId: chosen.id, measureId: measure.id };
    const project = await data(
      client.POST('/api/v1/organisations/{ref}/projects', {
        params: { path: { ref: 'RF4' } },
        body: { title: 'Routes check: a QI project', unitId: unit.id, aimWhat: 'Every page passes axe-core' },
      }),
    );
    ids.projectId = project.id;
  }

  {
    const idea = await data(
      api().POST('/api/v1/organisations/{ref}/ideas', {
        params: { path: { ref: 'RF4' } },
        body: { problem: 'Routes check: a problem', proposal: 'Routes check: an idea', anonymous: false },
      }),
    );
    ids.ideaId = idea.id;
  }

  {
    const survey = await data(
      api().POST('/api/v1/organisations/{ref}/surveys', {
        params: { path: { ref: 'RF4' } },
        body: { kind: 'staff', title: 'Routes check: a survey', question: 'Would you recommend it?' },
      }),
    );
    ids.surveyId = survey.id;
  }

  {
    const reports = await data(
      api().GET('/api/v1/organisations/{ref}/reports', { params: { path: { ref: 'RF4' } } }),
    );
    const report = reports.items[0];
    if (report === undefined) throw new Error('the demo data have no board report of RF4');
    ids.reportId = report.id;
    const issued = await data(
      api().POST('/api/v1/reports/{id}/issue', {
        params: { path: { id: report.id } },
        body: { period: '2019-03' },
      }),
    );
    ids.issuedReportId = issued.id;
  }
  return ids;
}

/**
 * Declares the check of every other route (`part` 0: the first, third…; 1: the second, fourth…):
 * it loads without a script error, shows one h1 and no error page, passes axe-core at phone and
 * desktop widths, and is photographed at both.
 */
export function checkRoutes(part: 0 | 1): void {
  let ids: Ids;
  beforeAll(async () => {
    ids = await demoIds();
  });
  describe.each(ROUTES.filter((_route, index) => index % 2 === part))(
    'the $name page ($pattern)',
    (route) => {
      it('loads with one h1 and no script error, and passes axe-core at phone and desktop widths', async () => {
        const page = await openPage(route.path(ids), { as: DEMO_ANALYST });
        const headings = await page.locator('h1').allTextContents();
        expect(headings).toHaveLength(1);
        expect(headings[0]).not.toContain('there is a problem');
        expect(await page.title()).toMatch(/ – Groundswell$/);
        expect(pageErrors(page)).toEqual([]);
        await checkPage(page, `route ${route.name}`);
      });
    },
  );
}
