/**
 * Board reports over HTTP on both engines: definitions (report.manage: QI leads, executives,
 * administrators; read by the organisation's people and internal grantees, each seeing only the
 * series they may read, hidden is 404 exactly as unknown); runs for a month on the data up to its
 * end only; commentary per series and month (written once, shown in every report of the month);
 * issuing (a new version each time, content and PDF frozen, listed and downloaded as issued, and
 * never shown to someone who may not read every series in it); every change audited.
 */
import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { extractText, getDocumentProxy } from 'unpdf';
import { expect, vi } from 'vitest';
import { auditEvents, organisationGrants } from '../db/schema.js';
import type { Database } from '../db/types.js';
import { setTarget } from '../measures/targets.js';
import { upsertObservations } from '../observations/repository.js';
import { ensureSeries } from '../series/repository.js';
import { body, withApp } from '../test-support/app.js';
import type { ErrorJson } from '../test-support/app.js';
import { describeEachEngine } from '../test-support/database.js';
import { aMeasure, anOrganisation, USER } from '../test-support/fixtures.js';
import { someone } from '../test-support/ideas.js';
import type { Someone } from '../test-support/ideas.js';
import { createUnit } from '../units/repository.js';
import type { IssuedReportView, ReportContent, ReportDefinitionView, ReportRunView } from './schemas.js';

// Each test builds its own organisation, people and app: slow on a busy machine.
vi.setConfig({ testTimeout: 120_000 });

const UNKNOWN = '00000000-0000-4000-8000-00000000abcd';

/** 24 months, April 2018 to March 2020. */
const PERIODS = Array.from({ length: 24 }, (_, i) => {
  const d = new Date(Date.UTC(2018, 3 + i, 1));
  return d.toISOString().slice(0, 10);
});

// eslint-disable-next-line @typescript-eslint/explicit-function-return-type -- the fixtures' shape is what they hold
async function world(db: Database) {
  const a = await anOrganisation(db, { name: 'Report Trust' });
  const b = await anOrganisation(db, { name: 'Other Trust' });
  const c = await anOrganisation(db, { name: 'Commissioner', kind: 'commissioner' });
  await db.insert(organisationGrants).values({ grantorId: a.id, granteeId: c.id, scope: 'internal' });
  const ward = await createUnit(db, { organisationId: a.id, kind: 'ward', name: 'Ward 9' });
  const falls = await aMeasure(db, a.id, {
    name: 'Falls',
    domain: 'safety',
    visibility: 'internal',
    spcOptions: { direction: 'decrease' },
  });
  const recommend = await aMeasure(db, a.id, {
    name: 'Would recommend',
    dataType: 'proportion',
    domain: 'experience',
    visibility: 'public',
    spcOptions: { direction: 'increase' },
  });
  await setTarget(db, { measureId: recommend.id, effectiveFrom: '2018-01-01', value: 0.9 });
  const agency = await aMeasure(db, a.id, {
    name: 'Agency spend secret',
    domain: 'finance',
    visibility: 'private',
    unitLabel: '£k',
    spcOptions: { direction: 'decrease' },
  });
  const otherMeasure = await aMeasure(db, b.id, { name: 'Other falls', domain: 'safety' });
  const s1 = await ensureSeries(db, { measureId: falls.id, organisationId: a.id });
  const s2 = await ensureSeries(db, { measureId: recommend.id, organisationId: a.id, unitId: ward.id });
  const s3 = await ensureSeries(db, { measureId: agency.id, organisationId: a.id });
  const other = await ensureSeries(db, { measureId: otherMeasure.id, organisationId: b.id });
  await upsertObservations(
    db,
    PERIODS.flatMap((period, i) => [
      // Falls drop from 20 to about 8 in the last 8 months (special cause improvement).
      { seriesId: s1.id, period, value: i >= 16 ? 8 + (i % 3) : 20 + ((i * 7) % 5) },
      { seriesId: s2.id, period, numerator: 80 + (i % 7), denominator: 100 },
      { seriesId: s3.id, period, value: 100 + (i % 4) },
      { seriesId: other.id, period, value: 5 },
    ]),
    { userId: USER },
  );
  const member = (
    name: string,
    role: 'staff' | 'improver' | 'unit_lead' | 'qi_lead' | 'executive' | 'administrator',
  ): Promise<Someone> => someone(db, name, { organisationId: a.id, role });
  const people = {
    staff: await member('Staff Sam', 'staff'),
    improver: await member('Improver Iris', 'improver'),
    qiLead: await member('QI Lead Quinn', 'qi_lead'),
    executive: await member('Chief Executive Cass', 'executive'),
    admin: await member('Admin Ada', 'administrator'),
    otherAdmin: await someone(db, 'Other Admin', { organisationId: b.id, role: 'administrator' }),
    commissioner: await someone(db, 'Commissioner Cal', { organisationId: c.id, role: 'qi_lead' }),
  };
  return { a, b, c, ward, falls, recommend, agency, s1, s2, s3, other, people };
}

