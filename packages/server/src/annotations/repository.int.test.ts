import { expect } from 'vitest';
import { aSeries, USER } from '../test-support/fixtures.js';
import { describeEachEngine } from '../test-support/database.js';
import { addAnnotation, listAnnotations } from './repository.js';

describeEachEngine('annotations', ({ test }) => {
  test('adds notes to points and lists them in period order', async ({ db }) => {
    const { series } = await aSeries(db);
    const later = await addAnnotation(db, {
      seriesId: series.id,
      period: '2024-03-01',
      text: 'New falls bundle',
      author: 'Sister Jones',
      authorId: USER,
    });
    await addAnnotation(db, {
      seriesId: series.id,
      period: '2024-01-01',
      text: ' Data missing ',
      author: 'Analyst',
    });
    const notes = await listAnnotations(db, series.id);
    expect(notes.map((n) => [n.period, n.text])).toEqual([
      ['2024-01-01', 'Data missing'],
      ['2024-03-01', 'New falls bundle'],
    ]);
    expect(notes[1]).toEqual(later);
    expect(later).toMatchObject({ authorId: USER, author: 'Sister Jones' });
    expect(await listAnnotations(db, series.id, { from: '2024-02-01' })).toEqual([later]);
    expect(await listAnnotations(db, series.id, { to: '2024-02-01' })).toHaveLength(1);
  });

  test('refuses empty text, a bad period or an unknown series', async ({ db }) => {
    const { series } = await aSeries(db);
    const note = { seriesId: series.id, period: '2024-01-01', text: 'x', author: 'A' };
    await expect(addAnnotation(db, { ...note, text: '  ' })).rejects.toMatchObject({ field: 'text' });
    await expect(addAnnotation(db, { ...note, period: '2024-1-1' })).rejects.toMatchObject({
      field: 'period',
    });
    await expect(
      db.transaction((tx) =>
        addAnnotation(tx, { ...note, seriesId: '00000000-0000-4000-8000-000000000000' }),
      ),
    ).rejects.toMatchObject({ code: 'not_found', field: 'seriesId' });
  });
});
