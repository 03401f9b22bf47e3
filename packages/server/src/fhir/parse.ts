/**
 * @module fhir/parse
 * Reading a FHIR R4 MeasureReport, or a Bundle of them, into the points they report: checked
 * one by one in order, and the first problem refused with where it is
 * (`entry[3].resource.period.start`). Pure: which measure, unit and series a report belongs to
 * is decided by the import (import.ts).
 */
import { DataError } from '../errors.js';
import { fieldName } from '../http/error-handler.js';
import { fhirDay } from './periods.js';
import { MeasureReportSchema } from './schemas.js';
import type { MeasureReportInput } from './schemas.js';
import {
  DECIMAL_COUNT_EXTENSION,
  GHOST_EXTENSION,
  MEASURE_POPULATION_SYSTEM,
  measureCodeOf,
  ODS_SYSTEM,
} from './vocabulary.js';

/** One report, read. */
export interface ParsedReport {
  /** Where it is in the body: `entry[3].resource`, or '' for a lone MeasureReport. */
  readonly at: string;
  /** 0-based index of its entry in the Bundle (0 for a lone MeasureReport). */
  readonly index: number;
  /** The measure code of its canonical URL. */
  readonly measureCode: string;
  /** `subject.display`: the unit; null for the organisation as a whole. */
  readonly unit: string | null;
  /** The first day of its period, `YYYY-MM-DD`. */
  readonly start: string;
  /** The last day of its period, if given. */
  readonly end: string | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
  /** `group[0].measureScore.value`. */
  readonly score: number | null;
  /** The ghost extension: null when absent (the stored flag is kept). */
  readonly ghost: boolean | null;
  /** The reporter's ODS code (upper case), when it gives one. */
  readonly reporterOds: string | null;
}

/** `at` and a field below it: `entry[3].resource` + `period.start`. */
export function fieldAt(at: string, field: string): string {
  if (at === '') return field;
  return field === '' ? at : `${at}.${field}`;
}

class Report {
  constructor(
    readonly at: string,
    readonly index: number,
  ) {}

  /** An error naming `field` of this report. */
  refuse(field: string, message: string, reason = 'invalid_report'): DataError {
    const where = fieldAt(this.at, field);
    return new DataError('invalid_input', `${where === '' ? 'the report' : where}: ${message}`, {
      field: where,
      index: this.index,
      reason,
    });
  }
}

const MEASURE_CODE = /^[a-z0-9][a-z0-9_.-]{0,63}$/;

function checkKinds(report: Report, resource: MeasureReportInput): void {
  if (resource.status !== 'complete') {
    throw report.refuse('status', `only complete reports are imported (this one is ${resource.status})`);
  }
  if (resource.type !== 'summary') {
    throw report.refuse(
      'type',
      `only summary reports are imported (this one is ${resource.type}): Groundswell keeps aggregate data only`,
    );
  }
}

function measureCode(report: Report, url: string): string {
  const code = measureCodeOf(url);
  if (code === undefined || !MEASURE_CODE.test(code)) {
    throw report.refuse(
      'measure',
      `must be a measure's canonical URL ending in /Measure/ and its code, such as https://groundswell.example/fhir/Measure/ae-4-hour (got ${JSON.stringify(url)})`,
    );
  }
  return code;
}

function unitOf(report: Report, subject: MeasureReportInput['subject']): string | null {
  if (subject === undefined) return null;
  const display = subject.display?.trim() ?? '';
  if (display === '') {
    throw report.refuse(
      'subject.display',
      'must name the unit (as Groundswell exports it); leave out subject for the organisation as a whole',
    );
  }
  return display;
}

function reporterOf(reporter: MeasureReportInput['reporter']): string | null {
  const identifier = reporter?.identifier;
  if (identifier?.system !== ODS_SYSTEM || identifier.value === undefined) return null;
  return identifier.value.trim().toUpperCase();
}

function period(report: Report, value: MeasureReportInput['period']): { start: string; end: string | null } {
  if (value.start === undefined) throw report.refuse('period.start', 'is required');
  const start = fhirDay(value.start, 'start');
  if (start === undefined) {
    throw report.refuse(
      'period.start',
      `must be a FHIR date or dateTime (got ${JSON.stringify(value.start)})`,
    );
  }
  if (value.end === undefined) return { start, end: null };
  const end = fhirDay(value.end, 'end');
  if (end === undefined) {
    throw report.refuse('period.end', `must be a FHIR date or dateTime (got ${JSON.stringify(value.end)})`);
  }
  if (end < start) throw report.refuse('period.end', `is before the start (${start})`);
  return { start, end };
}

type Group = NonNullable<MeasureReportInput['group']>[number];
type Population = NonNullable<Group['population']>[number];

