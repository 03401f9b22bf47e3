/**
 * @module components/goals/GoalForm
 * Adding or changing a goal: the series it is about (a measure, for the organisation or one of its
 * units; fixed once the goal exists), its title, target and deadline, the strategic aim it is under,
 * the goal it serves (the cascade), and who may see it. A proportion's target is typed as a
 * percentage. Problems are shown in an NHS error summary that names the field, and beside it.
 */
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { Aim, Goal, GoalDetail, GoalNode, SeriesChoice, Visibility } from './goals';
import { addGoal, changeGoal, selfAndBelow, VISIBILITIES } from './goals';
import {
  FormErrorSummary,
  SelectField,
  TextField,
  byId,
  fromTyped,
  isIsoDate,
  namedProblems,
  parseNumber,
  toTyped,
} from '../form';
import type { FieldProblem } from '../form';

export const GOAL_FIELDS = {
  seriesId: { id: 'goal-series', label: 'Measure' },
  unitId: { id: 'goal-series', label: 'Measure' },
  title: { id: 'goal-title', label: 'Goal' },
  target: { id: 'goal-target', label: 'Target' },
  deadline: { id: 'goal-deadline', label: 'Deadline' },
  aimId: { id: 'goal-aim', label: 'Strategic aim' },
  parentGoalId: { id: 'goal-parent', label: 'The goal it serves' },
  visibility: { id: 'goal-visibility', label: 'Who can see it' },
};

interface Draft {
  seriesId: string;
  title: string;
  target: string;
  deadline: string;
  aimId: string;
  parentGoalId: string;
  visibility: Visibility;
}

