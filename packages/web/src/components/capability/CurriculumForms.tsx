/**
 * @module components/capability/CurriculumForms
 * Defining the curriculum (QI leads and administrators): adding a level (name, rank, what it
 * means) and adding a course to a level (code, title, whether the level needs it).
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FieldProblem } from '../form';
import {
  Checkbox,
  byId,
  Done,
  FormErrorSummary,
  parseNumber,
  problemsOf,
  SelectField,
  TextAreaField,
  TextField,
} from '../form';
import type { Curriculum } from './data';
import { addCourse, addLevel, refreshCapability } from './data';

const LEVEL = {
  name: { id: 'level-name', label: 'Level name' },
  rank: { id: 'level-rank', label: 'Rank' },
  description: { id: 'level-description', label: 'What someone at this level can do' },
};

export function AddLevelForm({
  odsCode,
  curriculum,
}: {
  odsCode: string;
  curriculum: Curriculum;
}): React.JSX.Element {
  const client = useQueryClient();
  const next = Math.max(0, ...curriculum.levels.map((l) => l.rank)) + 1;
  const [name, setName] = useState('');
  const [rank, setRank] = useState('');
  const [description, setDescription] = useState('');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: (body: { name: string; rank: number; description: string }) => addLevel(odsCode, body),
    onSuccess: async (level) => {
      setDone(`Added the level ${level.name}.`);
      setName('');
      setRank('');
      setDescription('');
      await refreshCapability(client);
    },
    onError: (error) => {
      setProblems(problemsOf(error, LEVEL, LEVEL.name.id));
    },
  });
  const errors = byId(problems);
  return (
    <form
      noValidate
      aria-label="Add a level"
      onSubmit={(event) => {
        event.preventDefault();
        setDone(null);
        const found: FieldProblem[] = [];
        const value = rank.trim() === '' ? next : parseNumber(rank);
        if (name.trim() === '') found.push({ id: LEVEL.name.id, message: 'Enter the level’s name' });
        if (value === null || !Number.isInteger(value) || value < 1 || value > 100)
          found.push({ id: LEVEL.rank.id, message: 'Enter the rank as a whole number from 1 to 100' });
        setProblems(found);
        if (found.length === 0 && value !== null && !mutation.isPending)
          mutation.mutate({ name: name.trim(), rank: value, description: description.trim() });
      }}
    >
      <h3 className="nhsuk-heading-s">Add a level</h3>
      <FormErrorSummary problems={problems} headingLevel={4} />
      <TextField
        id={LEVEL.name.id}
        label={LEVEL.name.label}
        hint="For example, foundation or coach."
        error={errors[LEVEL.name.id]}
        value={name}
        onChange={setName}
      />
      <TextField
        id={LEVEL.rank.id}
        label={LEVEL.rank.label}
        hint={`Its order: higher is further. Leave it empty for ${next}.`}
        error={errors[LEVEL.rank.id]}
        value={rank}
        onChange={setRank}
        inputMode="numeric"
        width="nhsuk-input--width-4"
      />
      <TextAreaField
        id={LEVEL.description.id}
        label={LEVEL.description.label}
        error={errors[LEVEL.description.id]}
        value={description}
        onChange={setDescription}
      />
      <button className="nhsuk-button nhsuk-button--secondary" type="submit">
        {mutation.isPending ? 'Adding…' : 'Add the level'}
      </button>
      <Done message={done} />
    </form>
  );
}

const COURSE = {
  levelId: { id: 'course-level', label: 'Level' },
  code: { id: 'course-code', label: 'Course code' },
  title: { id: 'course-title', label: 'Course title' },
  required: { id: 'course-required', label: 'Needed to complete the level' },
};

export function AddCourseForm({ curriculum }: { curriculum: Curriculum }): React.JSX.Element {
  const client = useQueryClient();
  const [levelId, setLevelId] = useState('');
  const [code, setCode] = useState('');
  const [title, setTitle] = useState('');
  const [required, setRequired] = useState(true);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: () => addCourse(levelId, { code: code.trim(), title: title.trim(), required }),
    onSuccess: async (course) => {
      setDone(`Added the course ${course.code}.`);
      setCode('');
      setTitle('');
      await refreshCapability(client);
    },
    onError: (error) => {
      setProblems(problemsOf(error, COURSE, COURSE.code.id));
    },
  });
  const errors = byId(problems);
  if (curriculum.levels.length === 0) return <></>;
  return (
    <form
      noValidate
      aria-label="Add a course"
      onSubmit={(event) => {
        event.preventDefault();
        setDone(null);
        const found: FieldProblem[] = [];
        if (levelId === '') found.push({ id: COURSE.levelId.id, message: 'Choose the level' });
        if (!/^[A-Za-z0-9._-]{1,40}$/.test(code.trim()))
          found.push({
            id: COURSE.code.id,
            message: 'Enter a code of letters, digits, dots, hyphens or underscores',
          });
        if (title.trim() === '') found.push({ id: COURSE.title.id, message: 'Enter the course’s title' });
        setProblems(found);
        if (found.length === 0 && !mutation.isPending) mutation.mutate();
      }}
    >
      <h3 className="nhsuk-heading-s">Add a course</h3>
      <FormErrorSummary problems={problems} headingLevel={4} />
      <SelectField
        id={COURSE.levelId.id}
        label={COURSE.levelId.label}
        error={errors[COURSE.levelId.id]}
        value={levelId}
        choices={[
          { value: '', label: 'Choose a level' },
          ...curriculum.levels.map((l) => ({ value: l.id, label: l.name })),
        ]}
        onChange={setLevelId}
      />
      <TextField
        id={COURSE.code.id}
        label={COURSE.code.label}
        hint="For example, QI-101."
        error={errors[COURSE.code.id]}
        value={code}
        onChange={setCode}
        width="nhsuk-input--width-10"
      />
      <TextField
        id={COURSE.title.id}
        label={COURSE.title.label}
        error={errors[COURSE.title.id]}
        value={title}
        onChange={setTitle}
      />
      <Checkbox
        id={COURSE.required.id}
        label={COURSE.required.label}
        checked={required}
        onChange={setRequired}
      />
      <button className="nhsuk-button nhsuk-button--secondary" type="submit">
        {mutation.isPending ? 'Adding…' : 'Add the course'}
      </button>
      <Done message={done} />
    </form>
  );
}
