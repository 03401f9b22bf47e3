/**
 * @module components/projects/VisibilityForm
 * Who may see a project (its lead, sponsor or coach, or a QI lead, changes it): private (the team
 * and the organisation's QI leads and administrators), internal (the organisation's people) or
 * public (everyone, a commissioner too). A published project is in the library for everyone
 * whatever this says.
 */
import { useState } from 'react';
import { Done, Radios } from '../form';
import { ErrorSummary } from '../QueryState';
import type { Project } from './data';
import { changeProject } from './data';
import { useProjectChange } from './useProjectChange';

type Visibility = Project['visibility'];

export const VISIBILITIES: readonly { value: Visibility; label: string; hint: string }[] = [
  {
    value: 'private',
    label: 'Private',
    hint: 'The team, and the organisation’s QI leads and administrators.',
  },
  { value: 'internal', label: 'Internal', hint: 'Everyone in the organisation.' },
  {
    value: 'public',
    label: 'Public',
    hint: 'Everyone, commissioners and the public too.',
  },
];

export function visibilityWords(visibility: Visibility): string {
  return VISIBILITIES.find((v) => v.value === visibility)?.label ?? visibility;
}

export function VisibilityForm({ project }: { project: Project }): React.JSX.Element {
  const change = useProjectChange();
  const [visibility, setVisibility] = useState<Visibility>(project.visibility);
  return (
    <form
      noValidate
      aria-label="Who may see the project"
      onSubmit={(event) => {
        event.preventDefault();
        void change.run(
          () => changeProject(project.id, { visibility }),
          `The project is now ${visibilityWords(visibility).toLowerCase()}.`,
        );
      }}
    >
      <div className="nhsuk-form-group">
        <fieldset className="nhsuk-fieldset" aria-describedby="project-visibility-hint">
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Who may see it</legend>
          <div className="nhsuk-hint" id="project-visibility-hint">
            {project.publishedAt === null
              ? 'Now: ' + visibilityWords(project.visibility).toLowerCase() + '.'
              : 'It is published in the library, so everyone may read it whatever you choose here.'}
          </div>
          <Radios
            name="project-visibility"
            size="small"
            choices={VISIBILITIES}
            value={visibility}
            onChange={setVisibility}
          />
        </fieldset>
      </div>
      {change.error !== null && (
        <ErrorSummary title="Who may see it could not be changed" error={change.error} />
      )}
      <button className="nhsuk-button nhsuk-button--secondary" type="submit">
        {change.pending ? 'Saving…' : 'Save who may see it'}
      </button>
      <Done message={change.announcement === '' ? null : change.announcement} />
    </form>
  );
}
