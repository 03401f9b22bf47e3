/**
 * @module paging
 * Keyset paging: a page of items and an opaque cursor for the next page. Keyset (not offset)
 * paging stays fast however deep the page and never skips or repeats rows when others are
 * added meanwhile.
 */
import { DataError } from './errors.js';

/** Which page to read. */
export interface PageRequest {
  /** Items per page: 1 to 500 (default 50). */
  readonly limit?: number | undefined;
  /** `nextCursor` of the previous page; absent for the first page. */
  readonly cursor?: string | null | undefined;
}

/** A page of items in a stable order. */
export interface Page<T> {
  readonly items: readonly T[];
  /** Pass as `cursor` to read the next page; null on the last page. */
  readonly nextCursor: string | null;
}

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

/** A list's page sizes: the default and the largest allowed. */
export interface PageSizes {
  readonly default: number;
  readonly max: number;
}

/** The page sizes of most lists (50, at most 500). */
export const PAGE_SIZES: PageSizes = { default: DEFAULT_PAGE_SIZE, max: MAX_PAGE_SIZE };

/**
 * The page sizes of a series' observations (1,000, at most 10,000): a page is usually the whole
 * series, and as many points can be written in one request.
 */
export const OBSERVATION_PAGE_SIZES: PageSizes = { default: 1000, max: 10_000 };

/** The page size asked for, checked. */
export function pageLimit(request: PageRequest, sizes: PageSizes = PAGE_SIZES): number {
  const limit = request.limit ?? sizes.default;
  if (!Number.isInteger(limit) || limit < 1 || limit > sizes.max) {
    throw new DataError('invalid_input', `limit must be a whole number from 1 to ${sizes.max}`, {
      field: 'limit',
    });
  }
  return limit;
}

/** A cursor holding the sort key of the last item of a page. */
export function encodeCursor(key: readonly string[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** The sort key in a cursor, refusing anything that was not made by `encodeCursor` with `length` parts. */
export function decodeCursor(cursor: string, length: number): string[] {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    key = undefined;
  }
  if (!Array.isArray(key) || key.length !== length || !key.every((part) => typeof part === 'string')) {
    throw new DataError('invalid_input', 'cursor is not one this server gave out', { field: 'cursor' });
  }
  return key;
}

/** Splits `limit + 1` fetched rows into a page, with a cursor made from the last item's key. */
export function toPage<R, T>(
  rows: readonly R[],
  limit: number,
  key: (row: R) => string[],
  item: (row: R) => T,
): Page<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items: items.map(item),
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(key(last)) : null,
  };
}
