/**
 * @module components/projects/PortfolioFilters
 * The portfolio's filters: stage, unit, goal, and only the projects that need a coach.
 */
import { useState } from 'react';
import type { PortfolioFilters as Filters, Stage } from './data';
import { STAGES } from './labels';
import { SelectField } from '../form';

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
      <div className="nhsuk-form-group">
        <div className="nhsuk-checkboxes nhsuk-checkboxes--small">
          <div className="nhsuk-checkboxes__item">
            <input
              className="nhsuk-checkboxes__input"
              id="filter-stale"
              type="checkbox"
              checked={draft.stale}
              onChange={(event) => {
                setDraft({ ...draft, stale: event.target.checked });
              }}
            />
            <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor="filter-stale">
              Only projects that need a coach
            </label>
          </div>
        </div>
      </div>
      <button className="nhsuk-button nhsuk-button--secondary" type="submit">
        Filter
      </button>
    </form>
  );
}
