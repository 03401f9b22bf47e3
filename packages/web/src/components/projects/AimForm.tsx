/**
 * @module components/projects/AimForm
 * Changing a project's title, problem and aim (what, by how much, by when): a copied project's
 * team makes the aim its own here.
 */
import { useState } from 'react';
import type { Project } from './data';
import { changeProject } from './data';
import { useProjectChange } from './useProjectChange';
import { DateField, Done, FormErrorSummary, TextAreaField, TextField, byId, problemsOf } from '../form';
import type { FieldProblem } from '../form';

const FIELDS = {
  title: { id: 'edit-title', label: 'Title' },
  problem: { id: 'edit-problem', label: 'The problem' },
  aimWhat: { id: 'edit-aim-what', label: 'What will improve' },
  aimHowMuch: { id: 'edit-aim-how-much', label: 'By how much' },
  aimByWhen: { id: 'edit-aim-by-when', label: 'By when' },
};

export function AimForm({ project }: { project: Project }): React.JSX.Element {
  const change = useProjectChange();
  const [title, setTitle] = useState(project.title);
  const [problem, setProblem] = useState(project.problem);
  const [what, setWhat] = useState(project.aim.what);
  const [howMuch, setHowMuch] = useState(project.aim.howMuch);
  const [byWhen, setByWhen] = useState(project.aim.byWhen ?? '');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const shown =
    problems.length > 0 || change.error === null
      ? problems
      : problemsOf(change.error, FIELDS, FIELDS.title.id);
  const errors = byId(shown);
  return (
    <details className="nhsuk-details">
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">Change the title, problem or aim</span>
      </summary>
      <div className="nhsuk-details__text">
        <form
          noValidate
          aria-label="Change the title, problem or aim"
          onSubmit={(event) => {
            event.preventDefault();
            const found: FieldProblem[] =
              title.trim() === '' ? [{ id: FIELDS.title.id, message: 'Enter a title for the project' }] : [];
            setProblems(found);
            if (found.length > 0) return;
            void change.run(
              () =>
                changeProject(project.id, {
                  title: title.trim(),
                  problem,
                  aimWhat: what.trim(),
                  aimHowMuch: howMuch.trim(),
                  aimByWhen: byWhen === '' ? null : byWhen,
                }),
              'Saved the title, problem and aim.',
            );
          }}
        >
          <FormErrorSummary problems={shown} headingLevel={3} />
          <TextField
            id={FIELDS.title.id}
            label="Title"
            error={errors[FIELDS.title.id]}
            value={title}
            onChange={setTitle}
            width=""
          />
          <TextAreaField
            id={FIELDS.problem.id}
            label="The problem"
            error={errors[FIELDS.problem.id]}
            value={problem}
            onChange={setProblem}
          />
          <TextField
            id={FIELDS.aimWhat.id}
            label="What will improve"
            error={errors[FIELDS.aimWhat.id]}
            value={what}
            onChange={setWhat}
            width=""
          />
          <TextField
            id={FIELDS.aimHowMuch.id}
            label="By how much"
            error={errors[FIELDS.aimHowMuch.id]}
            value={howMuch}
            onChange={setHowMuch}
            width="nhsuk-input--width-20"
          />
          <DateField
            id={FIELDS.aimByWhen.id}
            label="By when"
            error={errors[FIELDS.aimByWhen.id]}
            value={byWhen}
            onChange={setByWhen}
          />
          <button className="nhsuk-button nhsuk-button--secondary" type="submit">
            {change.pending ? 'Saving…' : 'Save the aim'}
          </button>
          <Done message={change.announcement === '' ? null : change.announcement} />
        </form>
      </div>
    </details>
  );
}
