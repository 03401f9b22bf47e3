/**
 * @module measures/audit-diff
 * What changed between two versions of a record, for the audit log's before and after.
 */

/** The fields of `after` whose values differ from `before`'s, each side with only those fields. */
export function changedFields(
  before: Readonly<Record<string, unknown>>,
  after: Readonly<Record<string, unknown>>,
  ignore: readonly string[] = [],
): { before: Record<string, unknown>; after: Record<string, unknown>; fields: string[] } {
  const fields = Object.keys(after).filter(
    (key) => !ignore.includes(key) && JSON.stringify(before[key]) !== JSON.stringify(after[key]),
  );
  return {
    before: Object.fromEntries(fields.map((key) => [key, before[key] ?? null])),
    after: Object.fromEntries(fields.map((key) => [key, after[key] ?? null])),
    fields,
  };
}
