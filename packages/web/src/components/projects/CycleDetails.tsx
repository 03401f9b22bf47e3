/**
 * @module components/projects/CycleDetails
 * One PDSA cycle as the story tells it: its number and title, the change idea it tests, its dates,
 * and plan, prediction, do, study, act and the decision, each only when written.
 */
import type { Cycle } from './data';
import { decisionWords, formatDay } from './labels';

export function CycleDetails({ cycle }: { cycle: Cycle }): React.JSX.Element {
  const rows: [string, string][] = [
    ['Change idea', cycle.changeIdea],
    ['Planned start', cycle.plannedStart === null ? '' : formatDay(cycle.plannedStart)],
    ['Plan', cycle.plan],
    ['Prediction', cycle.prediction],
    ['Started on', cycle.startedOn === null ? '' : formatDay(cycle.startedOn)],
    ['Do', cycle.doNotes],
    ['Study', cycle.study],
    ['Act', cycle.act],
    ['Decision', cycle.decision === null ? '' : decisionWords(cycle.decision)],
    ['Ended on', cycle.endedOn === null ? '' : formatDay(cycle.endedOn)],
  ];
  return (
    <dl className="nhsuk-summary-list">
      {rows
        .filter(([, value]) => value.trim() !== '')
        .map(([key, value]) => (
          <div className="nhsuk-summary-list__row" key={key}>
            <dt className="nhsuk-summary-list__key">{key}</dt>
            <dd className="nhsuk-summary-list__value gs-pre-line">{value}</dd>
          </div>
        ))}
    </dl>
  );
}
