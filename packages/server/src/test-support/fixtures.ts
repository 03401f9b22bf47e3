/**
 * @module test-support/fixtures
 * Small builders of valid rows for the database tests.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { DataType } from '../db/schema/vocabulary.js';
import type { Database } from '../db/types.js';
import { DEMO_CSV, DEMO_TRUST, loadDemoData } from '../demo/load.js';
import { createImport } from '../imports/repository.js';
import type { Import } from '../imports/repository.js';
import type { NewMeasure } from '../measures/input.js';
import { createMeasure } from '../measures/repository.js';
import type { Measure } from '../measures/repository.js';
import { createOrganisation, getOrganisationByOdsCode } from '../organisations/repository.js';
import type { NewOrganisation, Organisation } from '../organisations/repository.js';
import { ensureSeries } from '../series/repository.js';
import type { Series } from '../series/repository.js';

/** A random ODS-like code. */
export function odsCode(): string {
  return `T${randomBytes(4).toString('hex').toUpperCase()}`;
}

/** A user id. */
export const USER = '00000000-0000-4000-8000-000000000001';

/** An organisation (a provider with a random ODS code unless overridden). */
export function anOrganisation(
  db: Database,
  overrides: Partial<NewOrganisation> = {},
): Promise<Organisation> {
  return createOrganisation(db, { odsCode: odsCode(), name: 'Test Trust', kind: 'provider', ...overrides });
}

/** A measure of `overrides.dataType` (default `value`) owned by `ownerOrganisationId` (null: shared). */
export function aMeasure(
  db: Database,
  ownerOrganisationId: string | null,
  overrides: Partial<NewMeasure> = {},
): Promise<Measure> {
  return createMeasure(db, {
    ownerOrganisationId,
    name: 'Falls per 1,000 bed days',
    dataType: 'value',
    domain: 'safety',
    frequency: 'month',
    ...overrides,
  });
}

/** An organisation-level series of a new measure of `dataType`, in a new organisation. */
export async function aSeries(
  db: Database,
  dataType: DataType = 'value',
): Promise<{ organisation: Organisation; measure: Measure; series: Series }> {
  const organisation = await anOrganisation(db);
  const measure = await aMeasure(db, organisation.id, { dataType });
  const series = await ensureSeries(db, { measureId: measure.id, organisationId: organisation.id });
  return { organisation, measure, series };
}

/** A running import. */
export function anImport(
  db: Database,
  organisationId: string | null,
  fileName = 'data.csv',
): Promise<Import> {
  return createImport(db, { organisationId, fileName, createdBy: USER });
}

/** `n` monthly periods from January 2020. */
export function months(n: number, from = 2020): string[] {
  return Array.from({ length: n }, (_, i) => {
    const year = from + Math.floor(i / 12);
    return `${year}-${String((i % 12) + 1).padStart(2, '0')}-01`;
  });
}

/**
 * The demo data cut to the demo trust (RF4: its A&E department types and synthetic wards, with
 * the shared A&E measures), quicker to load than every provider.
 */
export async function demoTrust(db: Database): Promise<Organisation> {
  const lines = readFileSync(DEMO_CSV, 'utf8').trim().split('\n');
  const rows = lines.slice(1).filter((line) => line.split(',')[1] === DEMO_TRUST);
  await loadDemoData(db, [lines[0], ...rows].join('\n') + '\n');
  return (await getOrganisationByOdsCode(db, DEMO_TRUST))!;
}
