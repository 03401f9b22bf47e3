/**
 * @module comparison/funnel
 * A funnel plot of one shared measure across the organisations that record it (spc-method.md §5):
 * each organisation's numerator and denominator over the latest period (or the twelve months up
 * to it) against limits at 95% and 99.8% around the pooled value, widened for overdispersion when
 * φ > 1 (Winsorised z, τ² additive random effects: the engine's `funnel`), each organisation's
 * position in words that say better or worse by the measure's direction, the reader's own
 * organisation highlighted, and each organisation's projects in the library on this measure (so
 * that a team can read how a positive outlier did it). The chart is @groundswell/charts' SVG with
 * its text alternative.
 *
 * Only series the reader may read enter the funnel (auth/visibility.ts), so the pooled value, φ
 * and τ² never carry data they may not see. A measure they may read nowhere is a 404, as an
 * unknown id. `among=granted` keeps the organisations that granted the reader's organisation
 * access: a commissioner's providers side by side.
 */
import { describeFunnel, renderFunnelChart } from '@groundswell/charts';
import { funnel, SpcInputError } from '@groundswell/spc';
import type { Direction, FunnelResult, FunnelType, FunnelUnitResult } from '@groundswell/spc';
import { sql } from 'drizzle-orm';
import { canRead } from '../auth/permissions.js';
import type { Principal } from '../auth/principal.js';
import { visibleTo } from '../auth/visibility.js';
import type { Database } from '../db/types.js';
import { DataError } from '../errors.js';
import type { Measure } from '../measures/repository.js';
import { presentMeasure } from '../measures/presenter.js';
import { requireMeasure } from '../measures/service.js';
import { findOrganisation } from '../organisations/service.js';
import { FUNNEL_LEVELS, funnelPlace } from './funnel-positions.js';
import {
  readFunnelTotals,
  readLatestPeriod,
  readPublishedProjects,
  readScopeOrganisations,
  windowStart,
} from './funnel-repository.js';
import type { FunnelOrganisation, FunnelProject, FunnelScope, FunnelTotals } from './funnel-repository.js';
import type { FunnelPointView, FunnelQuery, FunnelView } from './funnel-schemas.js';
import { readComparisonLevels } from './repository.js';
import type { ComparisonLevel } from './repository.js';

/** The engine's comparison for each data type that has one. */
const FUNNEL_TYPES: Partial<Record<Measure['dataType'], Exclude<FunnelType, 'ratio'>>> = {
  proportion: 'proportion',
  rate: 'ratio-of-counts',
};

/** Which way is better: the measure's direction, else its preset's default (spc-method.md §1). */
export function measureDirection(measure: Measure): Direction {
  return measure.spcOptions.direction ?? (measure.spcOptions.preset === 'nhsr' ? 'increase' : 'neutral');
}

/** The level asked for; without one, the organisations as a whole, or the level most organisations use. */
function chosenLevel(levels: readonly ComparisonLevel[], unit: string | undefined): string | undefined {
  if (unit !== undefined || levels.length === 0 || levels.some((level) => level.unit === null)) return unit;
  let best = levels[0]!;
  for (const level of levels) if (level.organisations > best.organisations) best = level;
  return best.unit ?? undefined;
}

/** The chart's name of each organisation: its name, with its ODS code when another has the same name. */
function labels(totals: readonly FunnelTotals[]): string[] {
  const counts = new Map<string, number>();
  for (const t of totals) counts.set(t.organisation.name, (counts.get(t.organisation.name) ?? 0) + 1);
  return totals.map((t) =>
    counts.get(t.organisation.name)! > 1
      ? `${t.organisation.name} (${t.organisation.odsCode})`
      : t.organisation.name,
  );
}

/** The organisations the reader's organisations were granted access by. */
function grantors(principal: Principal): string[] {
  return principal.kind === 'user' ? principal.grants.map((grant) => grant.organisationId) : [];
}

/** The organisation to highlight: the one asked for, else the reader's first that is in the funnel. */
async function highlightedOrganisation(
  db: Database,
  principal: Principal,
  ref: string | undefined,
  present: ReadonlySet<string>,
): Promise<string | null> {
  if (ref !== undefined) {
    const organisation = await findOrganisation(db, ref, 'organisation');
    return present.has(organisation.id) ? organisation.id : null;
  }
  if (principal.kind !== 'user') return null;
  return principal.memberships.find((m) => present.has(m.organisationId))?.organisationId ?? null;
}

/** A point of the view. */
function pointOf(
  totals: FunnelTotals,
  label: string,
  unit: FunnelUnitResult,
  direction: Direction,
  mine: boolean,
  projects: readonly FunnelProject[],
): FunnelPointView {
  return {
    organisation: totals.organisation,
    label,
    numerator: totals.numerator,
    denominator: totals.denominator,
    periods: totals.periods,
    value: unit.value,
    z: unit.z,
    limits: unit.limits.map(({ level, lower, upper }) => ({ level, lower, upper })),
    ...funnelPlace(unit, direction),
    mine,
    projects: projects.map(({ id, title, stage, aim, publishedAt }) => ({
      id,
      title,
      stage,
      aim,
      publishedAt,
    })),
  };
}

