/**
 * @module imports/series-directory
 * Finds the series a row of a file belongs to, from the text of its organisation (ODS code),
 * measure (code or name) and unit (name, or path "Medicine / Ward 10", as units/names.ts reads
 * them) cells. Each organisation's
 * measures, units and series are read once, on first use; a series that does not exist yet is
 * given an id at once and created with the others by `createPending` (inside the import's
 * transaction, so a preview leaves nothing behind).
 */
import { randomUUID } from 'node:crypto';
import { eq, isNull, or } from 'drizzle-orm';
import { measures, measureSeries, organisations, units } from '../db/schema.js';
import type { DataType } from '../db/schema/vocabulary.js';
import type { Database } from '../db/types.js';
import { unitNames } from '../units/names.js';
import type { UnitNames } from '../units/names.js';

/** A row's series, or why there is none. */
export type Resolution =
  | {
      readonly ok: true;
      readonly seriesId: string;
      readonly dataType: DataType;
      readonly measureCode: string;
      /** The series was created by this import. */
      readonly created: boolean;
    }
  | { readonly ok: false; readonly field: 'organisation' | 'measure' | 'unit'; readonly message: string };

interface MeasureEntry {
  readonly id: string;
  readonly code: string;
  readonly dataType: DataType;
}

/** One organisation's lookups. */
interface OrganisationEntry {
  readonly id: string;
  readonly odsCode: string;
  /** By lower-case code or name; `null`: several measures share this name. */
  readonly measures: Map<string, MeasureEntry | null>;
  /** Units by name or path. */
  readonly units: UnitNames;
  readonly unitNames: readonly string[];
  /** By `measureId|unitId`. */
  readonly series: Map<string, string>;
}

const normal = (text: string): string => text.trim().replace(/\s+/g, ' ').toLowerCase();
/** A path may be written with /, > or \ between the names. */
const PATH_SEPARATOR = /\s*(?:\/|>|\\)\s*/g;

function put<T>(map: Map<string, T | null>, key: string, value: T): void {
  if (key === '') return;
  const existing = map.get(key);
  if (existing === undefined) map.set(key, value);
  else if (existing !== value) map.set(key, null);
}

/** Resolves rows to series for one organisation's import, or for a national one. */
export class SeriesDirectory {
  private readonly byOds = new Map<string, OrganisationEntry | null>();
  private readonly byId = new Map<string, OrganisationEntry>();
  /** Resolutions by organisation, measure and unit cell (nested, so no key is built per row). */
  private readonly memo = new Map<string, Map<string, Map<string, Resolution>>>();
  private memoSize = 0;
  private loaded: Promise<DirectoryRows> | undefined;
  /** Series created so far. */
  created = 0;
  /** Series to create (`createPending`). */
  private pending: (typeof measureSeries.$inferInsert)[] = [];

  /** @param organisationId the importing organisation; null for a national import (ODS codes per row). */
  constructor(
    private readonly db: Database,
    private readonly organisationId: string | null,
  ) {}

  /** Creates the series that rows were given for but did not exist, a thousand to a statement. */
  async createPending(): Promise<void> {
    const pending = this.pending;
    this.pending = [];
    for (let i = 0; i < pending.length; i += 1000) {
      await this.db.insert(measureSeries).values(pending.slice(i, i + 1000));
    }
  }

  /** The series of a row if these cells have been resolved before (no database needed). */
  known(organisation: string, measure: string, unit: string): Resolution | undefined {
    return this.memo.get(organisation)?.get(measure)?.get(unit);
  }

  /**
   * The series of a row. `organisation` is the ODS code cell (national imports only), `unit` may
   * be empty (the organisation as a whole).
   */
  async resolve(organisation: string, measure: string, unit: string): Promise<Resolution> {
    let resolution = this.known(organisation, measure, unit);
    if (resolution === undefined) {
      resolution = await this.resolveUncached(organisation, measure, unit);
      if (this.memoSize++ < 100_000) {
        let byMeasure = this.memo.get(organisation);
        if (byMeasure === undefined) {
          byMeasure = new Map<string, Map<string, Resolution>>();
          this.memo.set(organisation, byMeasure);
        }
        let byUnit = byMeasure.get(measure);
        if (byUnit === undefined) {
          byUnit = new Map<string, Resolution>();
          byMeasure.set(measure, byUnit);
        }
        byUnit.set(unit, resolution);
      }
    }
    return resolution;
  }

