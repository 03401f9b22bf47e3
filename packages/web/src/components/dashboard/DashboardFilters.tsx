/**
 * @module components/dashboard/DashboardFilters
 * The dashboard's filters (domain, unit, and a cell of the summary matrix as its variation and
 * assurance; and one measure, which links choose: the catalogue's, an import's result), kept in
 * the URL's query so that a filtered view can be shared. Applied with a button, not on change, so
 * that choosing an option never moves the page under a keyboard user.
 */
import { useState } from 'react';
import { Link } from 'react-router';
import {
  ASSURANCES,
  assuranceName,
  assuranceParam,
  DOMAINS,
  domainLabel,
  VARIATIONS,
  variationName,
} from './format';

/** The filters as the URL holds them ('' for none). */
export interface FilterValues {
  readonly domain: string;
  readonly unit: string;
  readonly variation: string;
  readonly assurance: string;
  /** One measure (its code or id), as a link chose it; the form has no field for it but keeps it. */
  readonly measure: string;
}

/** The names of the URL's query parameters. */
export const FILTER_KEYS = ['domain', 'unit', 'variation', 'assurance', 'measure'] as const;

/** The filters in a query string. */
export function filtersFrom(params: URLSearchParams): FilterValues {
  return {
    domain: params.get('domain') ?? '',
    unit: params.get('unit') ?? '',
    variation: params.get('variation') ?? '',
    assurance: params.get('assurance') ?? '',
    measure: params.get('measure') ?? '',
  };
}

/** A query string of these filters (those set), for a link. */
export function filterSearch(values: Partial<FilterValues>): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = values[key];
    if (value !== undefined && value !== '') params.set(key, value);
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/** An option of a filter: its value in the URL and its label. */
export interface UnitOption {
  readonly value: string;
  readonly label: string;
}

export interface DashboardFiltersProps {
  readonly values: FilterValues;
  /** The unit filter's options after "All"; none: no unit filter. */
  readonly units?: readonly UnitOption[] | undefined;
  /** What "All" means in the unit filter. */
  readonly allUnitsLabel?: string | undefined;
  readonly onApply: (values: FilterValues) => void;
  /** The page's address without filters. */
  readonly clearHref: string;
}

/** A labelled select of one filter (`filter-<name>`): "all" (''), then its options. */
function FilterSelect({
  name,
  label,
  all,
  options,
  draft,
  onChange,
}: {
  name: keyof FilterValues;
  label: string;
  /** The label of the option that filters nothing out. */
  all: string;
  options: readonly UnitOption[];
  draft: FilterValues;
  onChange: (draft: FilterValues) => void;
}): React.JSX.Element {
  const id = `filter-${name}`;
  return (
    <div className="nhsuk-form-group">
      <label className="nhsuk-label" htmlFor={id}>
        {label}
      </label>
      <select
        className="nhsuk-select"
        id={id}
        value={draft[name]}
        onChange={(event) => {
          onChange({ ...draft, [name]: event.target.value });
        }}
      >
        {[{ value: '', label: all }, ...options].map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function DashboardFilters({
  values,
  units,
  allUnitsLabel = 'All units',
  onApply,
  clearHref,
}: DashboardFiltersProps): React.JSX.Element {
  const [draft, setDraft] = useState<FilterValues>(values);
  const [shown, setShown] = useState<FilterValues>(values);
  // The URL changed (a matrix cell, back/forward): start again from it.
  if (FILTER_KEYS.some((key) => shown[key] !== values[key])) {
    setShown(values);
    setDraft(values);
  }
  const active = FILTER_KEYS.some((key) => values[key] !== '');
  return (
    <form
      className="gs-filters"
      aria-label="Filter the measures"
      onSubmit={(event) => {
        event.preventDefault();
        onApply(draft);
      }}
    >
      <div className="gs-filters__fields">
        <FilterSelect
          name="domain"
          label="Domain"
          all="All domains"
          options={DOMAINS.map((domain) => ({ value: domain, label: domainLabel(domain) }))}
          draft={draft}
          onChange={setDraft}
        />
        {units !== undefined && (
          <FilterSelect
            name="unit"
            label="Unit"
            all={allUnitsLabel}
            options={units}
            draft={draft}
            onChange={setDraft}
          />
        )}
        <FilterSelect
          name="variation"
          label="Variation"
          all="Any variation"
          options={VARIATIONS.map((variation) => ({ value: variation, label: variationName(variation) }))}
          draft={draft}
          onChange={setDraft}
        />
        <FilterSelect
          name="assurance"
          label="Assurance"
          all="Any assurance"
          options={ASSURANCES.map((assurance) => ({
            value: assuranceParam(assurance),
            label: assuranceName(assurance),
          }))}
          draft={draft}
          onChange={setDraft}
        />
      </div>
      <div className="gs-filters__actions">
        <button className="nhsuk-button nhsuk-button--secondary" type="submit">
          Apply filters
        </button>
        {active && (
          <Link className="gs-filters__clear" to={clearHref}>
            Clear filters
          </Link>
        )}
      </div>
    </form>
  );
}
