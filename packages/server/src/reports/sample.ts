/**
 * @module reports/sample
 * A report's content made from synthetic series, without a database: for the PDF tests and the
 * report benchmark (`node scripts/bench.js reports`). Not used by the server.
 */
import type { StoredPoint } from '../analysis/engine.js';
import type { Domain } from '../db/schema/vocabulary.js';
import type { Measure } from '../measures/repository.js';
import type { MeasureTarget } from '../measures/targets.js';
import type { ReportSeriesRow } from './repository.js';
import type { ReportContent } from './schemas.js';
import { reportContent, reportSection } from './section.js';

const DOMAINS: readonly Domain[] = ['safety', 'experience', 'effectiveness', 'workforce', 'finance'];

/** A small deterministic random number generator (mulberry32). */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const id = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** The first of each of `months` months ending with `last` (`YYYY-MM-01`). */
function monthsTo(last: string, months: number): string[] {
  const year = Number(last.slice(0, 4));
  const month = Number(last.slice(5, 7)) - 1;
  return Array.from({ length: months }, (_, i) => {
    const d = new Date(Date.UTC(year, month - (months - 1 - i), 1));
    return d.toISOString().slice(0, 10);
  });
}

/**
 * The content of a report of `measures` synthetic measures (proportions with a ≥ 95% target,
 * values in £, counts), 36 months each up to `period`, across five domains, with commentary on
 * every other one.
 */
export function sampleContent(measures: number, period = '2019-03-01'): ReportContent {
  const rand = seeded(measures);
  const periods = monthsTo(period, 36);
  const sections = Array.from({ length: measures }, (_, i) => {
    const kind = i % 3;
    const measure = {
      id: id(1000 + i),
      ownerOrganisationId: id(1),
      code: `sample-${i + 1}`,
      name:
        kind === 0
          ? `Patients seen within 4 hours (≥ 95%) ${i + 1}`
          : kind === 1
            ? `Agency spend (£ thousands) ${i + 1}`
            : `Falls with harm ${i + 1}`,
      description: '',
      unitLabel: kind === 1 ? '£k' : '',
      dataType: kind === 0 ? 'proportion' : kind === 1 ? 'value' : 'count',
      chartType: kind === 0 ? 'pp' : kind === 1 ? 'xmr' : 'c',
      spcOptions: { direction: kind === 0 ? 'increase' : 'decrease' },
      domain: DOMAINS[i % DOMAINS.length]!,
      owner: null,
      source: null,
      visibility: 'internal',
      frequency: 'month',
      createdAt: new Date(0),
      updatedAt: new Date(0),
    } satisfies Measure;
    const shift = i % 4 === 0 ? 1.15 : 1;
    const points: StoredPoint[] = periods.map((p, k) => {
      const late = k >= 26 ? shift : 1;
      if (kind === 0) {
        const n = 4000 + Math.round(rand() * 800);
        return {
          period: p,
          value: null,
          numerator: Math.round(n * Math.min(0.99, (0.82 + rand() * 0.04) * late)),
          denominator: n,
          ghost: false,
        };
      }
      const value = kind === 1 ? (120 + rand() * 30) * late : Math.round((4 + rand() * 5) * late);
      return { period: p, value, numerator: null, denominator: null, ghost: false };
    });
    const targets: MeasureTarget[] =
      kind === 0
        ? [
            {
              id: 1,
              measureId: measure.id,
              organisationId: null,
              effectiveFrom: '2010-01-01',
              value: 0.95,
              createdAt: new Date(0),
            } as unknown as MeasureTarget,
          ]
        : [];
    const row: ReportSeriesRow = {
      seriesId: id(5000 + i),
      organisationId: id(1),
      seriesOptions: null,
      measure,
      unitId: i % 2 === 0 ? null : id(9000 + i),
      unitName: i % 2 === 0 ? null : `Ward ${i + 1}`,
    };
    const commentary =
      i % 2 === 0
        ? {
            seriesId: row.seriesId,
            period,
            text: `Commentary ${i + 1}: the team reviewed the £ cost and the ≥ 95% standard; actions agreed at the March meeting.`,
            author: 'Sample owner',
            updatedAt: new Date('2019-04-05T10:00:00Z'),
          }
        : undefined;
    return reportSection({ row, points, targets, commentary, period }, i);
  });
  return reportContent(
    {
      definitionId: id(42),
      title: 'Integrated performance report',
      description: 'The board’s monthly view of safety, experience, effectiveness, workforce and finance.',
      organisation: { id: id(1), odsCode: 'RXX', name: 'Sample NHS Trust' },
      period,
      generatedAt: new Date('2019-04-10T09:00:00Z'),
    },
    sections,
  );
}
