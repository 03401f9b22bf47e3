/**
 * The public pages and open data over HTTP, on both engines: an organisation with public, internal
 * and private series, goals and projects, each carrying its own marker, and another organisation;
 * every public response (HTML, SVG, CSV, JSON, FHIR, the sitemap) holds the public markers and none
 * of the others; unknown, unpublished and other organisations' ids are one and the same 404;
 * entity tags give 304s and move on when what the page shows changes; charts and data may be
 * embedded and downloaded by other sites.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { addAnnotation } from '../annotations/repository.js';
import { SYSTEM } from '../auth/principal.js';
import { auditEvents, measures, projects } from '../db/schema.js';
import type { Visibility } from '../db/schema/vocabulary.js';
import type { Database } from '../db/types.js';
import { upsertObservations } from '../observations/repository.js';
import { startProject } from '../projects/service.js';
import { ensureSeries } from '../series/repository.js';
import { withApp } from '../test-support/app.js';
import { describeEachEngine } from '../test-support/database.js';
import { aMeasure, anOrganisation, months, USER } from '../test-support/fixtures.js';
import { aGoal, tokenOf } from '../test-support/goals.js';
import { createUnit } from '../units/repository.js';
import { DEFAULT_VERSION_TTL_MS } from './service.js';

const NOW = new Date('2026-11-26T12:00:00Z');

/** Waits until the server reads the data's version again before answering (it keeps one for a second, and uses it a second more while reading it again). */
const versionRead = (): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, 2 * DEFAULT_VERSION_TTL_MS + 50));
const VISIBILITIES: readonly Visibility[] = ['public', 'internal', 'private'];

/** A marker for a thing of each visibility: only the public ones may appear in a public response. */
const marker = (what: string, visibility: Visibility): string => `${what}${visibility.toUpperCase()}MARK`;

// eslint-disable-next-line @typescript-eslint/explicit-function-return-type -- the fixtures' shape is what they hold
async function world(db: Database) {
  const a = await anOrganisation(db, { name: 'Open Trust' });
  const b = await anOrganisation(db, { name: 'Elsewhere Trust' });
  const ward = await createUnit(db, { organisationId: a.id, kind: 'ward', name: 'Ward 7' });
  const series = {} as Record<Visibility, string>;
  for (const visibility of VISIBILITIES) {
    const measure = await aMeasure(db, a.id, {
      name: `Measure ${marker('MEASURE', visibility)}`,
      description: `About ${marker('DESCRIPTION', visibility)}`,
      code: `pub-${visibility}`,
      visibility,
      dataType: 'proportion',
      spcOptions: { direction: 'increase' },
    });
    const one = await ensureSeries(db, { measureId: measure.id, organisationId: a.id, unitId: ward.id });
    await upsertObservations(
      db,
      months(24).map((period, i) => ({
        seriesId: one.id,
        period,
        numerator: 80 + (i % 5),
        denominator: 100,
      })),
      { userId: USER },
    );
    await addAnnotation(db, {
      seriesId: one.id,
      period: '2020-06-01',
      text: `Note ${marker('NOTE', visibility)}`,
      author: 'Someone',
    });
    series[visibility] = one.id;
    // A public goal on each series: public only on the public series.
    await aGoal(db, a.id, one.id, 'public', `Goal on ${marker('GOALSERIES', visibility)}`);
    await startProject(db, SYSTEM, a.id, { title: `Project ${marker('PROJECT', visibility)}`, visibility });
  }
  // A goal of each visibility on the public series.
  for (const visibility of VISIBILITIES) {
    await aGoal(db, a.id, series.public, visibility, `Goal ${marker('GOAL', visibility)}`);
  }
  // A private project in the library: public as published.
  const published = await startProject(db, SYSTEM, a.id, {
    title: 'Project LIBRARYPUBLISHED',
    visibility: 'private',
  });
  await db
    .update(projects)
    .set({ stage: 'complete', lessons: 'Lessons LIBRARYLESSONS', publishedAt: new Date() })
    .where(eq(projects.id, published.id));
  const other = await aMeasure(db, b.id, {
    name: 'Elsewhere OTHERORGMARK',
    code: 'pub-b',
    visibility: 'public',
  });
  const bSeries = await ensureSeries(db, { measureId: other.id, organisationId: b.id });
  await upsertObservations(
    db,
    months(12).map((period) => ({ seriesId: bSeries.id, period, value: 3 })),
    {
      userId: USER,
    },
  );
  return { a, b, series, bSeries: bSeries.id };
}

