/**
 * @module dashboard/service
 * An organisation's dashboard, fast without being wrong.
 *
 * Every request runs one cheap query (`readDashboardVersion`): the organisation, the reader's
 * level in it, and a digest of the versions of every series they may see (ids, `data_version`,
 * their measures' `updated_at`, unit names). The entity tag is made from that digest, so that an unchanged dashboard is a 304 on any
 * server. The serialised response (and its gzip) is cached per organisation and filters with the
 * entity tag it was built at, and sent only while the tag is still the current one. When it is
 * not, the dashboard is built again in one read-only snapshot: series whose versions are unchanged
 * reuse their cached card (analysis cache), the others are read and analysed.
 *
 * Correctness never depends on this process having seen a write: every write moves a version on
 * in its own transaction (see analysis/cache.ts), and the version query reads the database.
 *
 * A reader sees only the series they may read (`readLevel` in the organisation: public, internal
 * or private; the version query computes it from `readableOrganisations`, and the service checks
 * the two agree). The level is part of the cache key and of the entity tag, and the tag is made
 * from the digest of that level's series only: one cached copy per level, never a fuller one
 * served to a reader of a lower level, and a 304 never confirms a body the reader may not see.
 */
import { promisify } from 'node:util';
import { gzip as gzipCallback } from 'node:zlib';
import { LruCache } from '../analysis/cache.js';
import { readLevel } from '../auth/permissions.js';
import { readableOrganisations } from '../auth/visibility.js';
import type { Principal } from '../auth/principal.js';
import type { Database } from '../db/types.js';
import { SYNTHETIC_SOURCE } from '../demo/synthetic.js';
import { isUuid } from '../validation.js';
import { CardStore } from './card-store.js';
import type { TargetReader } from './card-store.js';
import { sparkline, summaryMatrix } from './cards.js';
import type { SeriesCard } from './cards.js';
import { entityTag } from './conditional.js';
import { readDashboardSeries, readDashboardVersion, readTargetTimelines } from './repository.js';
import type { DashboardSeriesRow, DashboardVersion, SeriesFilter } from './repository.js';
import { DEFAULT_SPARKLINE_POINTS } from './schemas.js';
import type { DashboardQuery, DashboardSeriesView, DashboardView } from './schemas.js';
import type { Visibility } from '../db/schema/vocabulary.js';

const gzip = promisify(gzipCallback);

/**
 * The version of the response's form and of what makes it: part of every entity tag. Change it
 * whenever the JSON or the analysis behind it changes, so that clients do not keep old bodies.
 */
export const DASHBOARD_FORMAT = 'dashboard-3';

/** How much the caches may hold. */
export interface DashboardCacheLimits {
  /**
   * Bytes of series cards kept (one per series, the latest version seen), as estimated by
   * `cardBytes` (default 64 MiB: about 9,000 series of 60 points).
   */
  readonly maxCardBytes?: number | undefined;
  /** Bytes of serialised responses kept, plain and gzipped (default 64 MiB). */
  readonly maxResponseBytes?: number | undefined;
}

export { cardBytes } from './card-store.js';

/** A serialised dashboard. */
export interface DashboardBody {
  /** The entity tag of this body. */
  readonly etag: string;
  /** The JSON, UTF-8. */
  readonly json: Buffer;
  /** The same, gzipped. */
  readonly gzip: Buffer;
}

/** What the per-request check found. */
export interface DashboardCheck {
  /** The current entity tag. */
  readonly etag: string;
  /** The cached body, when it is the current one. */
  readonly body: DashboardBody | undefined;
  /** The cache key (organisation, the reader's level and filters). */
  readonly key: string;
  /** What the reader may read of the organisation. */
  readonly level: Visibility;
  readonly version: DashboardVersion;
}

/** The query with defaults applied, as one canonical string (the cache key's filter part). */
function canonical(query: DashboardQuery): string {
  return JSON.stringify([
    query.unit?.toLowerCase() ?? null,
    query.unit !== undefined && query.unit !== 'none' && query.subtree === true,
    query.domain ?? null,
    query.measure === undefined ? null : isUuid(query.measure) ? query.measure.toLowerCase() : query.measure,
    query.visibility ?? null,
    query.variation ?? null,
    query.assurance ?? null,
    query.points ?? DEFAULT_SPARKLINE_POINTS,
  ]);
}

function seriesFilter(query: DashboardQuery): SeriesFilter {
  return {
    unit: query.unit,
    subtree: query.subtree,
    domain: query.domain,
    measure: query.measure,
    visibility: query.visibility,
  };
}

/** The dashboards of one server process, with its caches. */
export class DashboardService {
  readonly #db: Database;
  readonly #cards: CardStore;
  readonly #responses: LruCache<string, DashboardBody>;
  /** Builds under way, by key and entity tag: concurrent requests for the same one share it. */
  readonly #building = new Map<string, Promise<DashboardBody>>();

