/**
 * @module components/projects/PortfolioFilters
 * The portfolio's filters: stage, unit, goal, and only the projects that need a coach.
 */
import { useState } from 'react';
import type { PortfolioFilters as Filters, Stage } from './data';
import { STAGES } from './labels';

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
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor="filter-stage">
          Stage
        </label>
        <select
          className="nhsuk-select"
          id="filter-stage"
          value={draft.stage}
          onChange={(event) => {
            setDraft({ ...draft, stage: event.target.value as Stage | '' });
          }}
        >
          <option value="">Any stage</option>
          {STAGES.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
      </div>
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor="filter-unit">
          Unit
        </label>
        <select
          className="nhsuk-select"
          id="filter-unit"
          value={draft.unit}
          onChange={(event) => {
            setDraft({ ...draft, unit: event.target.value });
          }}
        >
          <option value="">Any unit</option>
          {units.map((u) => (
            <option key={u.value} value={u.value}>
              {u.label}
            </option>
          ))}
        </select>
      </div>
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor="filter-goal">
          Goal
        </label>
        <select
          className="nhsuk-select"
          id="filter-goal"
          value={draft.goal}
          onChange={(event) => {
            setDraft({ ...draft, goal: event.target.value });
          }}
        >
          <option value="">Any goal</option>
          {goals.map((g) => (
            <option key={g.id} value={g.id}>
              {g.title}
            </option>
          ))}
        </select>
      </div>
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
