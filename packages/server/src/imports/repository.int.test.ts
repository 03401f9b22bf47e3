import { expect } from 'vitest';
import { anImport, anOrganisation, USER } from '../test-support/fixtures.js';
import { describeEachEngine } from '../test-support/database.js';
import { createImport, failImport, finishImport, getImport, listImports } from './repository.js';

describeEachEngine('imports', ({ test }) => {
  test('an import runs, then succeeds with its counts', async ({ db }) => {
    const trust = await anOrganisation(db);
    const started = await createImport(db, {
      organisationId: trust.id,
      fileName: 'falls.csv',
      createdBy: USER,
    });
    expect(started).toMatchObject({
      status: 'running',
      added: 0,
      finishedAt: null,
      error: null,
      createdBy: USER,
    });
    const finished = await finishImport(db, started.id, { added: 10, changed: 2, unchanged: 5 });
    expect(finished).toMatchObject({ status: 'succeeded', added: 10, changed: 2, unchanged: 5 });
    expect(finished.finishedAt).toBeInstanceOf(Date);
    expect(await getImport(db, started.id)).toEqual(finished);
  });

  test('an import fails with its reason, and cannot finish twice', async ({ db }) => {
    const started = await anImport(db, null, 'ae.csv');
    expect(await failImport(db, started.id, 'rows[3]: period must be a date')).toMatchObject({
      status: 'failed',
      error: 'rows[3]: period must be a date',
    });
    await expect(finishImport(db, started.id, { added: 1, changed: 0, unchanged: 0 })).rejects.toMatchObject({
      code: 'conflict',
    });
    await expect(failImport(db, '00000000-0000-4000-8000-000000000000', 'x')).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  test("lists an organisation's imports, newest first", async ({ db }) => {
    const trust = await anOrganisation(db);
    await anImport(db, trust.id, 'a.csv');
    await anImport(db, trust.id, 'b.csv');
    await anImport(db, null, 'national.csv');
    expect((await listImports(db, trust.id)).map((i) => i.fileName).sort()).toEqual(['a.csv', 'b.csv']);
    expect((await listImports(db, null)).map((i) => i.fileName)).toEqual(['national.csv']);
  });
});