  constructor(db: Database, limits: DashboardCacheLimits = {}) {
    this.#db = db;
    this.#cards = new CardStore(limits.maxCardBytes ?? 64 * 2 ** 20);
    this.#responses = new LruCache({
      maxBytes: limits.maxResponseBytes ?? 64 * 2 ** 20,
      sizeOf: (body) => body.json.length + body.gzip.length,
    });
  }

  /**
   * The current entity tag of a dashboard, and its body if this process has it cached: one query.
   * @throws {DataError} `not_found` (organisation, unit), `invalid_input`.
   */
  async check(principal: Principal, ref: string, query: DashboardQuery): Promise<DashboardCheck> {
    const version = await readDashboardVersion(
      this.#db,
      ref,
      seriesFilter(query),
      readableOrganisations(principal),
    );
    const level = readLevel(principal, version.organisation.id);
    if (version.level !== level) {
      throw new Error(`dashboard: the version query's level ${version.level} is not readLevel's ${level}`);
    }
    const key = `${version.organisation.id}:${level}:${canonical(query)}`;
    const etag = this.#etag(key, version);
    const cached = this.#responses.get(key);
    return { etag, key, level, version, body: cached?.etag === etag ? cached : undefined };
  }

  /** The body for a check that found none cached: built (or joined, if already being built). */
  async body(
    principal: Principal,
    ref: string,
    query: DashboardQuery,
    check: DashboardCheck,
  ): Promise<DashboardBody> {
    // The check's level and key go with it: the body is built for the same reader.
    if (check.body !== undefined) return check.body;
    const flight = `${check.key} ${check.etag}`;
    let building = this.#building.get(flight);
    if (building === undefined) {
      building = this.#build(principal, ref, query, check.key, check.level).finally(() =>
        this.#building.delete(flight),
      );
      this.#building.set(flight, building);
    }
    return building;
  }

  #etag(key: string, version: DashboardVersion): string {
    const { organisation } = version;
    return entityTag([
      DASHBOARD_FORMAT,
      key,
      version.level,
      version.digest,
      organisation.odsCode,
      organisation.name,
      organisation.kind,
    ]);
  }

  /**
   * Builds a dashboard in one read-only snapshot (repeatable read), so that the entity tag and the
   * body agree even while writes go on, and caches it under that tag.
   */
  async #build(
    principal: Principal,
    ref: string,
    query: DashboardQuery,
    key: string,
    level: Visibility,
  ): Promise<DashboardBody> {
    const filter = seriesFilter(query);
    const { etag, view } = await this.#db.transaction(
      async (tx) => {
        const version = await readDashboardVersion(tx, ref, filter, readableOrganisations(principal));
        const rows = await readDashboardSeries(tx, version.organisation.id, filter, level);
        const cards = await this.#cardsFor(tx, version.organisation.id, rows);
        return { etag: this.#etag(key, version), view: assemble(version, rows, cards, query) };
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    const json = Buffer.from(JSON.stringify(view));
    const body = { etag, json, gzip: await gzip(json) };
    this.#responses.set(key, body);
    return body;
  }

  /** Each series' card: from the cache when its versions match, otherwise read and analysed. */
  #cardsFor(
    db: Database,
    organisationId: string,
    rows: readonly DashboardSeriesRow[],
  ): Promise<SeriesCard[]> {
    const targets: TargetReader<DashboardSeriesRow> = async (tx, missing) => {
      const timelines = await readTargetTimelines(
        tx,
        [...new Set(missing.map((row) => row.measureId))],
        organisationId,
      );
      return (row) => timelines.get(row.measureId) ?? [];
    };
    return this.#cards.cardsFor(db, rows, targets);
  }
}

/** A series row as the dashboard (and a comparison) shows it: its measure, unit and card. */
export function seriesView(row: DashboardSeriesRow, card: SeriesCard, points: number): DashboardSeriesView {
  return {
    id: row.id,
    measure: {
      id: row.measureId,
      ownerOrganisationId: row.ownerOrganisationId,
      code: row.code,
      name: row.name,
      domain: row.domain,
      dataType: row.dataType,
      chartType: row.chartType,
      direction: card.direction,
      unitLabel: row.unitLabel,
      visibility: row.visibility,
      synthetic: row.source === SYNTHETIC_SOURCE,
    },
    unit: row.unitId === null ? null : { id: row.unitId, name: row.unitName ?? '' },
    pointCount: card.pointCount,
    latest: card.latest,
    target: card.target,
    icons: { variation: card.variation, assurance: card.assurance },
    warnings: [...card.warnings],
    annotationCount: card.annotationCount,
    sparkline: sparkline(card.spark, points),
  };
}

/** The response from the series, their cards and the query. */
export function assemble(
  version: DashboardVersion,
  rows: readonly DashboardSeriesRow[],
  cards: readonly SeriesCard[],
  query: DashboardQuery,
): DashboardView {
  const points = query.points ?? DEFAULT_SPARKLINE_POINTS;
  const series: DashboardSeriesView[] = [];
  rows.forEach((row, i) => {
    const card = cards[i]!;
    if (query.variation !== undefined && card.variation !== query.variation) return;
    if (query.assurance !== undefined && (card.assurance ?? 'none') !== query.assurance) return;
    series.push(seriesView(row, card, points));
  });
  return {
    organisation: version.organisation,
    total: rows.length,
    matrix: summaryMatrix(
      rows.map((row, i) => ({ id: row.id, variation: cards[i]!.variation, assurance: cards[i]!.assurance })),
    ),
    series,
  };
}
