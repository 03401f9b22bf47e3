/**
 * @module components/projects/NewProjectForm
 * Starting a project: its title, unit, the problem, and the aim in three parts (what will improve,
 * by how much, by when). Short enough to fill in on a phone; the rest comes later.
 */
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { UnitNode } from '../dashboard/units';
import { unitOptions } from '../dashboard/units';
import type { Project } from './data';
import { startProject } from './data';
import {
  DateField,
  FormErrorSummary,
  SelectField,
  TextAreaField,
  TextField,
  byId,
  problemsOf,
} from '../form';
import type { FieldProblem } from '../form';

const FIELDS = {
  title: { id: 'project-title', label: 'Title' },
  unitId: { id: 'project-unit', label: 'Unit' },
  problem: { id: 'project-problem', label: 'The problem' },
  aimWhat: { id: 'aim-what', label: 'What will improve' },
  aimHowMuch: { id: 'aim-how-much', label: 'By how much' },
  aimByWhen: { id: 'aim-by-when', label: 'By when' },
};

export function NewProjectForm({
  odsCode,
  units,
  onStarted,
}: {
  odsCode: string;
  units: readonly UnitNode[];
  onStarted: (project: Project) => void;
}): React.JSX.Element {
  const [title, setTitle] = useState('');
  const [unitId, setUnitId] = useState('');
  const [problem, setProblem] = useState('');
  const [aimWhat, setAimWhat] = useState('');
  const [aimHowMuch, setAimHowMuch] = useState('');
  const [aimByWhen, setAimByWhen] = useState('');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const mutation = useMutation({
    mutationFn: () =>
      startProject(odsCode, {
        title: title.trim(),
        ...(unitId === '' ? {} : { unitId }),
        ...(problem.trim() === '' ? {} : { problem: problem.trim() }),
        ...(aimWhat.trim() === '' ? {} : { aimWhat: aimWhat.trim() }),
        ...(aimHowMuch.trim() === '' ? {} : { aimHowMuch: aimHowMuch.trim() }),
        ...(aimByWhen === '' ? {} : { aimByWhen }),
      }),
    onSuccess: onStarted,
    onError: (error) => {
      setProblems(problemsOf(error, FIELDS, FIELDS.title.id));
    },
  });
  const errors = byId(problems);
  return (
    <form
      noValidate
      aria-label="Start a project"
      onSubmit={(event) => {
        event.preventDefault();
        if (mutation.isPending) return;
        const found: FieldProblem[] = [];
        if (title.trim() === '')
          found.push({ id: FIELDS.title.id, message: 'Enter a title for the project' });
        if (aimByWhen !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(aimByWhen))
          found.push({ id: FIELDS.aimByWhen.id, message: 'Enter the date as day, month and year' });
        setProblems(found);
        if (found.length === 0) mutation.mutate();
      }}
    >
      <FormErrorSummary problems={problems} headingLevel={2} />
      <TextField
        id={FIELDS.title.id}
        label="Title"
        hint="A few words your team will recognise, such as “Fewer falls at night on Ward 10”."
        error={errors[FIELDS.title.id]}
        value={title}
        onChange={setTitle}
        width=""
      />
      <SelectField
        id={FIELDS.unitId.id}
        label="Unit"
        hint="The ward or team where the work happens."
        error={errors[FIELDS.unitId.id]}
        value={unitId}
        choices={[{ value: '', label: 'The whole organisation' }, ...unitOptions(units)]}
        onChange={setUnitId}
      />
      <TextAreaField
        id={FIELDS.problem.id}
        label="The problem"
        hint="What is happening now, and why it matters."
        error={errors[FIELDS.problem.id]}
        value={problem}
        onChange={setProblem}
      />
      <fieldset className="nhsuk-fieldset">
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">
          <h2 className="nhsuk-fieldset__heading">Aim</h2>
        </legend>
        <div className="nhsuk-hint">What will improve, by how much, by when. You can change it later.</div>
        <TextField
          id={FIELDS.aimWhat.id}
          label="What will improve"
          hint="For example: reduce falls at night"
          error={errors[FIELDS.aimWhat.id]}
          value={aimWhat}
          onChange={setAimWhat}
          width=""
        />
        <TextField
          id={FIELDS.aimHowMuch.id}
          label="By how much"
          hint="For example: by 30%"
          error={errors[FIELDS.aimHowMuch.id]}
          value={aimHowMuch}
          onChange={setAimHowMuch}
          width="nhsuk-input--width-20"
        />
        <DateField
          id={FIELDS.aimByWhen.id}
          label="By when"
          error={errors[FIELDS.aimByWhen.id]}
          value={aimByWhen}
          onChange={setAimByWhen}
        />
      </fieldset>
      <button className="nhsuk-button" type="submit">
        {mutation.isPending ? 'Starting…' : 'Start the project'}
      </button>
    </form>
  );
}
