/**
 * @module measures/input
 * Checking a measure definition before it is stored.
 */
import type { ChartType } from '@groundswell/spc';
import type { measures } from '../db/schema.js';
import {
  CHART_TYPES,
  CHART_TYPES_BY_DATA_TYPE,
  DATA_TYPES,
  DOMAINS,
  FREQUENCIES,
  VISIBILITIES,
} from '../db/schema/vocabulary.js';
import type { DataType, Domain, Frequency, Visibility } from '../db/schema/vocabulary.js';
import { DataError } from '../errors.js';
import { requiredText, requireOneOf, requireUuid } from '../validation.js';
import { parseSpcOptions } from './spc-options.js';
import type { StoredSpcOptions } from './spc-options.js';

/** What it takes to define a measure. */
export interface NewMeasure {
  /** The organisation that owns the definition, or null for a shared (national) definition. */
  readonly ownerOrganisationId: string | null;
  /** A stable key (`ae-4hr`), unique per owner; made from the name when absent. */
  readonly code?: string | undefined;
  readonly name: string;
  readonly description?: string | undefined;
  /** What the numbers count: `%`, `patients`, `days`... */
  readonly unitLabel?: string | undefined;
  readonly dataType: DataType;
  /** Default: the usual chart for the data type (xmr, p, u, c or t). */
  readonly chartType?: ChartType | undefined;
  /** Checked as the SPC engine would check them; see `StoredSpcOptions`. */
  readonly spcOptions?: StoredSpcOptions | undefined;
  readonly domain: Domain;
  /** The person or role accountable (`Chief Nurse`). */
  readonly owner?: string | null | undefined;
  /** Where the data come from (`SUS`, `Datix`, `NHS England A&E statistics`). */
  readonly source?: string | null | undefined;
  /** Default `internal`. */
  readonly visibility?: Visibility | undefined;
  readonly frequency: Frequency;
}

/** The fields of a definition that can change (not the owner). */
export type MeasurePatch = Partial<Omit<NewMeasure, 'ownerOrganisationId'>>;

type MeasureValues = typeof measures.$inferInsert;

const CODE = /^[a-z0-9][a-z0-9_.-]{0,63}$/;

/** A code made from a name: `A&E 4-hour performance` → `a-e-4-hour-performance`. */
export function codeFromName(name: string): string {
  const code = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
  return code === '' ? 'measure' : code;
}

function checkCode(code: string): string {
  if (!CODE.test(code)) {
    throw new DataError(
      'invalid_input',
      'code must be 1 to 64 lower-case letters, digits, dots, dashes or underscores, starting with a letter or digit',
      { field: 'code' },
    );
  }
  return code;
}

function optionalText(
  field: string,
  value: string | null | undefined,
  maxLength: number,
): string | null | undefined {
  if (value === undefined || value === null) return value;
  const text = value.trim();
  if (text.length > maxLength) {
    throw new DataError('invalid_input', `${field} must be at most ${maxLength} characters`, { field });
  }
  return text === '' ? null : text;
}

/** Checks each field present in `patch`, leaving absent ones out. */
export function checkMeasureFields(patch: MeasurePatch): Partial<MeasureValues> {
  const values: Partial<MeasureValues> = {};
  if (patch.code !== undefined) values.code = checkCode(patch.code);
  if (patch.name !== undefined) values.name = requiredText('name', patch.name, 200);
  if (patch.description !== undefined) values.description = patch.description.trim().slice(0, 10_000);
  if (patch.unitLabel !== undefined) values.unitLabel = patch.unitLabel.trim().slice(0, 50);
  if (patch.dataType !== undefined) values.dataType = requireOneOf('dataType', patch.dataType, DATA_TYPES);
  if (patch.chartType !== undefined)
    values.chartType = requireOneOf('chartType', patch.chartType, CHART_TYPES);
  if (patch.spcOptions !== undefined) values.spcOptions = parseSpcOptions(patch.spcOptions);
  if (patch.domain !== undefined) values.domain = requireOneOf('domain', patch.domain, DOMAINS);
  const owner = optionalText('owner', patch.owner, 200);
  if (owner !== undefined) values.owner = owner;
  const source = optionalText('source', patch.source, 500);
  if (source !== undefined) values.source = source;
  if (patch.visibility !== undefined)
    values.visibility = requireOneOf('visibility', patch.visibility, VISIBILITIES);
  if (patch.frequency !== undefined)
    values.frequency = requireOneOf('frequency', patch.frequency, FREQUENCIES);
  return values;
}

/** The chart type to store: `requested` if it suits the data type, the usual one if none was asked for. */
export function fittingChartType(dataType: DataType, requested: ChartType | undefined): ChartType {
  const fitting = CHART_TYPES_BY_DATA_TYPE[dataType];
  if (requested === undefined) return fitting[0]!;
  if (fitting.includes(requested)) return requested;
  throw new DataError(
    'invalid_input',
    `chartType ${requested} does not suit ${dataType} data (use ${fitting.join(', ')})`,
    { field: 'chartType' },
  );
}

/** Checks a new definition and fills in the defaults. */
export function checkNewMeasure(input: NewMeasure): MeasureValues {
  const fields = checkMeasureFields(input);
  const { name, dataType, domain, frequency } = fields;
  if (name === undefined) throw new DataError('invalid_input', 'name is required', { field: 'name' });
  if (dataType === undefined)
    throw new DataError('invalid_input', 'dataType is required', { field: 'dataType' });
  if (domain === undefined) throw new DataError('invalid_input', 'domain is required', { field: 'domain' });
  if (frequency === undefined)
    throw new DataError('invalid_input', 'frequency is required', { field: 'frequency' });
  return {
    ...fields,
    ownerOrganisationId:
      input.ownerOrganisationId === null
        ? null
        : requireUuid('ownerOrganisationId', input.ownerOrganisationId),
    code: fields.code ?? codeFromName(name),
    name,
    dataType,
    chartType: fittingChartType(dataType, fields.chartType),
    domain,
    frequency,
  };
}