/** `numerator` or `denominator` when the population is coded as one (HL7's system, or none). */
function populationCode(population: Population): 'numerator' | 'denominator' | undefined {
  for (const coding of population.code?.coding ?? []) {
    if (coding.system !== undefined && coding.system !== MEASURE_POPULATION_SYSTEM) continue;
    if (coding.code === 'numerator' || coding.code === 'denominator') return coding.code;
  }
  return undefined;
}

function populationSize(report: Report, population: Population, field: string): number {
  const decimal = population.extension?.find((extension) => extension.url === DECIMAL_COUNT_EXTENSION);
  const size = population.count ?? decimal?.valueDecimal;
  if (size === undefined) {
    throw report.refuse(`${field}.count`, `is required (or the ${DECIMAL_COUNT_EXTENSION} extension)`);
  }
  if (size < 0) throw report.refuse(`${field}.count`, 'must not be negative');
  return size;
}

function numbers(
  report: Report,
  groups: MeasureReportInput['group'],
): Pick<ParsedReport, 'numerator' | 'denominator' | 'score'> {
  if (groups?.length !== 1) {
    throw report.refuse('group', `a report needs exactly one group (got ${groups?.length ?? 0})`);
  }
  const group = groups[0]!;
  if (group.stratifier !== undefined && group.stratifier.length > 0) {
    throw report.refuse(
      'group[0].stratifier',
      'stratified reports are not imported: send one report per unit',
    );
  }
  const sizes: { numerator?: number; denominator?: number } = {};
  for (const [j, population] of (group.population ?? []).entries()) {
    const code = populationCode(population);
    if (code === undefined) continue;
    const field = `group[0].population[${j}]`;
    if (sizes[code] !== undefined) throw report.refuse(`${field}.code`, `a second ${code}`);
    sizes[code] = populationSize(report, population, field);
  }
  return {
    numerator: sizes.numerator ?? null,
    denominator: sizes.denominator ?? null,
    score: group.measureScore?.value ?? null,
  };
}

function ghostOf(report: Report, extensions: MeasureReportInput['extension']): boolean | null {
  for (const [k, extension] of (extensions ?? []).entries()) {
    if (extension.url !== GHOST_EXTENSION) continue;
    if (extension.valueBoolean === undefined)
      throw report.refuse(`extension[${k}].valueBoolean`, 'is required');
    return extension.valueBoolean;
  }
  return null;
}

/**
 * One resource read as a report.
 * @throws {DataError} `invalid_input` naming the field (`entry[3].resource.period.start`).
 */
export function parseReport(resource: unknown, at: string, index: number): ParsedReport {
  const report = new Report(at, index);
  const parsed = MeasureReportSchema.safeParse(resource);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw report.refuse(fieldName(`/${issue.path.map(String).join('/')}`), issue.message);
  }
  const value = parsed.data;
  checkKinds(report, value);
  return {
    at,
    index,
    measureCode: measureCode(report, value.measure),
    unit: unitOf(report, value.subject),
    ...period(report, value.period),
    ...numbers(report, value.group),
    ghost: ghostOf(report, value.extension),
    reporterOds: reporterOf(value.reporter),
  };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The reports of a body: a MeasureReport, or a Bundle whose every entry is one.
 * @throws {DataError} `invalid_input` naming the field, for the first problem found.
 */
export function parseReports(body: unknown, maxReports: number): ParsedReport[] {
  if (!isObject(body))
    throw new DataError('invalid_input', 'send a FHIR MeasureReport or Bundle', { field: '' });
  if (body.resourceType === 'MeasureReport') return [parseReport(body, '', 0)];
  if (body.resourceType !== 'Bundle') {
    throw new DataError('invalid_input', 'resourceType: must be Bundle or MeasureReport', {
      field: 'resourceType',
    });
  }
  const entries = body.entry;
  if (!Array.isArray(entries) || entries.length === 0) {
    throw new DataError('invalid_input', 'entry: the Bundle has no entries', { field: 'entry' });
  }
  if (entries.length > maxReports) {
    throw new DataError(
      'invalid_input',
      `entry: at most ${maxReports} reports in one import (got ${entries.length}); send several`,
      { field: 'entry', reason: 'too_large' },
    );
  }
  return entries.map((entry: unknown, i) => {
    const resource = isObject(entry) ? entry.resource : undefined;
    if (!isObject(resource)) {
      throw new DataError('invalid_input', `entry[${i}].resource: is required`, {
        field: `entry[${i}].resource`,
        index: i,
      });
    }
    if (resource.resourceType !== 'MeasureReport') {
      throw new DataError(
        'invalid_input',
        `entry[${i}].resource.resourceType: only MeasureReports are imported (got ${JSON.stringify(resource.resourceType)})`,
        { field: `entry[${i}].resource.resourceType`, index: i },
      );
    }
    return parseReport(resource, `entry[${i}].resource`, i);
  });
}
