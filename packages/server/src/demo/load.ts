/**
 * @module demo/load
 * Loads the demo data on first start: every A&E provider of the bundled NHS data set as an
 * organisation (its department types as units) with the shared A&E measures, and one demo trust
 * with synthetic ward-level safety and experience measures. Loading twice adds nothing.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Database } from '../db/types.js';
import { createImport, finishImport } from '../imports/repository.js';
import { createMeasure, getMeasureByCode } from '../measures/repository.js';
import { setTarget } from '../measures/targets.js';
import type { ObservationInput } from '../observations/input.js';
import type { MergeCounts } from '../observations/merge.js';
import { upsertObservations } from '../observations/repository.js';
import { createOrganisation, getOrganisationByOdsCode } from '../organisations/repository.js';
import { ensureSeries } from '../series/repository.js';
import { createUnit } from '../units/repository.js';
import { AE_MEASURES, DEPARTMENT_TYPES, FOUR_HOUR_TARGET } from './ae-measures.js';
import { addDemoCapability } from './capability.js';
import { addDemoSurvey } from './surveys.js';
import { addDemoGoals } from './goals.js';
import { addDemoPublicProfile } from './public.js';
import { parseAeCsv, type AeRow } from './ae-rows.js';
import { addDemoUsers } from './users.js';
import { addDemoReports } from './reports.js';
import { addDemoCommissioner } from './commissioner.js';
import { addOutlierDemo } from './outlier-projects.js';
import { binomial, DEMO_TREE, poisson, seeded, SYNTHETIC_MEASURES, SYNTHETIC_SOURCE } from './synthetic.js';

/** The bundled A&E file (data/demo/ae_attendances.csv at the repository root). */
export const DEMO_CSV = fileURLToPath(new URL('../../../../data/demo/ae_attendances.csv', import.meta.url));

/** The provider that also gets synthetic wards. */
export const DEMO_TRUST = 'RF4';

export interface DemoSummary {
  /** False when the demo data were already there (nothing was written). */
  readonly loaded: boolean;
  readonly organisations: number;
  readonly series: number;
  readonly observations: number;
}

const BATCH = 5_000;

async function writeRows(db: Database, rows: ObservationInput[], importId: string): Promise<MergeCounts> {
  const total = { added: 0, changed: 0, unchanged: 0 };
  for (let i = 0; i < rows.length; i += BATCH) {
    const c = await upsertObservations(db, rows.slice(i, i + BATCH), { importId });
    total.added += c.added;
    total.changed += c.changed;
    total.unchanged += c.unchanged;
  }
  return total;
}

/** Loads the A&E providers; returns the observation rows to write and the number of series. */
async function aeRows(
  db: Database,
  data: readonly AeRow[],
): Promise<{ rows: ObservationInput[]; series: number; organisations: Map<string, string> }> {
  const measures = {
    attendances: await createMeasure(db, AE_MEASURES.attendances),
    fourHour: await createMeasure(db, AE_MEASURES.fourHour),
    admissions: await createMeasure(db, AE_MEASURES.admissions),
    conversion: await createMeasure(db, AE_MEASURES.conversion),
  };
  await setTarget(db, { measureId: measures.fourHour.id, ...FOUR_HOUR_TARGET });

  const organisations = new Map<string, string>();
  const units = new Map<string, string>();
  const series = new Map<string, string>();
  const rows: ObservationInput[] = [];
  const seriesId = async (measureId: string, orgId: string, unitId: string): Promise<string> => {
    const key = `${measureId}/${unitId}`;
    let id = series.get(key);
    if (id === undefined) {
      id = (await ensureSeries(db, { measureId, organisationId: orgId, unitId })).id;
      series.set(key, id);
    }
    return id;
  };
  for (const r of data) {
    let orgId = organisations.get(r.orgCode);
    if (orgId === undefined) {
      orgId = (
        await createOrganisation(db, {
          odsCode: r.orgCode,
          name: `NHS provider ${r.orgCode}`,
          kind: 'provider',
        })
      ).id;
      organisations.set(r.orgCode, orgId);
    }
    const unitKey = `${r.orgCode}/${r.type}`;
    let unitId = units.get(unitKey);
    if (unitId === undefined) {
      unitId = (
        await createUnit(db, {
          organisationId: orgId,
          kind: 'directorate',
          name: DEPARTMENT_TYPES[r.type] ?? `A&E type ${r.type}`,
        })
      ).id;
      units.set(unitKey, unitId);
    }
    rows.push({
      seriesId: await seriesId(measures.attendances.id, orgId, unitId),
      period: r.period,
      value: r.attendances,
    });
    rows.push({
      seriesId: await seriesId(measures.admissions.id, orgId, unitId),
      period: r.period,
      value: r.admissions,
    });
    if (r.attendances > 0) {
      rows.push({
        seriesId: await seriesId(measures.fourHour.id, orgId, unitId),
        period: r.period,
        numerator: r.attendances - Math.min(r.breaches, r.attendances),
        denominator: r.attendances,
      });
      rows.push({
        seriesId: await seriesId(measures.conversion.id, orgId, unitId),
        period: r.period,
        numerator: Math.min(r.admissions, r.attendances),
        denominator: r.attendances,
      });
    }
  }
  return { rows, series: series.size, organisations };
}

