import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { queryRows } from '../db/sql.js';
import type { Database } from '../db/types.js';
import { describeEachEngine } from '../test-support/database.js';
import { aMeasure, anOrganisation } from '../test-support/fixtures.js';
import { updateMeasure } from './repository.js';
import { setTarget } from './targets.js';

/** `updated_at` in microseconds (exact, unlike a Date). */
async function version(db: Database, measureId: string): Promise<bigint> {
  const [row] = await queryRows<{ v: string }>(
    db,
    sql`select ((extract(epoch from updated_at) * 1000000)::bigint)::text as v from measures where id = ${measureId}::uuid`,
  );
  return BigInt(row!.v);
}

describeEachEngine('measure versions', ({ test }) => {
  test('every target change and every definition change moves updated_at on, even within one transaction', async ({
    db,
  }) => {
    // The test runs in one transaction, where now() stands still: updated_at must still move.
    const organisation = await anOrganisation(db);
    const measure = await aMeasure(db, organisation.id);
    const other = await aMeasure(db, organisation.id, { code: 'other' });
    const seen = [await version(db, measure.id)];
    const otherBefore = await version(db, other.id);
    await setTarget(db, { measureId: measure.id, effectiveFrom: '2020-01-01', value: 1 });
    seen.push(await version(db, measure.id));
    await setTarget(db, { measureId: measure.id, effectiveFrom: '2020-01-01', value: 2 });
    seen.push(await version(db, measure.id));
    await setTarget(db, {
      measureId: measure.id,
      organisationId: organisation.id,
      effectiveFrom: '2021-01-01',
      value: null,
    });
    seen.push(await version(db, measure.id));
    await updateMeasure(db, measure.id, { spcOptions: { direction: 'increase' } });
    seen.push(await version(db, measure.id));
    await updateMeasure(db, measure.id, { spcOptions: { direction: 'increase' } });
    seen.push(await version(db, measure.id));
    for (let i = 1; i < seen.length; i++) expect(seen[i]! > seen[i - 1]!).toBe(true);
    expect(await version(db, other.id)).toBe(otherBefore);
  });

  test('a target refused leaves the measure as it was', async ({ db }) => {
    const measure = await aMeasure(db, null);
    const before = await version(db, measure.id);
    await expect(
      setTarget(db, {
        measureId: measure.id,
        organisationId: '00000000-0000-4000-8000-000000000000',
        effectiveFrom: '2020-01-01',
        value: 1,
      }),
    ).rejects.toMatchObject({ code: 'not_found', field: 'organisationId' });
    expect(await version(db, measure.id)).toBe(before);
  });
});
