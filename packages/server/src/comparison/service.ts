/**
 * @module comparison/service
 * One measure across the organisations that record it: a page of their series at one level (the
 * organisation as a whole, or units of one name such as an A&E department type) in organisation
 * name order, each with the same card as on its organisation's dashboard (its own analysis against
 * its own past; never ranked). Cards are cached by series version (dashboard/card-store), so that
 * a comparison of hundreds of organisations is analysed once and then only read.
 *
 * A reader sees the series of only those organisations whose data of this measure they may read
 * (auth/visibility.ts); a measure they may read nowhere is a 404, the same as an unknown id.
 */
import { sql } from 'drizzle-orm';
import { canRead } from '../auth/permissions.js';
import type { Principal } from '../auth/principal.js';
import { visibleTo } from '../auth/visibility.js';
import type { Database } from '../db/types.js';
import { DataError } from '../errors.js';
import { CardStore } from '../dashboard/card-store.js';
import type { TargetReader } from '../dashboard/card-store.js';
import { DEFAULT_SPARKLINE_POINTS } from '../dashboard/schemas.js';
import { seriesView } from '../dashboard/service.js';
import { presentMeasure } from '../measures/presenter.js';
import { requireMeasure } from '../measures/service.js';
import { encodeCursor, pageLimit } from '../paging.js';
import {
  countComparison,
  readComparisonLevels,
  readComparisonSeries,
  readOrganisationTargets,
} from './repository.js';
import type { ComparisonRow } from './repository.js';
import type { ComparisonQuery, ComparisonView } from './schemas.js';

/** How much the card cache may hold (bytes, as `cardBytes` estimates them; default 32 MiB). */
export interface ComparisonCacheLimits {
  readonly maxCardBytes?: number | undefined;
}

/** The comparisons of one server process, with its card cache. */
export class ComparisonService {
  readonly #db: Database;
  readonly #cards: CardStore;

  constructor(db: Database, limits: ComparisonCacheLimits = {}) {
    this.#db = db;
    this.#cards = new CardStore(limits.maxCardBytes ?? 32 * 2 ** 20);
  }

  /**
   * A page of the comparison, read in one read-only snapshot (repeatable read) so that the counts,
   * the series and their cards agree even while writes go on.
   * @throws {DataError} `not_found` (the measure), `invalid_input` (limit, cursor).
   */
  async compare(principal: Principal, measureId: string, query: ComparisonQuery): Promise<ComparisonView> {
    const limit = pageLimit(query);
    const points = query.points ?? DEFAULT_SPARKLINE_POINTS;
    return this.#db.transaction(
      async (tx) => {
        const measure = await requireMeasure(tx, measureId);
        const visible = visibleTo(principal, sql`m.visibility`, sql`s.organisation_id`);
        const levels = await readComparisonLevels(tx, measure.id, visible);
        if (levels.length === 0 && !canRead(principal, measure.visibility, measure.ownerOrganisationId)) {
          // The same answer as for an unknown id (measures/service's requireMeasure).
          throw new DataError('not_found', 'no measure has this id', { field: 'id' });
        }
        const counts = await countComparison(tx, measure.id, query, visible);
        const rows = await readComparisonSeries(tx, measure.id, query, limit, visible);
        const page = rows.slice(0, limit);
        const targets: TargetReader<ComparisonRow> = async (db, missing) => {
          const timelines = await readOrganisationTargets(
            db,
            measure.id,
            missing.map((row) => row.organisation.id),
          );
          return (row) => timelines.get(row.organisation.id) ?? [];
        };
        const cards = await this.#cards.cardsFor(tx, page, targets);
        const last = page.at(-1);
        return {
          measure: presentMeasure(measure),
          unit: query.unit ?? null,
          levels,
          total: counts.total,
          matching: counts.matching,
          items: page.map((row, i) => ({
            organisation: row.organisation,
            series: seriesView(row, cards[i]!, points),
          })),
          nextCursor:
            rows.length > limit && last !== undefined ? encodeCursor([last.sortKey, last.id]) : null,
        };
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
  }
}
