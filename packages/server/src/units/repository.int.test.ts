import { expect } from 'vitest';
import { anOrganisation } from '../test-support/fixtures.js';
import { describeEachEngine } from '../test-support/database.js';
import { createUnit, getUnit, listUnits, unitTree } from './repository.js';
import type { UnitNode } from './repository.js';

function shape(nodes: readonly UnitNode[]): unknown[] {
  return nodes.map((node) => (node.children.length ? { [node.name]: shape(node.children) } : node.name));
}

describeEachEngine('units', ({ test }) => {
  test('builds a tree of divisions, directorates, wards and teams', async ({ db }) => {
    const trust = await anOrganisation(db);
    const medicine = await createUnit(db, { organisationId: trust.id, kind: 'division', name: 'Medicine' });
    const surgery = await createUnit(db, { organisationId: trust.id, kind: 'division', name: 'Surgery' });
    const elderly = await createUnit(db, {
      organisationId: trust.id,
      parentId: medicine.id,
      kind: 'directorate',
      name: 'Elderly care',
    });
    await createUnit(db, { organisationId: trust.id, parentId: elderly.id, kind: 'ward', name: 'Ward 7' });
    await createUnit(db, { organisationId: trust.id, parentId: elderly.id, kind: 'ward', name: 'ward 12' });
    await createUnit(db, {
      organisationId: trust.id,
      parentId: elderly.id,
      kind: 'team',
      name: 'Falls team',
    });
    await createUnit(db, { organisationId: trust.id, parentId: surgery.id, kind: 'ward', name: 'Ward 7' });
    const other = await anOrganisation(db);
    await createUnit(db, { organisationId: other.id, kind: 'division', name: 'Elsewhere' });

    expect(shape(await unitTree(db, trust.id))).toEqual([
      { Medicine: [{ 'Elderly care': ['Falls team', 'ward 12', 'Ward 7'] }] },
      { Surgery: ['Ward 7'] },
    ]);
    expect(await listUnits(db, trust.id)).toHaveLength(7);
    expect(await getUnit(db, elderly.id)).toEqual(elderly);
    expect(await unitTree(db, (await anOrganisation(db)).id)).toEqual([]);
  });

  test("refuses a parent from another organisation, or one that doesn't exist", async ({ db }) => {
    const trust = await anOrganisation(db);
    const other = await anOrganisation(db);
    const foreign = await createUnit(db, { organisationId: other.id, kind: 'division', name: 'Theirs' });
    await expect(
      db.transaction((tx) =>
        createUnit(tx, { organisationId: trust.id, parentId: foreign.id, kind: 'ward', name: 'Ward' }),
      ),
    ).rejects.toMatchObject({ code: 'not_found', field: 'parentId' });
    await expect(
      db.transaction((tx) =>
        createUnit(tx, {
          organisationId: '00000000-0000-4000-8000-000000000000',
          kind: 'ward',
          name: 'Ward',
        }),
      ),
    ).rejects.toMatchObject({ code: 'not_found', field: 'organisationId' });
  });

  test('refuses two siblings with the same name, at the top level too', async ({ db }) => {
    const trust = await anOrganisation(db);
    const top = await createUnit(db, { organisationId: trust.id, kind: 'division', name: 'Medicine' });
    await expect(
      db.transaction((tx) =>
        createUnit(tx, { organisationId: trust.id, kind: 'division', name: 'Medicine' }),
      ),
    ).rejects.toMatchObject({ code: 'conflict', field: 'name' });
    await createUnit(db, { organisationId: trust.id, parentId: top.id, kind: 'ward', name: 'A' });
    await expect(
      db.transaction((tx) =>
        createUnit(tx, { organisationId: trust.id, parentId: top.id, kind: 'ward', name: 'A' }),
      ),
    ).rejects.toMatchObject({ code: 'conflict', field: 'name' });
  });

  test('refuses an unknown kind or an empty name', async ({ db }) => {
    const trust = await anOrganisation(db);
    await expect(
      createUnit(db, { organisationId: trust.id, kind: 'floor' as 'ward', name: 'X' }),
    ).rejects.toMatchObject({ field: 'kind' });
    await expect(createUnit(db, { organisationId: trust.id, kind: 'ward', name: ' ' })).rejects.toMatchObject(
      {
        field: 'name',
      },
    );
  });
});
