import { expect } from 'vitest';
import { describeEachEngine } from '../test-support/database.js';
import { anImport, anOrganisation } from '../test-support/fixtures.js';
import { FileWriter, readFileChunks, storedBytes } from './file-store.js';
import type { TableRow } from './table-reader.js';

describeEachEngine('imports: stored files', ({ test }) => {
  test('rows come back as written, in order, across chunks, whatever their cells hold', async ({ db }) => {
    const organisation = await anOrganisation(db);
    const imported = await anImport(db, organisation.id);
    const odd = [
      '',
      ' ',
      '"quoted"',
      'back\\slash',
      'two\nlines',
      'tab\there',
      'é ü 🙂',
      '\u0000',
      '[1,2]',
      ',',
    ];
    const rows: TableRow[] = [{ row: 1, cells: ['Period', 'Value', 'Note'] }];
    // Long enough for several chunks of about a megabyte.
    for (let i = 2; i < 60_000; i++)
      rows.push({
        row: i,
        cells: [`2024-01-${i % 28}`, String(i), odd[i % odd.length]!.repeat(1 + (i % 3))],
      });
    rows.push({ row: 60_001, cells: [] });
    const writer = new FileWriter(db, imported.id);
    for (const row of rows) {
      const written = writer.add(row);
      if (written !== undefined) await written;
    }
    await writer.flush();
    expect(await storedBytes(db, imported.id)).toBeGreaterThan(2 << 20);
    const read: TableRow[] = [];
    for await (const batch of readFileChunks(db, imported.id)) read.push(...batch);
    expect(read).toEqual(rows);
  });
});