  private async resolveUncached(organisation: string, measure: string, unit: string): Promise<Resolution> {
    const org = await this.organisation(organisation);
    if (org === null) {
      return organisation.trim() === ''
        ? { ok: false, field: 'organisation', message: 'the organisation (ODS code) is empty' }
        : {
            ok: false,
            field: 'organisation',
            message: `no organisation has the ODS code "${organisation.trim()}"`,
          };
    }
    const found = org.measures.get(normal(measure));
    if (found == null) {
      return {
        ok: false,
        field: 'measure',
        message:
          measure.trim() === ''
            ? 'the measure is empty'
            : found === null
              ? `several measures are named "${measure.trim()}": use the measure's code`
              : `${org.odsCode} has no measure with the code or name "${measure.trim()}"`,
      };
    }
    let unitId: string | null = null;
    if (unit.trim() !== '') {
      const match = org.units.find(unit.trim().replace(PATH_SEPARATOR, ' / '));
      if ('problem' in match) {
        const names = org.unitNames.slice(0, 12).join('", "');
        return {
          ok: false,
          field: 'unit',
          message:
            match.problem === 'ambiguous'
              ? `several units of ${org.odsCode} are named "${unit.trim()}": give its path, such as "Division / ${unit.trim()}"`
              : `${org.odsCode} has no unit named "${unit.trim()}"` +
                (names === '' ? ' (it has no units)' : ` (its units include "${names}")`),
        };
      }
      unitId = match.unitId;
    }
    const seriesKey = `${found.id}|${unitId ?? ''}`;
    let seriesId = org.series.get(seriesKey);
    let created = false;
    if (seriesId === undefined) {
      // Created with the others in one statement (`createPending`), before any point is merged.
      seriesId = randomUUID();
      this.pending.push({ id: seriesId, measureId: found.id, organisationId: org.id, unitId });
      org.series.set(seriesKey, seriesId);
      this.created++;
      created = true;
    }
    return { ok: true, seriesId, dataType: found.dataType, measureCode: found.code, created };
  }

  private async organisation(cell: string): Promise<OrganisationEntry | null> {
    const rows = await this.rows();
    if (this.organisationId !== null) return this.entry(rows, this.organisationId);
    const ods = cell.trim().toUpperCase();
    if (ods === '') return null;
    let entry = this.byOds.get(ods);
    if (entry === undefined) {
      const id = rows.organisationIds.get(ods);
      entry = id === undefined ? null : this.entry(rows, id);
      this.byOds.set(ods, entry);
    }
    return entry;
  }

  /**
   * Everything the lookups need, read once in four queries: for one organisation's import its
   * own rows (and the shared measures); for a national import every organisation's, so that a
   * file of a thousand organisations costs four queries, not thousands.
   */
  private rows(): Promise<DirectoryRows> {
    this.loaded ??= loadRows(this.db, this.organisationId);
    return this.loaded;
  }

  private entry(rows: DirectoryRows, organisationId: string): OrganisationEntry {
    const known = this.byId.get(organisationId);
    if (known !== undefined) return known;
    const byKey = new Map<string, MeasureEntry | null>();
    // Codes first, the organisation's own before shared ones; then names.
    const ordered = [...(rows.measures.get(organisationId) ?? []), ...(rows.measures.get(null) ?? [])];
    for (const m of ordered) if (!byKey.has(m.code)) byKey.set(m.code, m);
    for (const m of ordered) if (!byKey.has(normal(m.name))) put(byKey, normal(m.name), m);
    const unitRows = rows.units.get(organisationId) ?? [];
    const entry: OrganisationEntry = {
      id: organisationId,
      odsCode: rows.odsCodes.get(organisationId) ?? organisationId,
      measures: byKey,
      units: unitNames(unitRows),
      unitNames: unitRows.map((u) => u.name).sort((a, b) => a.localeCompare(b)),
      series: new Map(
        (rows.series.get(organisationId) ?? []).map((s) => [`${s.measureId}|${s.unitId ?? ''}`, s.id]),
      ),
    };
    this.byId.set(organisationId, entry);
    return entry;
  }
}

interface UnitRow {
  readonly id: string;
  readonly parentId: string | null;
  readonly name: string;
}

interface DirectoryRows {
  readonly organisationIds: Map<string, string>;
  readonly odsCodes: Map<string, string>;
  /** By owner (null: shared). */
  readonly measures: Map<string | null, (MeasureEntry & { name: string })[]>;
  readonly units: Map<string, UnitRow[]>;
  readonly series: Map<string, { id: string; measureId: string; unitId: string | null }[]>;
}

function groupBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group === undefined) groups.set(k, [row]);
    else group.push(row);
  }
  return groups;
}

/** One organisation's rows (and the shared measures), or (null) every organisation's. */
async function loadRows(db: Database, organisationId: string | null): Promise<DirectoryRows> {
  const orgs = await db
    .select({ id: organisations.id, odsCode: organisations.odsCode })
    .from(organisations)
    .where(organisationId === null ? undefined : eq(organisations.id, organisationId));
  const measureRows = await db
    .select({
      id: measures.id,
      owner: measures.ownerOrganisationId,
      code: measures.code,
      name: measures.name,
      dataType: measures.dataType,
    })
    .from(measures)
    .where(
      organisationId === null
        ? undefined
        : or(isNull(measures.ownerOrganisationId), eq(measures.ownerOrganisationId, organisationId)),
    );
  const unitRows = await db
    .select({
      id: units.id,
      organisationId: units.organisationId,
      parentId: units.parentId,
      name: units.name,
    })
    .from(units)
    .where(organisationId === null ? undefined : eq(units.organisationId, organisationId));
  const seriesRows = await db
    .select({
      id: measureSeries.id,
      organisationId: measureSeries.organisationId,
      measureId: measureSeries.measureId,
      unitId: measureSeries.unitId,
    })
    .from(measureSeries)
    .where(organisationId === null ? undefined : eq(measureSeries.organisationId, organisationId));
  return {
    organisationIds: new Map(orgs.map((o) => [o.odsCode, o.id])),
    odsCodes: new Map(orgs.map((o) => [o.id, o.odsCode])),
    measures: groupBy(measureRows, (m) => m.owner),
    units: groupBy(unitRows, (u) => u.organisationId),
    series: groupBy(seriesRows, (s) => s.organisationId),
  };
}
