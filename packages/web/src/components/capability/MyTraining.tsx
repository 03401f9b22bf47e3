/**
 * @module components/capability/MyTraining
 * A person's own training record (what counts, and what waits for a coach), declaring a course
 * they completed, and withdrawing a declaration while it waits.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ScrollTable } from './ScrollTable';
import type { FieldProblem } from '../form';
import { byId, DateField, Done, FormErrorSummary, isIsoDate, problemsOf, SelectField } from '../form';
import type { Completion, Curriculum } from './data';
import { courseChoices, declareCompletion, refreshCapability, removeCompletion, sourceText } from './data';

export function TrainingTable({
  items,
  caption,
  showPerson,
  actions,
}: {
  items: readonly Completion[];
  caption: string;
  showPerson: boolean;
  actions?: ((completion: Completion) => React.ReactNode) | undefined;
}): React.JSX.Element {
  return (
    <ScrollTable label={caption}>
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption nhsuk-table__caption--s">{caption}</caption>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            {showPerson ? (
              <th scope="col" className="nhsuk-table__header">
                Person
              </th>
            ) : null}
            <th scope="col" className="nhsuk-table__header">
              Course
            </th>
            <th scope="col" className="nhsuk-table__header">
              Completed on
            </th>
            <th scope="col" className="nhsuk-table__header">
              How it was recorded
            </th>
            {actions === undefined ? null : (
              <th scope="col" className="nhsuk-table__header">
                <span className="nhsuk-u-visually-hidden">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {items.map((c) => (
            <tr className="nhsuk-table__row" key={`${c.courseId}/${c.userId}`}>
              {showPerson ? <td className="nhsuk-table__cell">{c.userName}</td> : null}
              <td className="nhsuk-table__cell">
                <strong>{c.courseCode}</strong> {c.courseTitle}
              </td>
              <td className="nhsuk-table__cell">{c.completedOn}</td>
              <td className="nhsuk-table__cell">{sourceText(c)}</td>
              {actions === undefined ? null : <td className="nhsuk-table__cell">{actions(c)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}

const FIELDS = {
  courseId: { id: 'declare-course', label: 'Course' },
  completedOn: { id: 'declare-date', label: 'Completed on' },
};

export function DeclareForm({
  odsCode,
  curriculum,
}: {
  odsCode: string;
  curriculum: Curriculum;
}): React.JSX.Element {
  const client = useQueryClient();
  const [courseId, setCourseId] = useState('');
  const [completedOn, setCompletedOn] = useState('');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: () => declareCompletion(odsCode, { courseId, completedOn }),
    onSuccess: async () => {
      setDone('Declared: it counts once a coach confirms it.');
      setCourseId('');
      setCompletedOn('');
      await refreshCapability(client);
    },
    onError: (error) => {
      setProblems(problemsOf(error, FIELDS, FIELDS.courseId.id));
    },
  });
  const errors = byId(problems);
  return (
    <form
      noValidate
      aria-label="Declare a course you completed"
      onSubmit={(event) => {
        event.preventDefault();
        setDone(null);
        const found: FieldProblem[] = [];
        if (courseId === '')
          found.push({ id: FIELDS.courseId.id, message: 'Choose the course you completed' });
        if (!isIsoDate(completedOn))
          found.push({ id: FIELDS.completedOn.id, message: 'Enter the day you completed it' });
        setProblems(found);
        if (found.length === 0 && !mutation.isPending) mutation.mutate();
      }}
    >
      <h3 className="nhsuk-heading-s">Declare a course you completed</h3>
      <p className="nhsuk-body-s">A coach confirms it before it counts towards your unit’s capability.</p>
      <FormErrorSummary problems={problems} headingLevel={4} />
      <SelectField
        id={FIELDS.courseId.id}
        label={FIELDS.courseId.label}
        error={errors[FIELDS.courseId.id]}
        value={courseId}
        choices={[{ value: '', label: 'Choose a course' }, ...courseChoices(curriculum)]}
        onChange={setCourseId}
      />
      <DateField
        id={FIELDS.completedOn.id}
        label={FIELDS.completedOn.label}
        error={errors[FIELDS.completedOn.id]}
        value={completedOn}
        onChange={setCompletedOn}
      />
      <button className="nhsuk-button nhsuk-button--secondary" type="submit">
        {mutation.isPending ? 'Declaring…' : 'Declare it'}
      </button>
      <Done message={done} />
    </form>
  );
}

/** "Withdraw" for one's own declaration while it waits for a coach. */
export function WithdrawButton({ completion }: { completion: Completion }): React.JSX.Element | null {
  const client = useQueryClient();
  const mutation = useMutation({
    mutationFn: () => removeCompletion(completion.courseId, completion.userId),
    onSuccess: () => refreshCapability(client),
  });
  if (completion.counts) return null;
  return (
    <>
      <button
        className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
        type="button"
        onClick={() => {
          if (!mutation.isPending) mutation.mutate();
        }}
      >
        Withdraw <span className="nhsuk-u-visually-hidden">{completion.courseCode}</span>
      </button>
      {mutation.isError ? <p className="nhsuk-error-message">{mutation.error.message}</p> : null}
    </>
  );
}