/** What the view says when there is nothing to plot. */
function emptyView(
  base: Omit<
    FunnelView,
    'points' | 'curves' | 'svg' | 'description' | 'target' | 'overdispersion' | 'highlighted'
  >,
  requested: boolean,
  why: string,
): FunnelView {
  return {
    ...base,
    target: null,
    overdispersion: { requested, phi: null, tau2: null, adjusted: false, retained: 0 },
    points: [],
    curves: [],
    highlighted: null,
    svg: null,
    description: why,
  };
}

/**
 * The funnel plot of a shared proportion or rate measure, as the reader may see it (see the module).
 * @throws {DataError} `not_found` (the measure, or the organisation to highlight), `conflict` (a
 *   measure of one organisation, or of a data type with no funnel), `invalid_input`.
 */
export async function funnelOf(
  db: Database,
  principal: Principal,
  measureId: string,
  query: FunnelQuery,
): Promise<FunnelView> {
  return db.transaction(
    async (tx) => {
      const measure = await requireMeasure(tx, measureId);
      const visible = visibleTo(principal, sql`m.visibility`, sql`s.organisation_id`);
      const levels = await readComparisonLevels(tx, measure.id, visible);
      if (levels.length === 0 && !canRead(principal, measure.visibility, measure.ownerOrganisationId)) {
        // The same answer as for an unknown id (measures/service's requireMeasure).
        throw new DataError('not_found', 'no measure has this id', { field: 'id' });
      }
      if (measure.ownerOrganisationId !== null) {
        throw new DataError(
          'conflict',
          'a funnel plot compares organisations on a shared (national) measure: this measure is one organisation’s own',
          { field: 'id', reason: 'not_shared' },
        );
      }
      const type = FUNNEL_TYPES[measure.dataType];
      if (type === undefined) {
        throw new DataError(
          'conflict',
          `a funnel plot needs a proportion or a rate (a numerator and a denominator): this measure is a ${measure.dataType}`,
          { field: 'id', reason: 'no_denominator' },
        );
      }
      const requested = query.overdispersion ?? true;
      const direction = measureDirection(measure);
      const unit = chosenLevel(levels, query.unit);
      const scope: FunnelScope = {
        measureId: measure.id,
        unit,
        visible,
        organisations: query.among === 'granted' ? grantors(principal) : undefined,
      };
      const base = {
        measure: presentMeasure(measure),
        unit: unit ?? null,
        levels,
        window: query.window,
        among: query.among,
        type,
        direction,
      };
      const latest = await readLatestPeriod(tx, scope);
      if (latest === null) {
        return emptyView(
          { ...base, period: null, missing: await readScopeOrganisations(tx, scope), warnings: [] },
          requested,
          'No organisation has data for this measure at this level, so there is no funnel plot.',
        );
      }
      const period = { from: windowStart(query.window, latest), to: latest };
      const all = await readFunnelTotals(tx, scope, period.from, period.to);
      const warnings: string[] = [];
      const totals = type === 'proportion' ? all.filter((t) => t.numerator <= t.denominator) : all;
      if (totals.length < all.length) {
        const left = all.filter((t) => !totals.includes(t)).map((t) => t.organisation.name);
        warnings.push(`Left out: more in the numerator than in the denominator (${left.join(', ')}).`);
      }
      const present = new Set(totals.map((t) => t.organisation.id));
      const missing: FunnelOrganisation[] = (await readScopeOrganisations(tx, scope)).filter(
        (organisation) => !present.has(organisation.id),
      );
      if (totals.length === 0) {
        return emptyView(
          { ...base, period, missing, warnings },
          requested,
          'No organisation has usable data for these periods, so there is no funnel plot.',
        );
      }
      const names = labels(totals);
      let result: FunnelResult;
      try {
        result = funnel(
          totals.map((t, i) => ({ unit: names[i]!, numerator: t.numerator, denominator: t.denominator })),
          { type, limits: FUNNEL_LEVELS, overdispersion: requested },
        );
      } catch (error) {
        if (error instanceof SpcInputError) throw new DataError('conflict', error.message, { field: 'id' });
        throw error;
      }
      const highlighted = await highlightedOrganisation(tx, principal, query.organisation, present);
      const highlight =
        highlighted === null ? undefined : names[totals.findIndex((t) => t.organisation.id === highlighted)];
      const projects = await readPublishedProjects(tx, measure.id, [...present], visible);
      const title = unit === undefined ? measure.name : `${measure.name}: ${unit}`;
      const chartOptions = {
        measure: measure.name,
        highlight,
        unitNoun: ['organisation', 'organisations'] as const,
      };
      return {
        ...base,
        period,
        target: result.target,
        overdispersion: {
          requested,
          phi: result.phi,
          tau2: result.tau2,
          adjusted: result.adjusted,
          retained: result.retained,
        },
        points: totals.map((t, i) =>
          pointOf(
            t,
            names[i]!,
            result.units[i]!,
            direction,
            t.organisation.id === highlighted,
            projects.filter((project) => project.organisationId === t.organisation.id),
          ),
        ),
        curves: result.curves.map((curve) => ({ level: curve.level, z: curve.z, points: [...curve.points] })),
        missing,
        highlighted,
        svg: renderFunnelChart(result, { ...chartOptions, title, idPrefix: 'funnel' }),
        description: describeFunnel(result, chartOptions),
        warnings: [...warnings, ...result.warnings],
      };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}
