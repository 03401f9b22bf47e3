/**
 * @module text/periods
 * Reads a period cell: an ISO date (2024-03-01), a UK date (01/03/2024), a month (2024-03),
 * an ISO date-time (2024-03-01T08:30 or "2024-03-01 08:30:00", UTC unless it says otherwise),
 * or a plain number (a sequence or week number). Dates become day numbers (days since
 * 1970-01-01; date-times carry a fraction of a day) so that days between events can be counted.
 */

export type PeriodKind = 'date' | 'datetime' | 'number';

export interface ParsedPeriod {
  readonly value: number;
  readonly kind: PeriodKind;
}

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const UK_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const MONTH = /^(\d{4})-(\d{1,2})$/;
const DATETIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function calendarDay(y: number, m: number, d: number): number {
  const ms = Date.UTC(y, m - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return NaN;
  return ms / MS_PER_DAY;
}

const parsed = new Map<string, ParsedPeriod | null>();

/**
 * Parses a period, or returns null when the text is none of the accepted forms (or not a real
 * date). Extracts repeat the same few periods across many groups, so each text is parsed once.
 */
export function parsePeriod(raw: string): ParsedPeriod | null {
  let p = parsed.get(raw);
  if (p === undefined) {
    p = parseUncached(raw);
    if (parsed.size < 100_000) parsed.set(raw, p);
  }
  return p;
}

function parseUncached(raw: string): ParsedPeriod | null {
  const text = raw.trim();
  let m = ISO_DATE.exec(text);
  if (m) return dated(calendarDay(+m[1]!, +m[2]!, +m[3]!), 'date');
  m = UK_DATE.exec(text);
  if (m) return dated(calendarDay(+m[3]!, +m[2]!, +m[1]!), 'date');
  m = MONTH.exec(text);
  if (m) return dated(calendarDay(+m[1]!, +m[2]!, 1), 'date');
  m = DATETIME.exec(text);
  if (m) {
    const day = calendarDay(+m[1]!, +m[2]!, +m[3]!);
    const zone =
      m[8] === undefined || m[8] === 'Z' ? '+00:00' : m[8].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
    const ms = Date.parse(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? '00'}${m[7] ?? ''}${zone}`);
    if (Number.isNaN(day) || Number.isNaN(ms)) return null;
    return { value: ms / MS_PER_DAY, kind: 'datetime' };
  }
  if (NUMBER.test(text)) {
    const n = Number(text);
    return Number.isFinite(n) ? { value: n, kind: 'number' } : null;
  }
  return null;
}

function dated(day: number, kind: PeriodKind): ParsedPeriod | null {
  return Number.isNaN(day) ? null : { value: day, kind };
}

const dateText = new Map<number, string>();

/** Writes a period back in ISO form. */
export function formatPeriod(value: number, kind: PeriodKind): string {
  if (kind === 'number') return String(value);
  if (kind === 'date') {
    // Extracts repeat the same few dates across many groups: format each once.
    let text = dateText.get(value);
    if (text === undefined) {
      text = new Date(Math.round(value * MS_PER_DAY)).toISOString().slice(0, 10);
      if (dateText.size < 100_000) dateText.set(value, text);
    }
    return text;
  }
  const iso = new Date(Math.round(value * MS_PER_DAY)).toISOString();
  return iso.endsWith('.000Z') ? `${iso.slice(0, 19)}Z` : iso;
}

/** What the accepted forms are, for error messages. */
export const PERIOD_FORMS = 'a date (2024-03-01 or 01/03/2024), a month (2024-03), a date-time or a number';
