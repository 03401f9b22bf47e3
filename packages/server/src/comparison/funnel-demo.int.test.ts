/**
 * The demo's positive outlier (demo/outlier-projects.ts) against the real A&E data: on the 4-hour
 * measure for type 1 departments, with the limits widened for the real data's overdispersion, the
 * synthetic provider lies above the upper 99.8% limit and links to its project in the library.
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { DEMO_CSV, loadDemoData } from '../demo/load.js';
import { addOutlierDemo, OUTLIER_ORGANISATION, OUTLIER_PROJECT } from '../demo/outlier-projects.js';
import { DEPARTMENT_TYPES } from '../demo/ae-measures.js';
import { getMeasureByCode } from '../measures/repository.js';
import { body, withApp } from '../test-support/app.js';
import { describeEachEngine } from '../test-support/database.js';
import type { FunnelView } from './funnel-schemas.js';

/** Every provider's type 1 rows of the last twelve months of the demo file. */
function typeOneYear(): string {
  const lines = readFileSync(DEMO_CSV, 'utf8').trim().split('\n');
  const rows = lines.slice(1).filter((line) => {
    const [period, , type] = line.split(',');
    return type === '1' && period! >= '2018-04-01';
  });
  return [lines[0], ...rows].join('\n') + '\n';
}

describeEachEngine('funnel demo', ({ test }) => {
  test('the demo has a positive outlier on the A&E 4-hour measure, linked to its published project', async ({
    db,
  }) => {
    await loadDemoData(db, typeOneYear());
    expect(await addOutlierDemo(db)).toBe(true);
    expect(await addOutlierDemo(db)).toBe(false);
    const fourHour = (await getMeasureByCode(db, null, 'ae-4-hour'))!;
    await withApp(
      db,
      async (app) => {
        for (const window of ['latest', '12-months']) {
          const response = await app.inject({
            method: 'GET',
            url: `/api/v1/measures/${fourHour.id}/funnel?window=${window}`,
          });
          expect(response.statusCode).toBe(200);
          const view = body<FunnelView>(response);
          // Nobody records it as a whole: the level most organisations use.
          expect(view.unit).toBe(DEPARTMENT_TYPES['1']);
          expect(view.points.length).toBeGreaterThan(100);
          expect(view.overdispersion.adjusted).toBe(true);
          const outliers = view.points.filter((p) => p.outlier && p.assessment === 'better');
          expect(outliers.map((p) => p.organisation.odsCode)).toEqual([OUTLIER_ORGANISATION.odsCode]);
          expect(outliers[0]!.projects.map((p) => p.title)).toEqual([OUTLIER_PROJECT.title]);
        }
      },
      { as: 'public' },
    );
  }, 240_000);
});
