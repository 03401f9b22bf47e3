/**
 * @module components/capability/CoachTools
 * What coaches, QI leads and administrators do: record a person's completed course, confirm or
 * reject what people declared, and (QI leads and administrators) set the unit each person works in.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import { send } from '../../api/send';
import type { UnitNode } from '../dashboard/units';
import { unitOptions } from '../dashboard/units';
import type { FieldProblem } from '../form';
import { byId, DateField, Done, FormErrorSummary, isIsoDate, problemsOf, SelectField } from '../form';
import type { Completion, Curriculum, Person } from './data';
import {
  confirmCompletion,
  courseChoices,
  recordCompletion,
  refreshCapability,
  removeCompletion,
} from './data';

const RECORD = {
  userId: { id: 'record-person', label: 'Person' },
  courseId: { id: 'record-course', label: 'Course' },
  completedOn: { id: 'record-date', label: 'Completed on' },
};

const personChoices = (people: readonly Person[]): { value: string; label: string }[] =>
  people.map((p) => ({ value: p.userId, label: `${p.displayName} (${p.email})` }));

export function RecordForm({
  odsCode,
  curriculum,
  people,
}: {
  odsCode: string;
  curriculum: Curriculum;
  people: readonly Person[];
}): React.JSX.Element {
  const client = useQueryClient();
  const [userId, setUserId] = useState('');
  const [courseId, setCourseId] = useState('');
  const [completedOn, setCompletedOn] = useState('');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: () => recordCompletion(odsCode, { userId, courseId, completedOn }),
    onSuccess: async () => {
      const person = people.find((p) => p.userId === userId)?.displayName ?? 'them';
      setDone(`Recorded the course for ${person}. Capability by unit is up to date.`);
      setCourseId('');
      await refreshCapability(client);
    },
    onError: (error) => {
      setProblems(problemsOf(error, RECORD, RECORD.userId.id));
    },
  });
  const errors = byId(problems);
  return (
    <form
      noValidate
      aria-label="Record a completed course"
      onSubmit={(event) => {
        event.preventDefault();
        setDone(null);
        const found: FieldProblem[] = [];
        if (userId === '') found.push({ id: RECORD.userId.id, message: 'Choose the person' });
        if (courseId === '') found.push({ id: RECORD.courseId.id, message: 'Choose the course' });
        if (!isIsoDate(completedOn))
          found.push({ id: RECORD.completedOn.id, message: 'Enter the day they completed it' });
        setProblems(found);
        if (found.length === 0 && !mutation.isPending) mutation.mutate();
      }}
    >
      <h3 className="nhsuk-heading-s">Record a completed course</h3>
      <FormErrorSummary problems={problems} headingLevel={4} />
      <SelectField
        id={RECORD.userId.id}
        label={RECORD.userId.label}
        error={errors[RECORD.userId.id]}
        value={userId}
        choices={[{ value: '', label: 'Choose a person' }, ...personChoices(people)]}
        onChange={setUserId}
      />
      <SelectField
        id={RECORD.courseId.id}
        label={RECORD.courseId.label}
        error={errors[RECORD.courseId.id]}
        value={courseId}
        choices={[{ value: '', label: 'Choose a course' }, ...courseChoices(curriculum)]}
        onChange={setCourseId}
      />
      <DateField
        id={RECORD.completedOn.id}
        label={RECORD.completedOn.label}
        error={errors[RECORD.completedOn.id]}
        value={completedOn}
        onChange={setCompletedOn}
      />
      <button className="nhsuk-button" type="submit">
        {mutation.isPending ? 'Recording…' : 'Record it'}
      </button>
      <Done message={done} />
    </form>
  );
}

/** Confirm and Reject for a declaration waiting for a coach (not one's own). */
export function ReviewButtons({
  completion,
  me,
}: {
  completion: Completion;
  me: string | undefined;
}): React.JSX.Element {
  const client = useQueryClient();
  const mutation = useMutation({
    mutationFn: (confirm: boolean) =>
      confirm
        ? confirmCompletion(completion.courseId, completion.userId)
        : removeCompletion(completion.courseId, completion.userId),
    onSuccess: () => refreshCapability(client),
  });
  if (completion.userId === me) return <span className="nhsuk-body-s">Yours: another coach confirms it</span>;
  const what = `${completion.courseCode} for ${completion.userName}`;
  return (
    <div className="nhsuk-button-group">
      <button
        className="nhsuk-button nhsuk-button--small"
        type="button"
        onClick={() => {
          if (!mutation.isPending) mutation.mutate(true);
        }}
      >
        Confirm <span className="nhsuk-u-visually-hidden">{what}</span>
      </button>
      <button
        className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
        type="button"
        onClick={() => {
          if (!mutation.isPending) mutation.mutate(false);
        }}
      >
        Reject <span className="nhsuk-u-visually-hidden">{what}</span>
      </button>
      {mutation.isError ? <p className="nhsuk-error-message">{mutation.error.message}</p> : null}
    </div>
  );
}

