import { expect } from 'vitest';
import { SYSTEM } from '../auth/principal.js';
import { body, withApp } from '../test-support/app.js';
import type { ErrorJson } from '../test-support/app.js';
import { describeEachEngine } from '../test-support/database.js';
import { anOrganisation } from '../test-support/fixtures.js';
import { as, aUser, signIn } from '../test-support/users.js';
import { recordAudit } from './repository.js';

interface AuditJson {
  items: { id: number; action: string; actor: string; summary: string; before: unknown; after: unknown }[];
  nextCursor: string | null;
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
});