/** The demo trust's divisions and wards, with 36 months of synthetic ward measures. */
async function syntheticRows(
  db: Database,
  trustId: string,
): Promise<{ rows: ObservationInput[]; series: number }> {
  const rand = seeded(20_260_401);
  const measures = {
    falls: await createMeasure(db, {
      ...SYNTHETIC_MEASURES.falls,
      ownerOrganisationId: trustId,
      source: SYNTHETIC_SOURCE,
    }),
    pressureUlcers: await createMeasure(db, {
      ...SYNTHETIC_MEASURES.pressureUlcers,
      ownerOrganisationId: trustId,
      source: SYNTHETIC_SOURCE,
    }),
    recommend: await createMeasure(db, {
      ...SYNTHETIC_MEASURES.recommend,
      ownerOrganisationId: trustId,
      source: SYNTHETIC_SOURCE,
    }),
  };
  await setTarget(db, { measureId: measures.recommend.id, effectiveFrom: '2016-04-01', value: 0.9 });
  const rows: ObservationInput[] = [];
  let series = 0;
  for (const { division, wards } of DEMO_TREE) {
    const divisionId = (await createUnit(db, { organisationId: trustId, kind: 'division', name: division }))
      .id;
    for (const [w, ward] of wards.entries()) {
      const wardId = (
        await createUnit(db, { organisationId: trustId, parentId: divisionId, kind: 'ward', name: ward })
      ).id;
      const key = { organisationId: trustId, unitId: wardId };
      const falls = (await ensureSeries(db, { measureId: measures.falls.id, ...key })).id;
      const ulcers = (await ensureSeries(db, { measureId: measures.pressureUlcers.id, ...key })).id;
      const recommend = (await ensureSeries(db, { measureId: measures.recommend.id, ...key })).id;
      series += 3;
      // The first ward improves its falls rate from month 20 (a falls project), so the demo shows
      // special-cause improvement; the others are stable.
      for (let m = 0; m < 36; m++) {
        const period = `${2016 + Math.floor((m + 3) / 12)}-${String(((m + 3) % 12) + 1).padStart(2, '0')}-01`;
        const bedDays = 700 + Math.round(rand() * 200);
        const fallsRate = (w === 0 && m >= 20 ? 3.5 : 6.5) / 1000;
        rows.push({
          seriesId: falls,
          period,
          numerator: poisson(rand, fallsRate * bedDays),
          denominator: bedDays / 1000,
        });
        rows.push({ seriesId: ulcers, period, value: poisson(rand, 2.2) });
        const responses = 40 + Math.round(rand() * 60);
        rows.push({
          seriesId: recommend,
          period,
          numerator: binomial(rand, responses, 0.92),
          denominator: responses,
        });
      }
    }
  }
  return { rows, series };
}

/**
 * Loads the demo data unless it is already there (the shared A&E measures exist).
 * @param csvText the A&E CSV; by default the bundled file.
 */
export async function loadDemoData(db: Database, csvText?: string): Promise<DemoSummary> {
  if ((await getMeasureByCode(db, null, AE_MEASURES.attendances.code)) !== undefined) {
    // Demo data loaded before the demo users existed get them now.
    const trust = await getOrganisationByOdsCode(db, DEMO_TRUST);
    if (trust !== undefined) await addDemoUsers(db, trust.id);
    if (trust !== undefined) await addDemoCapability(db, trust.id);
    if (trust !== undefined) await addDemoSurvey(db, trust.id);
    if (trust !== undefined) await addDemoReports(db, trust.id);
    if (trust !== undefined) await addDemoPublicProfile(db, trust.id);
    if (trust !== undefined) await addDemoCommissioner(db, trust.id);
    if (csvText === undefined) await addOutlierDemo(db);
    return { loaded: false, organisations: 0, series: 0, observations: 0 };
  }
  const data = parseAeCsv(csvText ?? readFileSync(DEMO_CSV, 'utf8'));
  const ae = await aeRows(db, data);
  const trustId = ae.organisations.get(DEMO_TRUST) ?? (await getOrganisationByOdsCode(db, DEMO_TRUST))?.id;
  const synthetic = trustId === undefined ? { rows: [], series: 0 } : await syntheticRows(db, trustId);
  const demoImport = await createImport(db, {
    organisationId: null,
    fileName: 'demo data (ae_attendances.csv and synthetic wards)',
  });
  const counts = await writeRows(db, [...ae.rows, ...synthetic.rows], demoImport.id);
  await finishImport(db, demoImport.id, counts);
  if (trustId !== undefined) await addDemoGoals(db, trustId);
  if (trustId !== undefined) await addDemoUsers(db, trustId);
  if (trustId !== undefined) await addDemoCapability(db, trustId);
  if (trustId !== undefined) await addDemoSurvey(db, trustId);
  if (trustId !== undefined) await addDemoReports(db, trustId);
  if (trustId !== undefined) await addDemoPublicProfile(db, trustId);
  if (trustId !== undefined) await addDemoCommissioner(db, trustId);
  if (csvText === undefined) await addOutlierDemo(db);
  return {
    loaded: true,
    organisations: ae.organisations.size,
    series: ae.series + synthetic.series,
    observations: counts.added,
  };
}
