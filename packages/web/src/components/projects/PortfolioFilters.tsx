/**
 * @module components/projects/PortfolioFilters
 * The portfolio's filters: stage, unit, goal, and only the projects that need a coach.
 */
import { useState } from 'react';
import type { PortfolioFilters as Filters, Stage } from './data';
import { STAGES } from './labels';
import { Checkbox, SelectField } from '../form';

export function PortfolioFilters({
  initial,
  units,
  goals,
  onApply,
}: {
  initial: Filters;
  units: readonly { value: string; label: string }[];
  goals: readonly { id: string; title: string }[];
  onApply: (filters: Filters) => void;
}): React.JSX.Element {
  const [draft, setDraft] = useState<Filters>(initial);
  return (
    <form
      className="gs-project-filters"
      aria-label="Filter the projects"
      onSubmit={(event) => {
        event.preventDefault();
        onApply(draft);
      }}
    >
      <SelectField
        id="filter-stage"
        label="Stage"
        value={draft.stage}
        choices={[{ value: '', label: 'Any stage' }, ...STAGES]}
        onChange={(value) => {
          setDraft({ ...draft, stage: value as Stage | '' });
        }}
      />
      <SelectField
        id="filter-unit"
        label="Unit"
        value={draft.unit}
        choices={[{ value: '', label: 'Any unit' }, ...units]}
        onChange={(value) => {
          setDraft({ ...draft, unit: value });
        }}
      />
      <SelectField
        id="filter-goal"
        label="Goal"
        value={draft.goal}
        choices={[{ value: '', label: 'Any goal' }, ...goals.map((g) => ({ value: g.id, label: g.title }))]}
        onChange={(value) => {
          setDraft({ ...draft, goal: value });
        }}
      />
      <Checkbox
        id="filter-stale"
        label="Only projects that need a coach"
        size="small"
        checked={draft.stale}
        onChange={(stale) => {
          setDraft({ ...draft, stale });
        }}
      />
      <button className="nhsuk-button nhsuk-button--secondary" type="submit">
        Filter
      </button>
    </form>
  );
}
