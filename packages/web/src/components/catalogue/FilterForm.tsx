/**
 * @module components/catalogue/FilterForm
 * The catalogue's search box and filters. An ordinary form: nothing changes until the person
 * applies it, and the result lives in the URL (so it can be shared, bookmarked, and Back works).
 */
import { useState } from 'react';
import { Link } from 'react-router';
import type { Schema } from '../../api/client';
import type { CatalogueFilters } from './filters';
import { filtersFromForm, hasFilters } from './filters';
import { DATA_TYPE_LABEL, DATA_TYPES, DOMAIN_LABEL, DOMAINS, VISIBILITIES, VISIBILITY_LABEL } from './labels';

type Organisation = Schema<'Organisation'>;

function Select({
  id,
  name,
  label,
  value,
  options,
}: {
  id: string;
  name: string;
  label: string;
  value: string | undefined;
  options: readonly (readonly [string, string])[];
}): React.JSX.Element {
  return (
    <div className="nhsuk-form-group gs-filter">
      <label className="nhsuk-label" htmlFor={id}>
        {label}
      </label>
      <select className="nhsuk-select" id={id} name={name} defaultValue={value ?? ''}>
        {options.map(([optionValue, text]) => (
          <option key={optionValue} value={optionValue}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

export function FilterForm({
  filters,
  organisations,
  onApply,
}: {
  filters: CatalogueFilters;
  /** Every organisation, for the organisation filter (empty while loading). */
  organisations: readonly Organisation[];
  onApply: (filters: CatalogueFilters) => void;
}): React.JSX.Element {
  // An organisation in the URL that the list does not (yet) hold still shows as chosen.
  const organisationOptions: [string, string][] = organisations.map((org) => [
    org.odsCode,
    `${org.name} (${org.odsCode})`,
  ]);
  const active = [
    filters.domain,
    filters.dataType,
    filters.visibility,
    filters.scope,
    filters.organisation,
  ].filter((value) => value !== undefined).length;
  // Open where there is room for it, or when a filter is applied; a phone sees the results first.
  const [open, setOpen] = useState(
    () =>
      active > 0 ||
      (typeof window.matchMedia === 'function' && window.matchMedia('(min-width: 48.0625em)').matches),
  );
  if (filters.organisation && !organisations.some((org) => org.odsCode === filters.organisation)) {
    organisationOptions.unshift([filters.organisation, filters.organisation]);
  }
  return (
    <form
      className="gs-catalogue-filters"
      role="search"
      aria-label="Measures"
      onSubmit={(event) => {
        event.preventDefault();
        onApply(filtersFromForm(new FormData(event.currentTarget)));
      }}
    >
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor="measure-search">
          Search by name or code
        </label>
        <input
          className="nhsuk-input gs-catalogue-search"
          id="measure-search"
          name="q"
          type="search"
          defaultValue={filters.search}
          autoComplete="off"
        />
      </div>
      <details
        className="nhsuk-details gs-filter-details"
        open={open}
        onToggle={(event) => {
          setOpen(event.currentTarget.open);
        }}
      >
        <summary className="nhsuk-details__summary">
          <span className="nhsuk-details__summary-text">
            Filters{active > 0 ? ` (${active} applied)` : ''}
          </span>
        </summary>
        <fieldset className="nhsuk-fieldset nhsuk-details__text gs-filter-fieldset">
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s nhsuk-u-visually-hidden">
            Filter measures
          </legend>
          <div className="gs-filter-grid">
            <Select
              id="filter-domain"
              name="domain"
              label="Domain"
              value={filters.domain}
              options={[['', 'Any domain'], ...DOMAINS.map((d) => [d, DOMAIN_LABEL[d]] as const)]}
            />
            <Select
              id="filter-type"
              name="type"
              label="Data type"
              value={filters.dataType}
              options={[['', 'Any data type'], ...DATA_TYPES.map((t) => [t, DATA_TYPE_LABEL[t]] as const)]}
            />
            <Select
              id="filter-visibility"
              name="visibility"
              label="Visibility"
              value={filters.visibility}
              options={[
                ['', 'Any visibility'],
                ...VISIBILITIES.map((v) => [v, VISIBILITY_LABEL[v]] as const),
              ]}
            />
            <Select
              id="filter-scope"
              name="scope"
              label="Defined by"
              value={filters.scope}
              options={[
                ['', 'Anyone'],
                ['shared', 'Shared (national) definitions'],
                ['own', 'An organisation, for its own use'],
              ]}
            />
            <Select
              id="filter-organisation"
              name="organisation"
              label="Owned or recorded by"
              value={filters.organisation}
              options={[['', 'Any organisation'], ...organisationOptions]}
            />
          </div>
        </fieldset>
      </details>
      <div className="gs-inline-form">
        <button className="nhsuk-button" type="submit">
          Apply filters
        </button>
        {hasFilters(filters) && (
          <p className="nhsuk-body gs-clear-filters">
            <Link to="/measures">Clear filters</Link>
          </p>
        )}
      </div>
    </form>
  );
}