type World = Awaited<ReturnType<typeof world>>;

function sameAsUnknown(hidden: LightMyRequestResponse, unknown: LightMyRequestResponse, id: string): void {
  expect(hidden.statusCode).toBe(404);
  expect(unknown.statusCode).toBe(404);
  expect(hidden.body.replaceAll(id, UNKNOWN)).toBe(unknown.body);
}

const sha = (bytes: Buffer | string): string => createHash('sha256').update(bytes).digest('hex');

async function pdfText(bytes: Buffer): Promise<{ pages: number; text: string }> {
  const doc = await getDocumentProxy(new Uint8Array(bytes));
  const { totalPages, text } = await extractText(doc, { mergePages: true });
  return { pages: totalPages, text: text.replace(/\s+/g, ' ') };
}

async function define(
  app: Awaited<Parameters<Parameters<typeof withApp>[1]>[0]>,
  w: World,
  seriesIds: string[] = [w.s1.id, w.s2.id, w.s3.id],
): Promise<ReportDefinitionView> {
  const created = await app.inject({
    method: 'POST',
    url: `/api/v1/organisations/${w.a.odsCode}/reports`,
    headers: w.people.qiLead.headers,
    payload: { title: 'Monthly board report', description: 'For the board', seriesIds },
  });
  expect(created.statusCode, created.body).toBe(201);
  return body<ReportDefinitionView>(created);
}

const sectionsOf = (content: ReportContent): ReportContent['domains'][number]['sections'] =>
  content.domains.flatMap((d) => d.sections);

