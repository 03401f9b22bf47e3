/**
 * @module exports/filename
 * The file name of a series export: `RF4-ae-4-hour-2024-03.csv` — the organisation's ODS code,
 * the measure's code, the unit (as a short slug) for a unit's series, and the last period (a
 * month as `YYYY-MM`, a year as `YYYY`, otherwise the date). The naming is `@groundswell/charts`'
 * (the web app names a downloaded chart the same way); only letters, digits, `-`, `_` and `.`, so
 * it needs no quoting in a `Content-Disposition` header.
 */
import type { ExportNameParts as NameParts } from '@groundswell/charts';
import type { Frequency } from '../db/schema/vocabulary.js';

export { exportFileName, slug } from '@groundswell/charts';

/** What the name is made of. */
export interface ExportNameParts extends NameParts {
  readonly frequency: Frequency;
}

/** A `Content-Disposition` header that downloads the file under this name. */
export function attachment(fileName: string): string {
  return `attachment; filename="${fileName}"`;
}
