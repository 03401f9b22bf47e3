/**
 * @module components/audit/diff
 * An audit event's state before and after (any JSON the server recorded) as the fields that
 * changed, in words: `spcOptions.direction` becomes "SPC options › direction", a list of points
 * is keyed by each point's period, and only fields whose value differs are kept.
 */

/** A field that changed: its name in words, and its value before and after (null: not there). */
export interface ChangedField {
  readonly field: string;
  readonly before: string | null;
  readonly after: string | null;
}

/** Words for names the recorded states use, where splitting camelCase is not enough. */
const WORDS: Readonly<Record<string, string>> = {
  spc: 'SPC',
  id: 'ID',
  ods: 'ODS',
  url: 'URL',
  csv: 'CSV',
  fhir: 'FHIR',
};

/** "spcOptions" → "SPC options", "effectiveFrom" → "Effective from", "2025-04-01" as it is. */
export function fieldWords(name: string): string {
  if (!/^[A-Za-z_]+$/.test(name)) return name;
  const words = name
    .replace(/_/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(' ')
    .filter((w) => w !== '')
    .map((w) => WORDS[w] ?? w);
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A leaf value in words. */
export function valueWords(value: unknown): string {
  if (value === null || value === undefined) return 'none';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value === '' ? '(empty)' : value;
  return JSON.stringify(value);
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * How to name the items of a list of objects: by their period (or id, or start date) when every
 * item has a different one (that field is then the name, not a field), else by their place.
 */
function itemKeys(items: readonly unknown[]): { names: string[]; field: string | null } {
  for (const key of ['period', 'id', 'effectiveFrom']) {
    if (items.every((item) => isPlainObject(item) && typeof item[key] === 'string')) {
      const names = items.map((item) => (item as Record<string, string>)[key]!);
      if (new Set(names).size === names.length) return { names, field: key };
    }
  }
  return { names: items.map((_, i) => `Item ${i + 1}`), field: null };
}

/** Every leaf of `value` by its path in words (in the order met), into `out`. */
function flatten(value: unknown, path: readonly string[], out: Map<string, string>): void {
  const name = path.join(' › ');
  if (Array.isArray(value)) {
    if (value.length === 0 || value.every((item) => !isPlainObject(item) && !Array.isArray(item))) {
      out.set(name, value.length === 0 ? 'none' : value.map(valueWords).join(', '));
      return;
    }
    const { names, field } = itemKeys(value);
    (value as unknown[]).forEach((item, i) => {
      const rest: unknown =
        field === null
          ? item
          : Object.fromEntries(Object.entries(item as Record<string, unknown>).filter(([k]) => k !== field));
      flatten(rest, [...path, names[i]!], out);
    });
    return;
  }
  if (isPlainObject(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0 && path.length > 0) {
      out.set(name, 'none');
      return;
    }
    for (const [key, inner] of entries) flatten(inner, [...path, fieldWords(key)], out);
    return;
  }
  out.set(path.length === 0 ? 'Value' : name, valueWords(value));
}

/**
 * The fields that differ between `before` and `after` (null or undefined: nothing, as when a thing
 * is created or removed), in the order `after` has them, then those only `before` had.
 */
export function changedFields(before: unknown, after: unknown): ChangedField[] {
  const was = new Map<string, string>();
  const now = new Map<string, string>();
  if (before !== null && before !== undefined) flatten(before, [], was);
  if (after !== null && after !== undefined) flatten(after, [], now);
  const fields = [...new Set([...now.keys(), ...was.keys()])];
  return fields
    .map((field) => ({ field, before: was.get(field) ?? null, after: now.get(field) ?? null }))
    .filter((row) => row.before !== row.after);
}
