/**
 * @module components/audit/AuditFilterForm
 * The audit log's filters: action, person, kind of thing, and a date range. An ordinary form:
 * nothing changes until it is applied, and the filters live in the URL (shared, bookmarked, Back).
 * The choices are what the organisation's log holds; a date range that ends before it starts is
 * refused with the NHS error summary.
 */
import { useState } from 'react';
import type { AuditFacets } from './data';
import type { AuditFilters } from './filters';
import { actionWords, entityWords } from './filters';
import { FieldErrorMessage, FormErrorSummary, byId, describedBy } from '../form';
import type { FieldProblem } from '../form';

export const FILTER_IDS = {
  action: 'audit-action',
  actor: 'audit-actor',
  entityType: 'audit-entity-type',
  from: 'audit-from',
  to: 'audit-to',
} as const;

function Select({
  id,
  label,
  value,
  any,
  options,
}: {
  id: string;
  label: string;
  value: string | undefined;
  any: string;
  options: readonly (readonly [string, string])[];
}): React.JSX.Element {
  // A value in the URL that the log's choices do not hold still shows as chosen.
  const all =
    value === undefined || options.some(([v]) => v === value)
      ? options
      : [...options, [value, value] as const];
  return (
    <div className="nhsuk-form-group">
      <label className="nhsuk-label" htmlFor={id}>
        {label}
      </label>
      <select className="nhsuk-select" id={id} name={id} defaultValue={value ?? ''}>
        <option value="">{any}</option>
        {all.map(([optionValue, text]) => (
          <option key={optionValue} value={optionValue}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

function DateField({
  id,
  label,
  hint,
  value,
  error,
}: {
  id: string;
  label: string;
  hint: string;
  value: string | undefined;
  error: string | undefined;
}): React.JSX.Element {
  return (
    <div className={`nhsuk-form-group${error === undefined ? '' : ' nhsuk-form-group--error'}`}>
      <label className="nhsuk-label" htmlFor={id}>
        {label}
      </label>
      <div className="nhsuk-hint" id={`${id}-hint`}>
        {hint}
      </div>
      <FieldErrorMessage id={id} message={error} />
      <input
        className={`nhsuk-input nhsuk-input--width-10${error === undefined ? '' : ' nhsuk-input--error'}`}
        id={id}
        name={id}
        type="date"
        defaultValue={value ?? ''}
        aria-describedby={describedBy(id, true, error)}
      />
    </div>
  );
}

export function AuditFilterForm({
  filters,
  facets,
  onApply,
}: {
  filters: AuditFilters;
  /** What the log holds (empty while it loads). */
  facets: AuditFacets;
  onApply: (filters: AuditFilters) => void;
}): React.JSX.Element {
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const errors = byId(problems);
  return (
    <form
      className="gs-audit-filters"
      noValidate
      aria-labelledby="audit-filters-heading"
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        const read = (id: string): string | undefined => {
          const value = form.get(id);
          return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
        };
        const next: AuditFilters = {
          action: read(FILTER_IDS.action),
          actor: read(FILTER_IDS.actor),
          entityType: read(FILTER_IDS.entityType),
          entityId: filters.entityId,
          from: read(FILTER_IDS.from),
          to: read(FILTER_IDS.to),
        };
        const found: FieldProblem[] = [];
        if (next.from !== undefined && next.to !== undefined && next.to < next.from) {
          found.push({
            id: FILTER_IDS.to,
            message: 'The ‘to’ date must be the same as or after the ‘from’ date',
          });
        }
        setProblems(found);
        if (found.length === 0) onApply(next);
      }}
    >
      <h2 id="audit-filters-heading" className="nhsuk-heading-m">
        Filter the changes
      </h2>
      <FormErrorSummary problems={problems} headingLevel={3} />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-one-third">
          <Select
            id={FILTER_IDS.action}
            label="Action"
            any="Any action"
            value={filters.action}
            options={facets.actions.map((a) => [a, actionWords(a) === a ? a : `${actionWords(a)} (${a})`])}
          />
        </div>
        <div className="nhsuk-grid-column-one-third">
          <Select
            id={FILTER_IDS.actor}
            label="Person"
            any="Anyone"
            value={filters.actor}
            options={facets.actors.map((p) => [p.id, p.name])}
          />
        </div>
        <div className="nhsuk-grid-column-one-third">
          <Select
            id={FILTER_IDS.entityType}
            label="Kind of thing changed"
            any="Anything"
            value={filters.entityType}
            options={facets.entityTypes.map((t) => [t, entityWords(t)])}
          />
        </div>
      </div>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-one-third">
          <DateField
            id={FILTER_IDS.from}
            label="From"
            hint="Changes on or after this day"
            value={filters.from}
            error={errors[FILTER_IDS.from]}
          />
        </div>
        <div className="nhsuk-grid-column-one-third">
          <DateField
            id={FILTER_IDS.to}
            label="To"
            hint="Changes on or before this day"
            value={filters.to}
            error={errors[FILTER_IDS.to]}
          />
        </div>
      </div>
      <button className="nhsuk-button nhsuk-button--secondary" type="submit">
        Apply filters
      </button>
    </form>
  );
}
