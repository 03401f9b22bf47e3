/**
 * @module components/audit/filters
 * The audit log's filters as the page's URL holds them (`?action=…&actor=…&type=…&from=…&to=…`,
 * dates as `YYYY-MM-DD`; `entity` for one thing, as the measure page links), the query the API
 * takes (the dates as the start and the end of those days, local time), and actions and kinds of
 * thing in words.
 */

export interface AuditFilters {
  readonly action?: string | undefined;
  /** A person's id. */
  readonly actor?: string | undefined;
  readonly entityType?: string | undefined;
  /** One thing (with its kind): the changes to one series, from the measure page. */
  readonly entityId?: string | undefined;
  /** `YYYY-MM-DD`, from the start of that day. */
  readonly from?: string | undefined;
  /** `YYYY-MM-DD`, to the end of that day. */
  readonly to?: string | undefined;
}

const PARAMS = {
  action: 'action',
  actor: 'actor',
  entityType: 'entityType',
  entityId: 'entityId',
  from: 'from',
  to: 'to',
} as const satisfies Record<keyof AuditFilters, string>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The filters in a URL's search parameters (what is not a filter, or not well formed, is left out). */
export function filtersFromParams(params: URLSearchParams): AuditFilters {
  const get = (name: string): string | undefined => {
    const value = params.get(name)?.trim();
    return value === undefined || value === '' ? undefined : value;
  };
  const date = (name: string): string | undefined => {
    const value = get(name);
    return value !== undefined && DATE.test(value) && dateAt(value, false) !== null ? value : undefined;
  };
  return {
    action: get(PARAMS.action),
    actor: get(PARAMS.actor),
    entityType: get(PARAMS.entityType),
    entityId: get(PARAMS.entityId),
    from: date(PARAMS.from),
    to: date(PARAMS.to),
  };
}

/** The filters as search parameters (only those set). */
export function filtersToParams(filters: AuditFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of Object.keys(PARAMS) as (keyof AuditFilters)[]) {
    const value = filters[key];
    if (value !== undefined && value !== '') params.set(PARAMS[key], value);
  }
  return params;
}

/** Whether any filter is set. */
export function hasFilters(filters: AuditFilters): boolean {
  return [...filtersToParams(filters)].length > 0;
}

/** The start (or, with `end`, the last millisecond) of a `YYYY-MM-DD` day in local time, or null. */
export function dateAt(day: string, end: boolean): Date | null {
  if (!DATE.test(day)) return null;
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const at = end ? new Date(y, m - 1, d, 23, 59, 59, 999) : new Date(y, m - 1, d);
  if (at.getFullYear() !== y || at.getMonth() !== m - 1 || at.getDate() !== d) return null;
  return at;
}

/** The API's query for these filters. */
export function apiQuery(filters: AuditFilters): {
  action?: string;
  actorId?: string;
  entityType?: string;
  entityId?: string;
  from?: string;
  to?: string;
} {
  const from = filters.from === undefined ? null : dateAt(filters.from, false);
  const to = filters.to === undefined ? null : dateAt(filters.to, true);
  return {
    ...(filters.action === undefined ? {} : { action: filters.action }),
    ...(filters.actor === undefined ? {} : { actorId: filters.actor }),
    ...(filters.entityType === undefined ? {} : { entityType: filters.entityType }),
    ...(filters.entityId === undefined ? {} : { entityId: filters.entityId }),
    ...(from === null ? {} : { from: from.toISOString() }),
    ...(to === null ? {} : { to: to.toISOString() }),
  };
}

/** Actions the server records, in words (others are shown as they are). */
const ACTION_WORDS: Readonly<Record<string, string>> = {
  'annotation.create': 'Note added',
  'fhir.import': 'FHIR reports imported',
  'import.upload': 'File uploaded for import',
  'import.commit': 'Import committed',
  'import.delete': 'Import discarded',
  'measure.create': 'Measure defined',
  'measure.update': 'Measure changed',
  'measure.set_targets': 'Target set',
  'observation.ghost': 'Point ghosted or included',
  'observations.write': 'Points recorded',
  'series.create': 'Series added',
  'series.set_options': 'SPC options changed',
  'unit.create': 'Unit added',
  'unit.update': 'Unit changed',
  'organisation.create': 'Organisation added',
  'organisation.update': 'Organisation changed',
  'user.create': 'Person added',
  'user.sign_in': 'Signed in',
  'user.lock': 'Account locked',
};

/** "Target set" for `measure.set_targets`; an action the page does not know, as it is. */
export function actionWords(action: string): string {
  return ACTION_WORDS[action] ?? action;
}

/** Kinds of thing in words. */
const ENTITY_WORDS: Readonly<Record<string, string>> = {
  annotation: 'Note',
  import: 'Import',
  measure: 'Measure',
  series: 'Series (a chart)',
  unit: 'Unit',
  organisation: 'Organisation',
  user: 'Person',
  membership: 'Membership',
  invitation: 'Invitation',
  grant: 'Grant',
};

/** "Series (a chart)" for `series`; an unknown kind with its first letter capitalised. */
export function entityWords(entityType: string): string {
  const known = ENTITY_WORDS[entityType];
  if (known !== undefined) return known;
  const text = entityType.replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** How the change was made, in words. */
export const VIA_WORDS: Readonly<Record<'session' | 'token' | 'cli' | 'system', string>> = {
  session: 'signed in',
  token: 'with an API token',
  cli: 'from the command line',
  system: 'by Groundswell itself',
};