describeEachEngine('board reports', ({ test }) => {
  test('QI leads, executives and administrators define reports; others may not; bad input names the field', async ({
    db,
  }) => {
    const w = await world(db);
    await withApp(db, async (app) => {
      const url = `/api/v1/organisations/${w.a.odsCode}/reports`;
      const post = (headers: Record<string, string>, payload: object): Promise<LightMyRequestResponse> =>
        app.inject({ method: 'POST', url, headers, payload });
      const good = { title: 'Board', seriesIds: [w.s1.id, w.s2.id] };
      for (const who of ['qiLead', 'executive', 'admin'] as const) {
        const response = await post(w.people[who].headers, good);
        expect(response.statusCode, `${who}: ${response.body}`).toBe(201);
      }
      for (const who of ['staff', 'improver', 'otherAdmin', 'commissioner'] as const) {
        const response = await post(w.people[who].headers, good);
        expect(response.statusCode, who).toBe(403);
      }
      const signedOut = await app.inject({
        method: 'POST',
        url,
        payload: good,
        headers: { authorization: 'Bearer x' },
      });
      expect([401, 403]).toContain(signedOut.statusCode);

      const problems: [object, string][] = [
        [{ ...good, title: '  ' }, 'title'],
        [{ ...good, seriesIds: [w.s1.id, UNKNOWN] }, 'seriesIds[1]'],
        [{ ...good, seriesIds: [w.s1.id, w.s1.id] }, 'seriesIds[1]'],
        [{ ...good, seriesIds: [w.other.id] }, 'seriesIds[0]'],
        [{ ...good, seriesIds: ['not-an-id'] }, 'seriesIds.0'],
      ];
      for (const [payload, field] of problems) {
        const response = await post(w.people.qiLead.headers, payload);
        expect(response.statusCode, JSON.stringify(payload)).toBe(400);
        expect(body<ErrorJson>(response).error.details?.field?.replace(/\[(\d+)\]/, '.$1')).toBe(
          field.replace(/\[(\d+)\]/, '.$1'),
        );
      }

      const created = await define(app, w);
      const [audit] = await db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, 'report.create'), eq(auditEvents.entityId, created.id)));
      expect(audit).toMatchObject({ actorId: w.people.qiLead.id, organisationId: w.a.id });
    });
  });

  test('a report shows each reader only the series they may read; outsiders get 404 as for an unknown report', async ({
    db,
  }) => {
    const w = await world(db);
    await withApp(db, async (app) => {
      const report = await define(app, w);
      expect(report.items.map((i) => i.seriesId)).toEqual([w.s1.id, w.s2.id, w.s3.id]);
      const get = (headers: Record<string, string>, id = report.id): Promise<LightMyRequestResponse> =>
        app.inject({ method: 'GET', url: `/api/v1/reports/${id}`, headers });
      // Staff and an internal grantee read internal and public measures, not private ones.
      for (const who of ['staff', 'commissioner'] as const) {
        const seen = body<ReportDefinitionView>(await get(w.people[who].headers));
        expect(
          seen.items.map((i) => i.seriesId),
          who,
        ).toEqual([w.s1.id, w.s2.id]);
        const run = await app.inject({
          method: 'GET',
          url: `/api/v1/reports/${report.id}/run?period=2019-06`,
          headers: w.people[who].headers,
        });
        expect(run.statusCode).toBe(200);
        expect(run.body).not.toContain(w.s3.id);
        expect(run.body).not.toContain('Agency spend secret');
        const content = body<ReportRunView>(run).content;
        expect(content.visibility).toBe('internal');
        expect(content.matrix.flatMap((cell) => cell.seriesIds).sort()).toEqual([w.s1.id, w.s2.id].sort());
        const pdf = await app.inject({
          method: 'GET',
          url: `/api/v1/reports/${report.id}/run.pdf?period=2019-06`,
          headers: w.people[who].headers,
        });
        expect(pdf.headers['content-type']).toBe('application/pdf');
        expect((await pdfText(pdf.rawPayload)).text).not.toContain('Agency spend secret');
      }
      const list = await app.inject({
        method: 'GET',
        url: `/api/v1/organisations/${w.a.odsCode}/reports`,
        headers: w.people.staff.headers,
      });
      expect(body<{ items: ReportDefinitionView[] }>(list).items.map((d) => [d.id, d.items.length])).toEqual([
        [report.id, 2],
      ]);
      // Another organisation's administrator: the report is not found, exactly as an unknown one.
      sameAsUnknown(
        await get(w.people.otherAdmin.headers),
        await get(w.people.otherAdmin.headers, UNKNOWN),
        report.id,
      );
      sameAsUnknown(
        await app.inject({
          method: 'GET',
          url: `/api/v1/reports/${report.id}/run`,
          headers: w.people.otherAdmin.headers,
        }),
        await app.inject({
          method: 'GET',
          url: `/api/v1/reports/${UNKNOWN}/run`,
          headers: w.people.otherAdmin.headers,
        }),
        report.id,
      );
      const outsiderList = await app.inject({
        method: 'GET',
        url: `/api/v1/organisations/${w.a.odsCode}/reports`,
        headers: w.people.otherAdmin.headers,
      });
      expect(outsiderList.statusCode).toBe(403);
      const publicList = await withApp(
        db,
        (anon) => anon.inject({ method: 'GET', url: `/api/v1/organisations/${w.a.odsCode}/reports` }),
        { as: 'public' },
      );
      expect(publicList.statusCode).toBe(401);
    });
  });

  test('changing and deleting a definition: managers only, audited', async ({ db }) => {
    const w = await world(db);
    await withApp(db, async (app) => {
      const report = await define(app, w);
      const patch = (headers: Record<string, string>, payload: object): Promise<LightMyRequestResponse> =>
        app.inject({ method: 'PATCH', url: `/api/v1/reports/${report.id}`, headers, payload });
      expect((await patch(w.people.staff.headers, { title: 'Mine' })).statusCode).toBe(403);
      const changed = await patch(w.people.executive.headers, {
        title: 'Integrated performance report',
        seriesIds: [w.s2.id, w.s1.id],
      });
      expect(changed.statusCode, changed.body).toBe(200);
      expect(body<ReportDefinitionView>(changed)).toMatchObject({
        title: 'Integrated performance report',
        description: 'For the board',
        items: [{ seriesId: w.s2.id }, { seriesId: w.s1.id }],
      });
      expect((await patch(w.people.executive.headers, { seriesIds: [w.s1.id, w.s1.id] })).statusCode).toBe(
        400,
      );
      const del = (headers: Record<string, string>): Promise<LightMyRequestResponse> =>
        app.inject({ method: 'DELETE', url: `/api/v1/reports/${report.id}`, headers });
      expect((await del(w.people.improver.headers)).statusCode).toBe(403);
      expect((await del(w.people.admin.headers)).statusCode).toBe(204);
      expect(
        (
          await app.inject({
            method: 'GET',
            url: `/api/v1/reports/${report.id}`,
            headers: w.people.admin.headers,
          })
        ).statusCode,
      ).toBe(404);
      const actions = (await db.select().from(auditEvents).where(eq(auditEvents.entityId, report.id))).map(
        (e) => e.action,
      );
      expect(actions.sort()).toEqual(['report.create', 'report.delete', 'report.update']);
    });
  });

  test('a run uses the data up to the end of its month only, groups by domain and puts the matrix first', async ({
    db,
  }) => {
    const w = await world(db);
    await withApp(db, async (app) => {
      const report = await define(app, w);
      const run = async (query: string): Promise<ReportContent> => {
        const response = await app.inject({
          method: 'GET',
          url: `/api/v1/reports/${report.id}/run${query}`,
          headers: w.people.qiLead.headers,
        });
        expect(response.statusCode, response.body).toBe(200);
        return body<ReportRunView>(response).content;
      };
      const june = await run('?period=2019-06');
      expect(june).toMatchObject({
        period: '2019-06-01',
        periodLabel: 'June 2019',
        dataTo: '2019-06-30',
        visibility: 'private',
      });
      expect(june.domains.map((d) => d.label)).toEqual(['Safety', 'Experience', 'Finance']);
      const sections = sectionsOf(june);
      // April 2018 to June 2019: 15 points, whatever came later.
      for (const section of sections) {
        expect(section.pointCount).toBe(15);
        expect(section.latest?.period).toBe('2019-06-01');
        expect(section.chartSvg).toContain('<svg');
        expect(section.chartSvg).not.toContain('Jul 2019');
      }
      const [falls, recommend] = sections;
      expect(falls!.title).toBe('Falls');
      expect(recommend!.title).toBe('Would recommend: Ward 9');
      expect(recommend!.target).toBe('90%');
      expect(recommend!.icons.assurance).not.toBeNull();
      expect(falls!.analysis).toContain('15 points');
      // The falls drop shows only once the later months are in.
      const latest = await run('');
      expect(latest.period).toBe('2020-03-01');
      expect(sectionsOf(latest)[0]!.icons.variation).toBe('improvement_low');
      expect(sectionsOf(latest)[0]!.pointCount).toBe(24);
      expect(
        latest.matrix.find((c) => c.variation === 'improvement_low' && c.assurance === null)?.seriesIds,
      ).toContain(w.s1.id);
      // A month before any data: sections say so.
      const early = await run('?period=2017-01');
      expect(sectionsOf(early).every((s) => s.chartSvg === null && s.pointCount === 0)).toBe(true);
      const bad = await app.inject({
        method: 'GET',
        url: `/api/v1/reports/${report.id}/run?period=2019-13`,
        headers: w.people.qiLead.headers,
      });
      expect(bad.statusCode).toBe(400);
      expect(body<ErrorJson>(bad).error.details?.field).toBe('period');
    });
  });

  test('commentary: written once per series and month by those who may, shown in every report of that month', async ({
    db,
  }) => {
    const w = await world(db);
    await withApp(db, async (app) => {
      const one = await define(app, w);
      const two = await define(app, w, [w.s1.id]);
      const put = (
        headers: Record<string, string>,
        period: string,
        text: string,
        seriesId = w.s1.id,
      ): Promise<LightMyRequestResponse> =>
        app.inject({
          method: 'PUT',
          url: `/api/v1/series/${seriesId}/commentaries/${period}`,
          headers,
          payload: { text },
        });
      expect((await put(w.people.staff.headers, '2019-06', 'No')).statusCode).toBe(403);
      expect((await put(w.people.otherAdmin.headers, '2019-06', 'No')).statusCode).toBe(404);
      expect((await put(w.people.improver.headers, '2019-06', 'x'.repeat(8001))).statusCode).toBe(400);
      const bad = await put(w.people.improver.headers, '2019-6', 'Fine');
      expect(bad.statusCode).toBe(400);
      const written = await put(w.people.improver.headers, '2019-06', 'Falls fell after the new rota.');
      expect(written.statusCode, written.body).toBe(200);
      expect(body(written)).toMatchObject({
        period: '2019-06-01',
        text: 'Falls fell after the new rota.',
        author: 'Improver Iris',
      });
      // The executive (report.comment) rewrites it.
      expect(
        (await put(w.people.executive.headers, '2019-06-15', 'Falls fell after the night rota.')).statusCode,
      ).toBe(200);
      for (const report of [one, two]) {
        const run = await app.inject({
          method: 'GET',
          url: `/api/v1/reports/${report.id}/run?period=2019-06`,
          headers: w.people.staff.headers,
        });
        const falls = sectionsOf(body<ReportRunView>(run).content).find((s) => s.seriesId === w.s1.id)!;
        expect(falls.commentary).toMatchObject({
          text: 'Falls fell after the night rota.',
          author: 'Chief Executive Cass',
        });
        expect(body<ReportRunView>(run).canComment).toEqual([]);
      }
      const july = await app.inject({
        method: 'GET',
        url: `/api/v1/reports/${one.id}/run?period=2019-07`,
        headers: w.people.improver.headers,
      });
      expect(sectionsOf(body<ReportRunView>(july).content).every((s) => s.commentary === null)).toBe(true);
      expect(body<ReportRunView>(july).canComment).toEqual([w.s1.id, w.s2.id, w.s3.id]);
      const audits = await db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, 'commentary.write'), eq(auditEvents.entityId, w.s1.id)));
      expect(audits).toHaveLength(2);
    });
  });

  test('issuing keeps the content and PDF exactly as issued, in versions; never shown to who may not read it all', async ({
    db,
  }) => {
    const w = await world(db);
    await withApp(db, async (app) => {
      const report = await define(app, w);
      await app.inject({
        method: 'PUT',
        url: `/api/v1/series/${w.s1.id}/commentaries/2019-06`,
        headers: w.people.qiLead.headers,
        payload: { text: 'Before the issue.' },
      });
      const issue = (headers: Record<string, string>, period: string): Promise<LightMyRequestResponse> =>
        app.inject({
          method: 'POST',
          url: `/api/v1/reports/${report.id}/issue`,
          headers,
          payload: { period },
        });
      expect((await issue(w.people.staff.headers, '2019-06')).statusCode).toBe(403);
      expect((await issue(w.people.executive.headers, '2019-13')).statusCode).toBe(400);
      const first = await issue(w.people.executive.headers, '2019-06');
      expect(first.statusCode, first.body).toBe(201);
      const v1 = body<IssuedReportView>(first);
      expect(v1).toMatchObject({
        version: 1,
        period: '2019-06-01',
        title: 'Monthly board report',
        issuedBy: 'Chief Executive Cass',
      });
      const read = (id: string, headers = w.people.qiLead.headers): Promise<LightMyRequestResponse> =>
        app.inject({ method: 'GET', url: `/api/v1/issued-reports/${id}`, headers });
      const pdfOf = (id: string, headers = w.people.qiLead.headers): Promise<LightMyRequestResponse> =>
        app.inject({ method: 'GET', url: `/api/v1/issued-reports/${id}/pdf`, headers });
      const asIssued = (await read(v1.id)).body;
      const pdf1 = await pdfOf(v1.id);
      expect(pdf1.statusCode).toBe(200);
      expect(pdf1.headers['content-type']).toBe('application/pdf');
      expect(pdf1.headers['content-disposition']).toBe(
        `attachment; filename="${w.a.odsCode}-monthly-board-report-2019-06-v1.pdf"`,
      );
      expect(pdf1.rawPayload.length).toBe(v1.pdfBytes);
      const text = await pdfText(pdf1.rawPayload);
      expect(text.pages).toBeGreaterThan(4);
      for (const words of [
        'Falls',
        'Would recommend: Ward 9',
        'Agency spend secret',
        'Before the issue.',
        'version 1',
        `Page 1 of ${text.pages}`,
      ]) {
        expect(text.text).toContain(words);
      }

      // Change everything the report was made from.
      await app.inject({
        method: 'PUT',
        url: `/api/v1/series/${w.s1.id}/commentaries/2019-06`,
        headers: w.people.qiLead.headers,
        payload: { text: 'After the issue.' },
      });
      await upsertObservations(db, [{ seriesId: w.s1.id, period: '2019-06-01', value: 99 }], {
        userId: USER,
      });
      await app.inject({
        method: 'PATCH',
        url: `/api/v1/reports/${report.id}`,
        headers: w.people.qiLead.headers,
        payload: { title: 'Renamed report' },
      });
      expect((await read(v1.id)).body).toBe(asIssued);
      expect(sha((await pdfOf(v1.id)).rawPayload)).toBe(sha(pdf1.rawPayload));

      // Issuing again: a new version with what there is now; another month starts at 1.
      const v2 = body<IssuedReportView>(await issue(w.people.admin.headers, '2019-06'));
      const may = body<IssuedReportView>(await issue(w.people.qiLead.headers, '2019-05'));
      expect([v2.version, v2.title, may.version]).toEqual([2, 'Renamed report', 1]);
      const v2Content = body<{ content: ReportContent }>(await read(v2.id)).content;
      expect(sectionsOf(v2Content)[0]!.commentary?.text).toBe('After the issue.');
      expect(
        body<{ content: ReportContent }>(await read(v1.id)).content.domains[0]!.sections[0]!.commentary?.text,
      ).toBe('Before the issue.');
      const list = await app.inject({
        method: 'GET',
        url: `/api/v1/reports/${report.id}/issued`,
        headers: w.people.qiLead.headers,
      });
      expect(body<{ items: IssuedReportView[] }>(list).items.map((i) => [i.period, i.version])).toEqual([
        ['2019-06-01', 2],
        ['2019-06-01', 1],
        ['2019-05-01', 1],
      ]);

      // Staff may not read the private measure in it: not listed, and 404 as an unknown one.
      const staffList = await app.inject({
        method: 'GET',
        url: `/api/v1/reports/${report.id}/issued`,
        headers: w.people.staff.headers,
      });
      expect(body<{ items: IssuedReportView[] }>(staffList).items).toEqual([]);
      sameAsUnknown(
        await read(v1.id, w.people.staff.headers),
        await read(UNKNOWN, w.people.staff.headers),
        v1.id,
      );
      sameAsUnknown(
        await pdfOf(v1.id, w.people.staff.headers),
        await pdfOf(UNKNOWN, w.people.staff.headers),
        v1.id,
      );
      sameAsUnknown(
        await read(v1.id, w.people.otherAdmin.headers),
        await read(UNKNOWN, w.people.otherAdmin.headers),
        v1.id,
      );

      // A report of what staff may read is theirs to read once issued.
      const open = await define(app, w, [w.s1.id, w.s2.id]);
      const issuedOpen = body<IssuedReportView>(
        await app.inject({
          method: 'POST',
          url: `/api/v1/reports/${open.id}/issue`,
          headers: w.people.qiLead.headers,
          payload: { period: '2019-06' },
        }),
      );
      expect((await read(issuedOpen.id, w.people.staff.headers)).statusCode).toBe(200);
      expect((await pdfOf(issuedOpen.id, w.people.commissioner.headers)).statusCode).toBe(200);

      // An issued report's definition is kept.
      const del = await app.inject({
        method: 'DELETE',
        url: `/api/v1/reports/${report.id}`,
        headers: w.people.admin.headers,
      });
      expect(del.statusCode).toBe(409);
      const issues = await db.select().from(auditEvents).where(eq(auditEvents.action, 'report.issue'));
      expect(issues.map((e) => e.entityId).sort()).toEqual([v1.id, v2.id, may.id, issuedOpen.id].sort());
    });
  }, 120_000);
});