export function GoalForm({
  odsCode,
  goal,
  series,
  aims,
  goals,
  tree,
  defaultAimId,
  onSaved,
  onCancel,
}: {
  odsCode: string;
  /** The goal to change; absent: a new goal. */
  goal?: Goal | undefined;
  /** The organisation's series the reader may read. */
  series: readonly SeriesChoice[];
  aims: readonly Aim[];
  /** Every goal listed (the choices of the goal it serves). */
  goals: readonly Goal[];
  tree: readonly GoalNode[];
  defaultAimId?: string | undefined;
  onSaved: (goal: GoalDetail) => void;
  onCancel: () => void;
}): React.JSX.Element {
  const editing = goal !== undefined;
  const [draft, setDraft] = useState<Draft>(() => ({
    seriesId: goal?.seriesId ?? '',
    title: goal?.title ?? '',
    target: goal === undefined ? '' : toTyped(goal.target, goal.measure.dataType === 'proportion'),
    deadline: goal?.deadline ?? '',
    aimId: goal === undefined ? (defaultAimId ?? aims[0]?.id ?? '') : (goal.aimId ?? ''),
    parentGoalId: goal?.parentGoalId ?? '',
    visibility: goal?.visibility ?? 'internal',
  }));
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const set = <K extends keyof Draft>(key: K) => {
    return (value: Draft[K]): void => {
      setDraft((old) => ({ ...old, [key]: value }));
    };
  };
  const chosen = series.find((s) => s.id === draft.seriesId);
  const proportion = (goal?.measure.dataType ?? chosen?.measure.dataType) === 'proportion';
  const unitLabel = goal?.measure.unitLabel ?? chosen?.measure.unitLabel ?? '';
  const excluded = goal === undefined ? new Set<string>() : selfAndBelow(tree, goal.id);

  const mutation = useMutation({
    mutationFn: (body: {
      seriesId: string;
      title: string;
      target: number;
      deadline: string;
      aimId: string | null;
      parentGoalId: string | null;
      visibility: Visibility;
    }) => {
      if (goal === undefined) return addGoal(odsCode, body);
      return changeGoal(goal.id, {
        title: body.title,
        target: body.target,
        deadline: body.deadline,
        aimId: body.aimId,
        parentGoalId: body.parentGoalId,
        visibility: body.visibility,
      });
    },
    onSuccess: (saved) => {
      setProblems([]);
      onSaved(saved);
    },
    onError: (error) => {
      setProblems(namedProblems(error, GOAL_FIELDS, GOAL_FIELDS.title.id));
    },
  });
  const errors = byId(problems);
  const heading = editing ? `Change the goal “${goal.title}”` : 'Add a goal';

  return (
    <form
      noValidate
      className="gs-goal-form"
      aria-labelledby="goal-form-heading"
      onSubmit={(event) => {
        event.preventDefault();
        if (mutation.isPending) return;
        const found: FieldProblem[] = [];
        if (!editing && draft.seriesId === '')
          found.push({ id: GOAL_FIELDS.seriesId.id, message: 'Choose the measure the goal is about' });
        if (draft.title.trim() === '') found.push({ id: GOAL_FIELDS.title.id, message: 'Enter the goal' });
        const target = parseNumber(draft.target);
        if (target === null)
          found.push({
            id: GOAL_FIELDS.target.id,
            message:
              draft.target.trim() === '' ? 'Enter the target' : 'Enter the target as a number, like 95',
          });
        if (!isIsoDate(draft.deadline))
          found.push({
            id: GOAL_FIELDS.deadline.id,
            message: draft.deadline === '' ? 'Enter the deadline' : 'Enter a real date for the deadline',
          });
        setProblems(found);
        if (found.length > 0 || target === null) return;
        mutation.mutate({
          seriesId: draft.seriesId,
          title: draft.title.trim(),
          target: fromTyped(target, proportion),
          deadline: draft.deadline,
          aimId: draft.aimId === '' ? null : draft.aimId,
          parentGoalId: draft.parentGoalId === '' ? null : draft.parentGoalId,
          visibility: draft.visibility,
        });
      }}
    >
      <h2 id="goal-form-heading">{heading}</h2>
      <p>
        Its status is worked out from the SPC analysis of the measure&apos;s data, never typed in: choose the
        measure, the value to reach and by when.
      </p>
      <FormErrorSummary problems={problems} headingLevel={3} />
      {editing ? (
        <p>
          <strong>Measure:</strong> {goal.measure.name}, {goal.unitName ?? 'Whole organisation'} (to set a
          goal on another measure, add a new goal)
        </p>
      ) : (
        <SelectField
          id={GOAL_FIELDS.seriesId.id}
          label="Measure"
          hint="A measure the organisation records, for the whole organisation or one of its units: the goal belongs to that unit."
          error={errors[GOAL_FIELDS.seriesId.id]}
          value={draft.seriesId}
          choices={[
            { value: '', label: 'Choose a measure' },
            ...series.map((s) => ({ value: s.id, label: s.label })),
          ]}
          onChange={set('seriesId')}
        />
      )}
      <TextField
        width="nhsuk-u-width-full"
        id={GOAL_FIELDS.title.id}
        label="Goal"
        hint="In words, such as “Halve falls on Ward 10 by March 2027”."
        error={errors[GOAL_FIELDS.title.id]}
        value={draft.title}
        onChange={set('title')}
      />
      <TextField
        id={GOAL_FIELDS.target.id}
        label={proportion ? 'Target (%)' : 'Target'}
        hint={
          proportion
            ? 'As a percentage, such as 95.'
            : `The value to reach${unitLabel === '' ? '' : `, in ${unitLabel}`}.`
        }
        error={errors[GOAL_FIELDS.target.id]}
        value={draft.target}
        onChange={set('target')}
        inputMode="decimal"
        width="nhsuk-input--width-10"
      />
      <TextField
        id={GOAL_FIELDS.deadline.id}
        label="Deadline"
        hint="For example, 2027-03-31."
        type="date"
        width="nhsuk-input--width-10"
        error={errors[GOAL_FIELDS.deadline.id]}
        value={draft.deadline}
        onChange={set('deadline')}
      />
      <SelectField
        id={GOAL_FIELDS.aimId.id}
        label="Strategic aim"
        error={errors[GOAL_FIELDS.aimId.id]}
        value={draft.aimId}
        choices={[{ value: '', label: 'No aim' }, ...aims.map((a) => ({ value: a.id, label: a.title }))]}
        onChange={set('aimId')}
      />
      <SelectField
        id={GOAL_FIELDS.parentGoalId.id}
        label="The goal it serves (optional)"
        hint="An organisation goal, or a goal of its unit or a unit above it: the cascade."
        error={errors[GOAL_FIELDS.parentGoalId.id]}
        value={draft.parentGoalId}
        choices={[
          { value: '', label: 'None: it is at the top of the cascade' },
          ...goals
            .filter((g) => !excluded.has(g.id))
            .map((g) => ({ value: g.id, label: `${g.title} (${g.unitName ?? 'whole organisation'})` })),
        ]}
        onChange={set('parentGoalId')}
      />
      <SelectField
        id={GOAL_FIELDS.visibility.id}
        label="Who can see it"
        hint="Also limited by who can see the measure."
        error={errors[GOAL_FIELDS.visibility.id]}
        value={draft.visibility}
        choices={VISIBILITIES.map((v) => ({ value: v.value, label: `${v.label}: ${v.hint}` }))}
        onChange={(value) => {
          set('visibility')(value as Visibility);
        }}
      />
      <div className="nhsuk-button-group">
        <button className="nhsuk-button" type="submit">
          {mutation.isPending ? 'Saving…' : editing ? 'Save the goal' : 'Add the goal'}
        </button>
        <button className="nhsuk-button nhsuk-button--secondary" type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