const FORBIDDEN = [
  ...['MEASURE', 'DESCRIPTION', 'NOTE', 'GOALSERIES', 'PROJECT', 'GOAL'].flatMap((what) => [
    marker(what, 'internal'),
    marker(what, 'private'),
  ]),
];

function leaks(response: LightMyRequestResponse): string[] {
  return FORBIDDEN.filter((word) => response.body.includes(word));
}

const SUFFIXES = ['', '/chart.svg', '/embed', '/data.csv', '/data.json', '/data.fhir.json'];

describeEachEngine('public pages and open data', ({ test }) => {
  test('every public response holds what is published and nothing else', async (ctx) => {
    const w = await world(ctx.db);
    const admin = await tokenOf(ctx.db, { organisationId: w.a.id, role: 'administrator' });
    await withApp(
      ctx,
      async (app) => {
        const get = (url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> =>
          app.inject({ method: 'GET', url, headers });
        // Signed in as an administrator or not, the public pages show the same: the public's view.
        for (const headers of [{}, admin]) {
          const responses = [
            await get('/public', headers),
            await get(`/public/${w.a.odsCode}`, headers),
            await get('/sitemap.xml', headers),
            await get('/robots.txt', headers),
            // One at a time: the test's transaction is one connection.
            ...(await SUFFIXES.reduce<Promise<LightMyRequestResponse[]>>(
              async (done, s) => [
                ...(await done),
                await get(`/public/${w.a.odsCode}/series/${w.series.public}${s}`, headers),
              ],
              Promise.resolve([]),
            )),
          ];
          for (const response of responses) {
            expect(response.statusCode, response.body.slice(0, 200)).toBe(200);
            expect(leaks(response), response.body.slice(0, 100)).toEqual([]);
          }
        }
        const page = await get(`/public/${w.a.odsCode}`);
        for (const word of [
          marker('MEASURE', 'public'),
          marker('GOAL', 'public'),
          marker('GOALSERIES', 'public'),
          marker('PROJECT', 'public'),
          'LIBRARYPUBLISHED',
          'LIBRARYLESSONS',
          '<title>Open Trust: published results | Groundswell</title>',
          '<meta name="description"',
          'Open Government Licence v3.0',
        ]) {
          expect(page.body).toContain(word);
        }
        expect(page.body).not.toContain('OTHERORGMARK');
        expect(page.body).not.toMatch(/<script/i);
        expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
        // Each measure explained in plain English, with a chart.
        expect(page.body).toMatch(
          /This is normal variation|This has improved|This needs attention|This has changed/,
        );
        expect(page.body).toContain('<svg');

        const seriesUrl = `/public/${w.a.odsCode}/series/${w.series.public}`;
        const seriesPage = await get(seriesUrl);
        expect(seriesPage.body).toContain(marker('NOTE', 'public'));
        expect(seriesPage.body).toContain(`${seriesUrl}/chart.svg`);
        expect(seriesPage.body).toContain('&lt;img src=');
        expect(seriesPage.body).toContain('&lt;iframe src=');

        const svg = await get(`${seriesUrl}/chart.svg`);
        expect(svg.headers['content-type']).toBe('image/svg+xml; charset=utf-8');
        expect(svg.body.startsWith('<svg')).toBe(true);
        expect(svg.headers['cross-origin-resource-policy']).toBe('cross-origin');
        const embed = await get(`${seriesUrl}/embed`);
        expect(embed.headers['x-frame-options']).toBeUndefined();
        expect(String(embed.headers['content-security-policy'])).toContain('frame-ancestors *');
        expect(page.headers['x-frame-options']).toBeDefined();

        const csv = await get(`${seriesUrl}/data.csv`);
        const [header, first] = csv.body.split('\n');
        expect(header!.split(',').slice(-3)).toEqual(['licence', 'licence_url', 'publisher']);
        expect(first!.split(',').slice(-3)).toEqual([
          'OGL-UK-3.0',
          'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/',
          'Open Trust',
        ]);
        expect(csv.body.trim().split('\n')).toHaveLength(25);
        expect(csv.headers.link).toContain('rel="license"');
        const json = (await get(`${seriesUrl}/data.json`)).json<{ points: unknown[] }>();
        expect(json).toMatchObject({ licence: { id: 'OGL-UK-3.0' }, publisher: { name: 'Open Trust' } });
        expect(json.points).toHaveLength(24);
        const fhir = (await get(`${seriesUrl}/data.fhir.json`)).json<{
          meta: { tag: { code: string }[] };
          entry: { resource: { meta: { tag: { code: string }[] } } }[];
        }>();
        expect(fhir.meta.tag[0]).toMatchObject({ system: 'http://spdx.org/licenses', code: 'OGL-UK-3.0' });
        expect(fhir.entry).toHaveLength(24);
        expect(fhir.entry[0]!.resource.meta.tag[0]?.code).toBe('OGL-UK-3.0');

        const sitemap = await get('/sitemap.xml');
        expect(sitemap.body).toContain(`/public/${w.a.odsCode}/series/${w.series.public}</loc>`);
        expect(sitemap.body).not.toContain(w.series.internal);
        expect(sitemap.body).not.toContain(w.series.private);
        expect((await get('/robots.txt')).body).toContain('Sitemap: http://localhost');
        // Without GROUNDSWELL_PUBLIC_URL, links follow the host asked for.
        const asked = await app.inject({ url: '/robots.txt', headers: { host: 'gs.example.nhs.uk' } });
        expect(asked.body).toContain('Sitemap: http://gs.example.nhs.uk/sitemap.xml');
      },
      { as: 'public', webDir: false, now: () => NOW },
    );
    // With it, a request's Host header cannot put another site's address into cached pages.
    await withApp(
      ctx,
      async (app) => {
        const evil = { host: 'evil.example' };
        const robots = await app.inject({ url: '/robots.txt', headers: evil });
        expect(robots.body).toContain('Sitemap: https://groundswell.example.nhs.uk/sitemap.xml');
        const page = await app.inject({ url: `/public/${w.a.odsCode}`, headers: evil });
        expect(page.statusCode).toBe(200);
        expect(page.body).toContain(`https://groundswell.example.nhs.uk/public/${w.a.odsCode}`);
        expect(page.body).not.toContain('evil.example');
      },
      { as: 'public', webDir: false, now: () => NOW, publicOrigin: 'https://groundswell.example.nhs.uk' },
    );
  }, 120_000);

  test('unknown, unpublished and other organisations’ series are one and the same 404', async (ctx) => {
    const w = await world(ctx.db);
    await withApp(
      ctx,
      async (app) => {
        for (const suffix of SUFFIXES) {
          const unknown = await app.inject({ url: `/public/${w.a.odsCode}/series/${randomUUID()}${suffix}` });
          expect(unknown.statusCode).toBe(404);
          for (const id of [w.series.internal, w.series.private, w.bSeries, 'not-an-id']) {
            const response = await app.inject({ url: `/public/${w.a.odsCode}/series/${id}${suffix}` });
            expect(response.statusCode).toBe(404);
            expect(response.body).toBe(unknown.body);
            expect(response.headers['content-type']).toBe(unknown.headers['content-type']);
          }
        }
        const noOrg = await app.inject({ url: '/public/NOSUCHORG' });
        expect(noOrg.statusCode).toBe(404);
        const unknown = await app.inject({ url: `/public/${w.a.odsCode}/series/${randomUUID()}` });
        expect(noOrg.body).toBe(unknown.body);
      },
      { as: 'public', webDir: false, now: () => NOW },
    );
  }, 120_000);

  test('entity tags: 304 when unchanged, a new page when the profile or what is published changes', async (ctx) => {
    const w = await world(ctx.db);
    const admin = await tokenOf(ctx.db, { organisationId: w.a.id, role: 'administrator' });
    const staff = await tokenOf(ctx.db, { organisationId: w.a.id, role: 'staff' });
    await withApp(
      ctx,
      async (app) => {
        const url = `/public/${w.a.odsCode}`;
        const first = await app.inject({ url });
        const etag = String(first.headers.etag);
        expect(first.headers['cache-control']).toContain('public');
        expect((await app.inject({ url, headers: { 'if-none-match': etag } })).statusCode).toBe(304);
        const gz = await app.inject({ url, headers: { 'accept-encoding': 'gzip' } });
        expect(gz.headers['content-encoding']).toBe('gzip');

        // The profile: anyone reads it; staff may not change it; an administrator may (audited).
        const read = await app.inject({ url: `/api/v1/organisations/${w.a.odsCode}/public-profile` });
        expect(read.json()).toMatchObject({ introduction: '', licence: 'OGL-UK-3.0', updatedAt: null });
        const payload = { introduction: 'We publish INTROWORDS.', licence: 'CC-BY-4.0' };
        const denied = await app.inject({
          method: 'PUT',
          url: `/api/v1/organisations/${w.a.odsCode}/public-profile`,
          headers: staff,
          payload,
        });
        expect(denied.statusCode).toBe(403);
        const bad = await app.inject({
          method: 'PUT',
          url: `/api/v1/organisations/${w.a.odsCode}/public-profile`,
          headers: admin,
          payload: { licence: 'MIT' },
        });
        expect(bad.statusCode).toBe(400);
        expect(bad.body).toContain('licence');
        const saved = await app.inject({
          method: 'PUT',
          url: `/api/v1/organisations/${w.a.odsCode}/public-profile`,
          headers: admin,
          payload,
        });
        expect(saved.statusCode).toBe(200);
        expect(saved.json()).toMatchObject({
          ...payload,
          licenceName: 'Creative Commons Attribution 4.0 International',
        });
        const events = await ctx.db
          .select()
          .from(auditEvents)
          .where(eq(auditEvents.action, 'public_profile.update'));
        expect(events).toHaveLength(1);

        await versionRead();
        const changed = await app.inject({ url, headers: { 'if-none-match': etag } });
        expect(changed.statusCode).toBe(200);
        expect(changed.body).toContain('INTROWORDS');
        expect(changed.body).toContain('Creative Commons Attribution 4.0 International');
        const csv = await app.inject({ url: `/public/${w.a.odsCode}/series/${w.series.public}/data.csv` });
        expect(csv.body.split('\n')[1]).toContain('CC-BY-4.0');

        // Publishing the internal measure puts it on the page; its series page is found.
        const before = String(changed.headers.etag);
        await ctx.db
          .update(measures)
          .set({ visibility: 'public', updatedAt: new Date() })
          .where(eq(measures.code, 'pub-internal'));
        await versionRead();
        const published = await app.inject({ url, headers: { 'if-none-match': before } });
        expect(published.statusCode).toBe(200);
        expect(published.body).toContain(marker('MEASURE', 'internal'));
        expect(
          (await app.inject({ url: `/public/${w.a.odsCode}/series/${w.series.internal}` })).statusCode,
        ).toBe(200);
        // And withdrawing it takes it off again: its pages are 404s, even to a client holding a tag.
        const seriesUrl = `/public/${w.a.odsCode}/series/${w.series.internal}/chart.svg`;
        const held = String((await app.inject({ url: seriesUrl })).headers.etag);
        await ctx.db
          .update(measures)
          .set({ visibility: 'internal', updatedAt: new Date() })
          .where(eq(measures.code, 'pub-internal'));
        await versionRead();
        expect((await app.inject({ url: seriesUrl, headers: { 'if-none-match': held } })).statusCode).toBe(
          404,
        );
        expect((await app.inject({ url })).body).not.toContain(marker('MEASURE', 'internal'));
      },
      { as: 'public', webDir: false, now: () => NOW },
    );
  }, 120_000);
});
