/**
 * @module dashboard/card-store
 * The series cards of one server process, cached by series version: what the dashboard and the
 * comparison of a measure across organisations both show of a series. A card whose versions are
 * the database's is reused; the others are read (points, annotations, targets) and analysed, in as
 * few queries as there are kinds of thing to read, whatever the number of series.
 */
import { AnalysisCache } from '../analysis/cache.js';
import type { AnalysisVersion } from '../analysis/cache.js';
import type { ChartType } from '@groundswell/spc';
import type { DataType } from '../db/schema/vocabulary.js';
import type { Database } from '../db/types.js';
import type { StoredSpcOptions } from '../measures/spc-options.js';
import { seriesCard } from './cards.js';
import type { SeriesCard } from './cards.js';
import { readAnnotationCounts, readPoints } from './repository.js';
import type { TargetStep } from './repository.js';

/** A series as a card needs it: its id, the versions its analysis was made from, and its measure's options. */
export interface CardSeries extends AnalysisVersion {
  readonly id: string;
  readonly measureId: string;
  readonly chartType: ChartType;
  readonly dataType: DataType;
  readonly spcOptions: StoredSpcOptions;
}

/**
 * Reads the target timelines of the series whose cards must be made, and tells each one's: the
 * dashboard reads one organisation's timelines of many measures, a comparison one measure's
 * timelines of many organisations.
 */
export type TargetReader<S extends CardSeries> = (
  db: Database,
  missing: readonly S[],
) => Promise<(series: S) => readonly TargetStep[]>;

/**
 * About how much memory a card takes, a little over what was measured (6 KB with 60 points, 45 KB
 * with 600): its sparkline columns dominate.
 */
export function cardBytes(card: SeriesCard): number {
  return 2048 + card.spark.periods.length * 80;
}

/** Series cards cached by series and version, bounded by bytes (LRU). */
export class CardStore {
  readonly #cards: AnalysisCache<SeriesCard>;

  /** @param maxBytes bytes of cards kept, as `cardBytes` estimates them. */
  constructor(maxBytes: number) {
    this.#cards = new AnalysisCache({ maxBytes, sizeOf: cardBytes });
  }

  /** Cards held. */
  get size(): number {
    return this.#cards.size;
  }

  /**
   * Each series' card, in the order given: from the cache when its versions match, otherwise read
   * (in `db`: the caller's snapshot) and analysed, then cached.
   */
  async cardsFor<S extends CardSeries>(
    db: Database,
    rows: readonly S[],
    readTargets: TargetReader<S>,
  ): Promise<SeriesCard[]> {
    const cards: (SeriesCard | undefined)[] = rows.map((row) => this.#cards.get(row.id, row));
    const missing = rows.filter((_, i) => cards[i] === undefined);
    if (missing.length === 0) return cards as SeriesCard[];
    const ids = missing.map((row) => row.id);
    // One query after another: inside a transaction there is one connection.
    const points = await readPoints(db, ids);
    const annotations = await readAnnotationCounts(db, ids);
    const targetsOf = await readTargets(db, missing);
    return rows.map((row, i) => {
      const cached = cards[i];
      if (cached !== undefined) return cached;
      const card = seriesCard({
        chartType: row.chartType,
        dataType: row.dataType,
        spcOptions: row.spcOptions,
        points: points.get(row.id) ?? [],
        targets: targetsOf(row),
        annotations: annotations.get(row.id) ?? new Map(),
      });
      this.#cards.set(row.id, row, card);
      return card;
    });
  }
}
