/**
 * @module db/schema/vocabulary
 * The closed lists of the data model. Each is stored as `text` with a CHECK constraint (not a
 * PostgreSQL enum type), so adding a value later is one migration that replaces the constraint.
 */
import type { ChartType } from '@groundswell/spc';

/** What an organisation is: an NHS provider (trust), a commissioner (ICB) or a network. */
export const ORGANISATION_KINDS = ['provider', 'commissioner', 'network'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** The levels of an organisation's unit tree. */
export const UNIT_KINDS = ['division', 'directorate', 'ward', 'team'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/**
 * What one observation holds. `value`: a continuous value; `proportion`: numerator out of
 * denominator; `rate`: events (numerator) per exposure (denominator); `count`: a whole number;
 * `events`: one observation per date on which events happened.
 */
export const DATA_TYPES = ['value', 'proportion', 'rate', 'count', 'events'] as const;
export type DataType = (typeof DATA_TYPES)[number];

/** Every chart type of the SPC engine. */
export const CHART_TYPES = [
  'xmr',
  't',
  'g',
  'run',
  'p',
  'pp',
  'u',
  'up',
  'c',
] as const satisfies readonly ChartType[];

/** The chart types that suit each data type (enforced by a CHECK constraint on measures). */
export const CHART_TYPES_BY_DATA_TYPE: Readonly<Record<DataType, readonly ChartType[]>> = {
  value: ['xmr', 'run'],
  proportion: ['p', 'pp', 'run', 'xmr'],
  rate: ['u', 'up', 'run', 'xmr'],
  count: ['c', 'xmr', 'run'],
  events: ['t', 'g'],
};

/** The area of quality a measure belongs to. */
export const DOMAINS = ['safety', 'experience', 'effectiveness', 'workforce', 'finance', 'other'] as const;
export type Domain = (typeof DOMAINS)[number];

/** Who may see a measure's data: its organisation's named people, all its staff, or everyone. */
export const VISIBILITIES = ['private', 'internal', 'public'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

/** How often a measure is recorded. `irregular`: whenever it happens (events). */
export const FREQUENCIES = ['day', 'week', 'month', 'quarter', 'year', 'irregular'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

/**
 * The life of an import. A file is `uploaded` (parsed, checked for patient identifiers, stored),
 * `previewing` while its mapping is checked against every row, `previewed` with its problems and
 * what a commit would do, `running` while it is committed (API batches and bulk loads start here),
 * then `succeeded` or `failed`.
 */
export const IMPORT_STATUSES = [
  'uploaded',
  'previewing',
  'previewed',
  'running',
  'succeeded',
  'failed',
] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** The statuses of an import that is over. */
export const FINISHED_IMPORT_STATUSES = ['succeeded', 'failed'] as const satisfies readonly ImportStatus[];

/** What an import was read from: a CSV or Excel file, FHIR MeasureReports, or an API batch. */
export const IMPORT_FORMATS = ['csv', 'xlsx', 'fhir', 'api'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/**
 * A person's role in an organisation (issue 6), least to most trusted in what they may change:
 * `staff` see their organisation's internal measures; `improver` also annotates and analyses
 * series and imports data; `unit_lead` as improver, for a unit's work; `qi_lead` also defines
 * measures and sees private ones; `executive` (board) reads everything and the audit log;
 * `administrator` also manages units, members and the organisation's sign-in.
 */
export const ROLES = ['staff', 'improver', 'unit_lead', 'qi_lead', 'executive', 'administrator'] as const;
export type Role = (typeof ROLES)[number];

/** A person's account: `invited` (not yet signed in), `active`, or `deactivated` (cannot sign in). */
export const USER_STATUSES = ['invited', 'active', 'deactivated'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

/**
 * What one organisation lets another see (a provider granting its commissioner): `published`, its
 * public measures and the progress on them; `internal`, also its internal measures (never private
 * ones, and never a write).
 */
export const GRANT_SCOPES = ['published', 'internal'] as const;
export type GrantScope = (typeof GRANT_SCOPES)[number];

/** What a personal API token may do: read data, also import and change data. */
export const TOKEN_SCOPES = ['read', 'write'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/**
 * A QI project's stage (issue 7), in order: an `idea` not yet worked on; `planning` (aim, team,
 * measures, driver diagram); `testing` changes in PDSA cycles; `implementing` what worked;
 * `spreading` it to other units; `sustaining` the gain; `complete`; or `stopped`.
 */
export const PROJECT_STAGES = [
  'idea',
  'planning',
  'testing',
  'implementing',
  'spreading',
  'sustaining',
  'complete',
  'stopped',
] as const;
export type ProjectStage = (typeof PROJECT_STAGES)[number];

/** A person's part in a project's team. */
export const PROJECT_ROLES = ['lead', 'sponsor', 'coach', 'member'] as const;
export type ProjectRole = (typeof PROJECT_ROLES)[number];

/**
 * How a measure serves a project (IHI Model for Improvement): `outcome` (the aim itself),
 * `process` (are the changes being made), `balancing` (is something else getting worse).
 */
export const PROJECT_MEASURE_KINDS = ['outcome', 'process', 'balancing'] as const;
export type ProjectMeasureKind = (typeof PROJECT_MEASURE_KINDS)[number];

/** The columns of a driver diagram after its aim, left to right. */
export const DRIVER_KINDS = ['primary', 'secondary', 'change_idea'] as const;
export type DriverKind = (typeof DRIVER_KINDS)[number];

/** What a PDSA cycle's study led to: keep the change, change it and test again, or drop it. */
export const PDSA_DECISIONS = ['adopt', 'adapt', 'abandon'] as const;
export type PdsaDecision = (typeof PDSA_DECISIONS)[number];

/**
 * The open-data licences an organisation may publish its series under (issue 9): the Open
 * Government Licence v3.0 (the NHS default), Creative Commons Attribution 4.0, or CC0.
 */
export const OPEN_DATA_LICENCES = ['OGL-UK-3.0', 'CC-BY-4.0', 'CC0-1.0'] as const;
export type OpenDataLicence = (typeof OPEN_DATA_LICENCES)[number];

/**
 * Where an idea stands (issue 8): `new` (not yet looked at), `under_review`, `taken_forward` (it
 * may become a project), `not_taken_forward` (with the reason shown to everyone).
 */
export const IDEA_STATUSES = ['new', 'under_review', 'taken_forward', 'not_taken_forward'] as const;
export type IdeaStatus = (typeof IDEA_STATUSES)[number];

/** How a training completion was recorded: entered by a coach, imported, or declared by the person and then confirmed. */
export const COMPLETION_SOURCES = ['entered', 'imported', 'self_declared'] as const;
export type CompletionSource = (typeof COMPLETION_SOURCES)[number];

/** What a survey asks: staff about their place of work, or patients about their care. */
export const SURVEY_KINDS = ['staff', 'patient'] as const;
export type SurveyKind = (typeof SURVEY_KINDS)[number];

/** How a mail server is reached: implicit TLS, STARTTLS (required), or plain (an internal relay). */
export const MAIL_SECURITIES = ['tls', 'starttls', 'none'] as const;
export type MailSecurity = (typeof MAIL_SECURITIES)[number];
