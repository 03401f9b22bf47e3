/**
 * @module components/projects/StageForm
 * Changing a project's stage (its lead, sponsor or coach, or a QI lead).
 */
import { useState } from 'react';
import { ErrorSummary } from '../QueryState';
import type { Project, Stage } from './data';
import { changeProject } from './data';
import { STAGES, stageWords } from './labels';
import { useProjectChange } from './useProjectChange';
import { Done, SelectField } from '../form';

export function StageForm({ project }: { project: Project }): React.JSX.Element {
  const change = useProjectChange();
  const [stage, setStage] = useState<Stage>(project.stage);
  return (
    <form
      noValidate
      aria-label="Change the stage"
      className="gs-stage-form"
      onSubmit={(event) => {
        event.preventDefault();
        void change.run(
          () => changeProject(project.id, { stage }),
          `The project is now at the stage ${stageWords(stage)}.`,
        );
      }}
    >
      <SelectField
        id="project-stage"
        label="Stage"
        error={undefined}
        value={stage}
        choices={STAGES}
        onChange={(value) => {
          setStage(value as Stage);
        }}
      />
      {change.error !== null && <ErrorSummary title="The stage could not be changed" error={change.error} />}
      <button className="nhsuk-button nhsuk-button--secondary" type="submit">
        {change.pending ? 'Saving…' : 'Change the stage'}
      </button>
      <Done message={change.announcement === '' ? null : change.announcement} />
    </form>
  );
}
