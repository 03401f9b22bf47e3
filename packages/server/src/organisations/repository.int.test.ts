import { expect } from 'vitest';
import { DataError } from '../errors.js';
import { anOrganisation } from '../test-support/fixtures.js';
import { describeEachEngine } from '../test-support/database.js';
import {
  createOrganisation,
  getOrganisation,
  getOrganisationByOdsCode,
  listOrganisations,
} from './repository.js';

describeEachEngine('organisations', ({ test }) => {
  test('creates an organisation with its ODS code upper case, and reads it back', async ({ db }) => {
    const created = await createOrganisation(db, {
      odsCode: ' rf4 ',
      name: 'Barking Trust',
      kind: 'provider',
    });
    expect(created).toMatchObject({ odsCode: 'RF4', name: 'Barking Trust', kind: 'provider' });
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.createdAt).toBeInstanceOf(Date);
    expect(await getOrganisation(db, created.id)).toEqual(created);
    expect(await getOrganisationByOdsCode(db, 'Rf4')).toEqual(created);
    expect(await getOrganisationByOdsCode(db, 'ZZZ')).toBeUndefined();
  });

  test('refuses a second organisation with the same ODS code', async ({ db }) => {
    await createOrganisation(db, { odsCode: 'RXH', name: 'One', kind: 'provider' });
    const error = await db
      .transaction(() => createOrganisation(db, { odsCode: 'rxh', name: 'Two', kind: 'commissioner' }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataError);
    expect(error).toMatchObject({ code: 'conflict', field: 'odsCode' });
  });

  test('refuses invalid input before the database sees it', async ({ db }) => {
    await expect(
      createOrganisation(db, { odsCode: 'R!', name: 'X', kind: 'provider' }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      field: 'odsCode',
    });
    await expect(
      createOrganisation(db, { odsCode: 'RAA', name: '  ', kind: 'provider' }),
    ).rejects.toMatchObject({
      field: 'name',
    });
    await expect(
      createOrganisation(db, { odsCode: 'RAA', name: 'X', kind: 'hospital' as 'provider' }),
    ).rejects.toMatchObject({ field: 'kind' });
  });

  test('lists in case-insensitive name order, a page at a time, with no repeats or gaps', async ({ db }) => {
    const names = ['delta', 'Alpha', 'charlie', 'Bravo', 'echo', 'alpha'];
    for (const name of names) await anOrganisation(db, { name });
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await listOrganisations(db, { limit: 4, cursor });
      seen.push(...page.items.map((item) => item.name));
      cursor = page.nextCursor;
      pages++;
    } while (cursor !== null);
    expect(pages).toBe(2);
    expect(seen.map((name) => name.toLowerCase())).toEqual([
      'alpha',
      'alpha',
      'bravo',
      'charlie',
      'delta',
      'echo',
    ]);
  });

  test('filters by kind and by part of the name or ODS code', async ({ db }) => {
    await anOrganisation(db, { name: 'North ICB', kind: 'commissioner', odsCode: 'QWE' });
    await anOrganisation(db, { name: 'North Trust', odsCode: 'RNN' });
    await anOrganisation(db, { name: '100% Network_x', kind: 'network', odsCode: 'NET' });
    const commissioners = await listOrganisations(db, { kind: 'commissioner' });
    expect(commissioners.items.map((o) => o.odsCode)).toEqual(['QWE']);
    expect((await listOrganisations(db, { search: 'north' })).items).toHaveLength(2);
    expect((await listOrganisations(db, { search: 'rnn' })).items.map((o) => o.name)).toEqual([
      'North Trust',
    ]);
    expect((await listOrganisations(db, { search: '0%' })).items.map((o) => o.odsCode)).toEqual(['NET']);
    expect((await listOrganisations(db, { search: 'k_' })).items.map((o) => o.odsCode)).toEqual(['NET']);
  });

  test('refuses a cursor it did not give out and a bad page size', async ({ db }) => {
    await expect(listOrganisations(db, { cursor: 'nonsense' })).rejects.toMatchObject({ field: 'cursor' });
    await expect(listOrganisations(db, { limit: 0 })).rejects.toMatchObject({ field: 'limit' });
  });
});
