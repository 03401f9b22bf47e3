/**
 * @module filename
 * The file name of a series' export or downloaded chart, the same wherever it is made (the
 * server's exports, the web app's chart download): `RF4-ae-4-hour-2024-03.csv` — the
 * organisation's ODS code, the measure's code, the unit (as a short slug) for a unit's series, and
 * the last period (a month as `YYYY-MM`, a year as `YYYY`, otherwise the date). Only letters,
 * digits, `-`, `_` and `.`, so it needs no quoting in a `Content-Disposition` header.
 */

/** What the name is made of. */
export interface ExportNameParts {
  /** The organisation's ODS code; '' for none. */
  readonly odsCode: string;
  readonly measureCode: string;
  /** The unit's name; null for the organisation as a whole. */
  readonly unitName: string | null;
  /** The last period (`YYYY-MM-DD`); null when the series has no points. */
  readonly lastPeriod: string | null;
  /** The series' frequency (`month`, `year`, `week`, …): how the last period is written. */
  readonly frequency: string;
}

const MAX_UNIT_SLUG = 40;

/** `Type 1 A&E (major emergency department)` → `type-1-a-e-major-emergency-department`, cut at a word. */
export function slug(text: string): string {
  const full = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (full.length <= MAX_UNIT_SLUG) return full;
  const cut = full.slice(0, MAX_UNIT_SLUG + 1);
  const end = cut.lastIndexOf('-');
  return end > 0 ? cut.slice(0, end) : full.slice(0, MAX_UNIT_SLUG);
}

function periodLabel(period: string, frequency: string): string {
  if (frequency === 'month') return period.slice(0, 7);
  if (frequency === 'year') return period.slice(0, 4);
  return period;
}

/**
 * The file name of an export.
 * @example exportFileName({ odsCode: 'RF4', measureCode: 'ae-4-hour', unitName: null,
 *   lastPeriod: '2024-03-01', frequency: 'month' }, 'csv') // 'RF4-ae-4-hour-2024-03.csv'
 */
export function exportFileName(parts: ExportNameParts, extension: string): string {
  const unit = parts.unitName === null ? '' : slug(parts.unitName);
  return (
    [
      parts.odsCode.replace(/[^A-Za-z0-9]/g, ''),
      parts.measureCode.replace(/[^a-z0-9_.-]/g, '-'),
      unit,
      parts.lastPeriod === null ? '' : periodLabel(parts.lastPeriod, parts.frequency),
    ]
      .filter((part) => part !== '')
      .join('-') + `.${extension}`
  );
}