const UNIT = {
  userId: { id: 'unit-person', label: 'Person' },
  unitId: { id: 'unit-unit', label: 'Unit they work in' },
  since: { id: 'unit-since', label: 'Since' },
};

export function StaffUnitForm({
  odsCode,
  people,
  units,
}: {
  odsCode: string;
  people: readonly Person[];
  units: readonly UnitNode[];
}): React.JSX.Element {
  const client = useQueryClient();
  const [userId, setUserId] = useState('');
  const [unitId, setUnitId] = useState('');
  const [since, setSince] = useState('');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: () =>
      send(
        api.PUT('/api/v1/organisations/{ref}/capability/people/{userId}', {
          params: { path: { ref: odsCode, userId } },
          body: { unitId: unitId === '' ? null : unitId, ...(since === '' ? {} : { since }) },
        }),
      ),
    onSuccess: async (person) => {
      setDone(`Saved ${person.displayName}’s unit.`);
      await refreshCapability(client);
    },
    onError: (error) => {
      setProblems(problemsOf(error, UNIT, UNIT.userId.id));
    },
  });
  const errors = byId(problems);
  return (
    <form
      noValidate
      aria-label="Set the unit a person works in"
      onSubmit={(event) => {
        event.preventDefault();
        setDone(null);
        const found: FieldProblem[] = [];
        if (userId === '') found.push({ id: UNIT.userId.id, message: 'Choose the person' });
        if (since !== '' && !isIsoDate(since))
          found.push({ id: UNIT.since.id, message: 'Enter a real date' });
        setProblems(found);
        if (found.length === 0 && !mutation.isPending) mutation.mutate();
      }}
    >
      <h3 className="nhsuk-heading-s">Set the unit a person works in</h3>
      <p className="nhsuk-body-s">They count among the unit’s staff from this day on.</p>
      <FormErrorSummary problems={problems} headingLevel={4} />
      <SelectField
        id={UNIT.userId.id}
        label={UNIT.userId.label}
        error={errors[UNIT.userId.id]}
        value={userId}
        choices={[{ value: '', label: 'Choose a person' }, ...personChoices(people)]}
        onChange={(value) => {
          setUserId(value);
          setUnitId(people.find((p) => p.userId === value)?.unitId ?? '');
        }}
      />
      <SelectField
        id={UNIT.unitId.id}
        label={UNIT.unitId.label}
        error={errors[UNIT.unitId.id]}
        value={unitId}
        choices={[{ value: '', label: 'None' }, ...unitOptions(units)]}
        onChange={setUnitId}
      />
      <DateField
        id={UNIT.since.id}
        label={UNIT.since.label}
        hint="Leave it empty for today."
        error={errors[UNIT.since.id]}
        value={since}
        onChange={setSince}
      />
      <button className="nhsuk-button nhsuk-button--secondary" type="submit">
        {mutation.isPending ? 'Saving…' : 'Save the unit'}
      </button>
      <Done message={done} />
    </form>
  );
}
