/**
 * @module exports/service
 * Everything a series export holds: the series with its analysis (as `GET /series/:id/analysis`
 * computes it), the organisation and unit, the stored points, annotations and the imports that
 * wrote the points, and the file name to give it.
 */
import type { Annotation } from '../annotations/repository.js';
import { listAnnotations } from '../annotations/repository.js';
import { analyseSeries } from '../analysis/service.js';
import type { SeriesAnalysis } from '../analysis/service.js';
import type { Principal } from '../auth/principal.js';
import type { Database } from '../db/types.js';
import { getImport } from '../imports/repository.js';
import type { Import } from '../imports/repository.js';
import type { Observation } from '../observations/repository.js';
import { readSeries } from '../observations/repository.js';
import { seriesContext } from './context.js';
import type { SeriesContext } from './context.js';
import { exportFileName } from './filename.js';

/** A series export. */
export interface SeriesExport extends SeriesContext {
  readonly analysis: SeriesAnalysis;
  /** Stored points in period order, with their provenance. */
  readonly observations: readonly Observation[];
  readonly annotations: readonly Annotation[];
  /** The imports that last wrote the points, oldest first. */
  readonly imports: readonly Import[];
  readonly generatedAt: Date;
}

/** The export's file name with `extension` (see exports/filename.ts). */
export function fileNameOf(context: SeriesContext, lastPeriod: string | null, extension: string): string {
  return exportFileName(
    {
      odsCode: context.organisation.odsCode,
      measureCode: context.measure.code,
      unitName: context.unit?.name ?? null,
      lastPeriod,
      frequency: context.measure.frequency,
    },
    extension,
  );
}

/**
 * Reads the export of a series `principal` may read.
 * @throws {DataError} `not_found` for an unknown or hidden series.
 * @throws {SpcInputError} when the engine refuses the stored data or options.
 */
export async function seriesExport(
  db: Database,
  principal: Principal,
  seriesId: string,
): Promise<SeriesExport> {
  // One query after another: inside a transaction there is one connection.
  const context = await seriesContext(db, principal, seriesId);
  const analysis = await analyseSeries(db, context.series.id);
  const observations = await readSeries(db, context.series.id);
  const annotations = await listAnnotations(db, context.series.id);
  const imports: Import[] = [];
  for (const importId of new Set(observations.map((o) => o.importId))) {
    const row = importId === null ? undefined : await getImport(db, importId);
    if (row !== undefined) imports.push(row);
  }
  imports.sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime());
  return { ...context, analysis, observations, annotations, imports, generatedAt: new Date() };
}
