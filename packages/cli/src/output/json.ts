/**
 * @module output/json
 * One group's analysis as JSON, with periods written as dates.
 */
import type { ResolvedOptions, SpcAnalysis } from '@groundswell/spc';
import { formatPeriod, type PeriodKind } from '../input/periods.js';

export interface GroupJsonOptions {
  readonly groupColumns: readonly string[];
  readonly key: readonly string[];
  readonly kind: PeriodKind;
  readonly summaryOnly: boolean;
}

/** Options with their periods (rebase dates, baseline end) in ISO form. */
export function readableOptions(options: ResolvedOptions, kind: PeriodKind): ResolvedOptions {
  const fmt = (p: number | string): string => (typeof p === 'number' ? formatPeriod(p, kind) : p);
  const { baseline } = options;
  return {
    ...options,
    rebaseAt: options.rebaseAt.map(fmt),
    baseline: baseline !== null && 'until' in baseline ? { until: fmt(baseline.until) } : baseline,
  };
}

/** The analysis with every period (points, rebase options, baseline date) in ISO form. */
export function withReadablePeriods(a: SpcAnalysis, kind: PeriodKind): SpcAnalysis {
  return {
    ...a,
    options: readableOptions(a.options, kind),
    points: a.points.map((p) => ({
      ...p,
      period: typeof p.period === 'number' ? formatPeriod(p.period, kind) : p.period,
    })),
  };
}

export function groupJson(a: SpcAnalysis, o: GroupJsonOptions): string {
  const readable = withReadablePeriods(a, o.kind);
  const group = Object.fromEntries(o.groupColumns.map((c, i) => [c, o.key[i]!]));
  return JSON.stringify({
    group,
    summary: readable.summary,
    warnings: readable.warnings,
    partitions: readable.partitions,
    ...(o.summaryOnly ? {} : { points: readable.points }),
  });
}
