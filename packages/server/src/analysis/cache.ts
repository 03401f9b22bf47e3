/**
 * @module analysis/cache
 * In-process caches for analyses, bounded and keyed by versions read from the database.
 *
 * A cached analysis is only ever a copy of what the database says: it is found by the series id
 * and used only when the versions it was made from are the ones the database holds now (read by
 * the caller in the same query, or the same snapshot, as everything else it serves). Every write
 * that could change an analysis moves one of those versions on in the same transaction:
 *
 * - `measure_series.data_version`: the series' observations or annotations changed (`applyBatch`,
 *   `addAnnotation`);
 * - `measures.updated_at`: the measure's definition or SPC options (`updateMeasure`) or its
 *   target timeline (`setTarget`, which moves it too) changed; it only ever increases.
 *
 * So a cache never has to be told about a write, and any number of servers behind a load balancer
 * stay right with their own caches: a stale entry is simply never matched again, and drops out as
 * the least recently used.
 */

/** How an LRU cache is bounded. */
export interface LruLimits<V> {
  /** The most entries kept (default: no limit by count). */
  readonly maxEntries?: number | undefined;
  /** The most bytes kept, as `sizeOf` counts them (default: no limit by size). */
  readonly maxBytes?: number | undefined;
  /** An entry's size in bytes (needed with `maxBytes`; default 0). */
  readonly sizeOf?: ((value: V) => number) | undefined;
}

/**
 * A least-recently-used cache bounded by entry count and/or by bytes. A `Map` keeps the order:
 * reading an entry moves it to the end; the entries at the front are evicted first. An entry
 * larger than `maxBytes` on its own is not kept.
 */
export class LruCache<K, V> {
  readonly #entries = new Map<K, { value: V; bytes: number }>();
  readonly #maxEntries: number;
  readonly #maxBytes: number;
  readonly #sizeOf: (value: V) => number;
  #bytes = 0;

  constructor(limits: LruLimits<V> = {}) {
    this.#maxEntries = limits.maxEntries ?? Infinity;
    this.#maxBytes = limits.maxBytes ?? Infinity;
    this.#sizeOf = limits.sizeOf ?? (() => 0);
    if (!(this.#maxEntries >= 1) || !(this.#maxBytes >= 0)) {
      throw new RangeError('an LRU cache needs maxEntries ≥ 1 and maxBytes ≥ 0');
    }
  }

  /** Entries held. */
  get size(): number {
    return this.#entries.size;
  }

  /** Bytes held, as `sizeOf` counts them. */
  get bytes(): number {
    return this.#bytes;
  }

  /** The entry for `key`, now the most recently used; undefined if there is none. */
  get(key: K): V | undefined {
    const entry = this.#entries.get(key);
    if (entry === undefined) return undefined;
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return entry.value;
  }

  /** Whether there is an entry for `key` (without making it recently used). */
  has(key: K): boolean {
    return this.#entries.has(key);
  }

  /** Keeps `value` under `key` (replacing any entry), then evicts down to the limits. */
  set(key: K, value: V): void {
    this.delete(key);
    const bytes = this.#sizeOf(value);
    if (bytes > this.#maxBytes) return;
    this.#entries.set(key, { value, bytes });
    this.#bytes += bytes;
    while (this.#entries.size > this.#maxEntries || this.#bytes > this.#maxBytes) {
      const oldest = this.#entries.keys().next();
      if (oldest.done === true) break;
      this.delete(oldest.value);
    }
  }

  /** Drops the entry for `key`, if any. */
  delete(key: K): boolean {
    const entry = this.#entries.get(key);
    if (entry === undefined) return false;
    this.#entries.delete(key);
    this.#bytes -= entry.bytes;
    return true;
  }

  /** Drops every entry. */
  clear(): void {
    this.#entries.clear();
    this.#bytes = 0;
  }
}

/** The versions an analysis of a series was made from, as the database reports them (text). */
export interface AnalysisVersion {
  /** `measure_series.data_version`: observations and annotations. */
  readonly dataVersion: string;
  /** `measures.updated_at` in microseconds since 1970: definition, SPC options and targets. */
  readonly measureVersion: string;
}

/** The versions as one comparable string. */
export function versionKey(version: AnalysisVersion): string {
  return `${version.dataVersion}/${version.measureVersion}`;
}

/**
 * What has been worked out for each series (an analysis, or anything derived from it and the
 * series' data), one slot per series, least recently used first out, bounded by count and/or
 * bytes. A slot holds one version: storing a newer one replaces it, so old versions never pile up.
 */
export class AnalysisCache<V> {
  readonly #slots: LruCache<string, { readonly key: string; readonly value: V }>;

  /** @param limits the most series kept and/or bytes (`sizeOf` a value; default 10,000 series). */
  constructor(limits: LruLimits<V> = { maxEntries: 10_000 }) {
    const sizeOf = limits.sizeOf;
    this.#slots = new LruCache({
      maxEntries: limits.maxEntries,
      maxBytes: limits.maxBytes,
      sizeOf: sizeOf === undefined ? undefined : (slot) => sizeOf(slot.value),
    });
  }

  /** Series held. */
  get size(): number {
    return this.#slots.size;
  }

  /** What was stored for `seriesId` at exactly `version`, or undefined. */
  get(seriesId: string, version: AnalysisVersion): V | undefined {
    const slot = this.#slots.get(seriesId);
    return slot !== undefined && slot.key === versionKey(version) ? slot.value : undefined;
  }

  /** Stores `value` as what `seriesId` gives at `version`. */
  set(seriesId: string, version: AnalysisVersion, value: V): void {
    this.#slots.set(seriesId, { key: versionKey(version), value });
  }

  /** Drops everything. */
  clear(): void {
    this.#slots.clear();
  }
}
