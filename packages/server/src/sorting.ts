/**
 * @module sorting
 * Name order and name search that give the same results on every engine and locale.
 */
import { sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

/**
 * The sort key for names: lower case, compared byte by byte (`COLLATE "C"`), so that the order
 * is the same on PGlite and on any PostgreSQL server whatever its locale.
 */
export function nameSortKey(column: AnyPgColumn): SQL<string> {
  return sql<string>`lower(${column}) collate "C"`;
}

/** An ILIKE pattern matching `text` anywhere, with `%`, `_` and `\` in it taken literally. */
export function likePattern(text: string): string {
  return `%${text.trim().replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}
