import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { SYSTEM } from '../auth/principal.js';
import type { UserPrincipal } from '../auth/principal.js';
import { auditEvents } from '../db/schema.js';
import { body, withApp } from '../test-support/app.js';
import type { ErrorJson } from '../test-support/app.js';
import { describeEachEngine } from '../test-support/database.js';
import { anOrganisation } from '../test-support/fixtures.js';
import { as, aUser, signIn } from '../test-support/users.js';
import { recordAudit } from './repository.js';

interface AuditJson {
  items: { id: number; action: string; actor: string; summary: string; before: unknown; after: unknown }[];
  nextCursor: string | null;
  facets?: { actions: string[]; entityTypes: string[]; actors: { id: string; name: string }[] };
}

/** A person acting through a browser session, as the audit log records them. */
function person(id: string, displayName: string, organisationId: string): UserPrincipal {
  return {
    kind: 'user',
    userId: id,
    email: `${displayName}@example.nhs.uk`,
    displayName,
    platformAdmin: false,
    memberships: [{ organisationId, role: 'qi_lead', unitId: null }],
    grants: [],
    via: 'session',
    scopes: ['read', 'write'],
  };
}

describeEachEngine('the audit log', ({ test }) => {
  test('QI leads, executives and administrators read their organisation’s changes; nobody else', async ({
    db,
  }) => {
    const trust = await anOrganisation(db);
    const other = await anOrganisation(db);
    for (let i = 1; i <= 3; i++) {
      await recordAudit(db, SYSTEM, {
        action: 'measure.update',
        entityType: 'measure',
        entityId: `m${i}`,
        organisationId: trust.id,
        summary: `Change ${i}`,
        before: { target: 90 },
        after: { target: 90 + i },
      });
    }
    await recordAudit(db, SYSTEM, {
      action: 'measure.update',
      entityType: 'measure',
      entityId: 'elsewhere',
      organisationId: other.id,
      summary: 'Another organisation’s change',
    });
    const people = {
      staff: await aUser(db, { organisationId: trust.id, role: 'staff' }),
      improver: await aUser(db, { organisationId: trust.id, role: 'improver' }),
      qiLead: await aUser(db, { organisationId: trust.id, role: 'qi_lead' }),
      executive: await aUser(db, { organisationId: trust.id, role: 'executive' }),
      otherAdmin: await aUser(db, { organisationId: other.id, role: 'administrator' }),
    };
    await withApp(
      db,
      async (app) => {
        const url = `/api/v1/organisations/${trust.odsCode}/audit`;
        expect((await app.inject({ method: 'GET', url })).statusCode).toBe(401);
        for (const [who, status] of [
          ['staff', 403],
          ['improver', 403],
          ['otherAdmin', 403],
          ['qiLead', 200],
          ['executive', 200],
        ] as const) {
          const browser = await signIn(app, people[who].email);
          const response = await app.inject({ method: 'GET', url, headers: as(browser) });
          expect(response.statusCode, who).toBe(status);
          if (status === 403) {
            expect(body<ErrorJson>(response).error.message).toMatch(/QI lead or executive or administrator/);
            expect(response.body).not.toContain('Change 1');
          }
        }
        const lead = await signIn(app, people.qiLead.email);
        const first = body<AuditJson>(
          await app.inject({ method: 'GET', url: `${url}?limit=2`, headers: as(lead) }),
        );
        expect(first.items.map((e) => e.summary)).toEqual(['Change 3', 'Change 2']);
        expect(first.items[0]).toMatchObject({
          actor: 'Groundswell',
          before: { target: 90 },
          after: { target: 93 },
        });
        const second = body<AuditJson>(
          await app.inject({
            method: 'GET',
            url: `${url}?limit=2&cursor=${first.nextCursor}`,
            headers: as(lead),
          }),
        );
        expect(second.items.map((e) => e.summary)).toEqual(['Change 1']);
        expect(second.nextCursor).toBeNull();
        const one = body<AuditJson>(
          await app.inject({
            method: 'GET',
            url: `${url}?entityType=measure&entityId=m2`,
            headers: as(lead),
          }),
        );
        expect(one.items.map((e) => e.summary)).toEqual(['Change 2']);
        const bad = await app.inject({ method: 'GET', url: `${url}?cursor=nonsense`, headers: as(lead) });
        expect(bad.statusCode).toBe(400);
        expect(body<ErrorJson>(bad).error.details?.field).toBe('cursor');
      },
      { as: 'public' },
    );
  });

  test('filters by person, action, kind of thing and time, and lists what the log holds to filter by', async ({
    db,
  }) => {
    const trust = await anOrganisation(db);
    const other = await anOrganisation(db);
    const lead = await aUser(db, { organisationId: trust.id, role: 'qi_lead' });
    const improver = await aUser(db, { organisationId: trust.id, role: 'improver' });
    const stranger = await aUser(db, { organisationId: other.id, role: 'qi_lead' });
    const ann = person(improver.id, 'Ann Improver', trust.id);
    const record = async (
      who: UserPrincipal | typeof SYSTEM,
      action: string,
      entityType: string,
      at: string,
      organisationId = trust.id,
    ): Promise<void> => {
      const id = await recordAudit(db, who, {
        action,
        entityType,
        entityId: `${entityType}-1`,
        organisationId,
        summary: `${action} at ${at}`,
      });
      await db
        .update(auditEvents)
        .set({ at: new Date(at) })
        .where(eq(auditEvents.id, id));
    };
    await record(SYSTEM, 'series.create', 'series', '2026-11-01T09:00:00Z');
    await record(ann, 'annotation.create', 'annotation', '2026-11-10T09:00:00Z');
    await record(
      person(improver.id, 'Ann Improver-Smith', trust.id),
      'observation.ghost',
      'series',
      '2026-11-20T09:00:00Z',
    );
    await record(
      person(lead.id, 'Lee Lead', trust.id),
      'measure.set_targets',
      'measure',
      '2026-11-25T09:00:00Z',
    );
    await record(
      person(stranger.id, 'Sam Elsewhere', other.id),
      'unit.create',
      'unit',
      '2026-11-21T09:00:00Z',
      other.id,
    );

    await withApp(
      db,
      async (app) => {
        const browser = await signIn(app, lead.email);
        const url = `/api/v1/organisations/${trust.odsCode}/audit`;
        const summaries = async (query: string): Promise<string[]> => {
          const response = await app.inject({ method: 'GET', url: `${url}?${query}`, headers: as(browser) });
          expect(response.statusCode, query).toBe(200);
          return body<AuditJson>(response).items.map((e) => e.summary);
        };
        expect(await summaries(`actorId=${improver.id}`)).toEqual([
          'observation.ghost at 2026-11-20T09:00:00Z',
          'annotation.create at 2026-11-10T09:00:00Z',
        ]);
        expect(await summaries('action=measure.set_targets')).toEqual([
          'measure.set_targets at 2026-11-25T09:00:00Z',
        ]);
        expect(await summaries('entityType=series')).toEqual([
          'observation.ghost at 2026-11-20T09:00:00Z',
          'series.create at 2026-11-01T09:00:00Z',
        ]);
        // Both ends inclusive.
        expect(await summaries('from=2026-11-10T09:00:00Z&to=2026-11-20T09:00:00Z')).toEqual([
          'observation.ghost at 2026-11-20T09:00:00Z',
          'annotation.create at 2026-11-10T09:00:00Z',
        ]);
        expect(await summaries(`from=2026-11-11T00:00:00Z&actorId=${improver.id}&entityType=series`)).toEqual(
          ['observation.ghost at 2026-11-20T09:00:00Z'],
        );

        // Facets only when asked; of the whole log (not the filtered page), of this organisation only.
        const plain = body<AuditJson>(await app.inject({ method: 'GET', url, headers: as(browser) }));
        expect(plain.facets).toBeUndefined();
        const withFacets = body<AuditJson>(
          await app.inject({
            method: 'GET',
            url: `${url}?facets=true&action=unit.create`,
            headers: as(browser),
          }),
        );
        expect(withFacets.items).toEqual([]);
        expect(withFacets.facets).toEqual({
          actions: ['annotation.create', 'measure.set_targets', 'observation.ghost', 'series.create'],
          entityTypes: ['annotation', 'measure', 'series'],
          // Named as in their latest event; the system is no person.
          actors: [
            { id: improver.id, name: 'Ann Improver-Smith' },
            { id: lead.id, name: 'Lee Lead' },
          ],
        });
        const bad = await app.inject({ method: 'GET', url: `${url}?facets=yes`, headers: as(browser) });
        expect(bad.statusCode).toBe(400);
      },
      { as: 'public' },
    );
  });
});
