/**
 * @module components/ideas/IdeaFilters
 * The ideas list's filters: unit (with its sub-units), status, and the order (newest or most
 * voted first).
 */
import { useState } from 'react';
import type { Choice } from '../form';
import { SelectField } from '../form';
import type { IdeaFilters as Filters, IdeaSort, IdeaStatus } from './data';
import { STATUSES } from './data';

export function IdeaFilters({
  initial,
  units,
  onApply,
}: {
  initial: Filters;
  units: readonly Choice[];
  onApply: (filters: Filters) => void;
}): React.JSX.Element {
  const [draft, setDraft] = useState<Filters>(initial);
  return (
    <form
      className="gs-idea-filters"
      aria-label="Filter the ideas"
      onSubmit={(event) => {
        event.preventDefault();
        onApply(draft);
      }}
    >
      <SelectField
        id="filter-unit"
        label="Unit"
        value={draft.unit}
        choices={[{ value: '', label: 'Any unit' }, ...units]}
        onChange={(unit) => {
          setDraft({ ...draft, unit });
        }}
      />
      <SelectField
        id="filter-status"
        label="Status"
        value={draft.status}
        choices={[{ value: '', label: 'Any status' }, ...STATUSES]}
        onChange={(status) => {
          setDraft({ ...draft, status: status as IdeaStatus | '' });
        }}
      />
      <SelectField
        id="filter-sort"
        label="Order"
        value={draft.sort}
        choices={[
          { value: 'newest', label: 'Newest first' },
          { value: 'votes', label: 'Most votes first' },
        ]}
        onChange={(sort) => {
          setDraft({ ...draft, sort: sort as IdeaSort });
        }}
      />
      <button className="nhsuk-button nhsuk-button--secondary" type="submit">
        Show ideas
      </button>
    </form>
  );
}
