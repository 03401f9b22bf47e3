/**
 * @module components/goals/GoalEditor
 * The goals page's one editing panel: the aim or goal form, or the question before removing one.
 * It takes focus when it opens; the page hands focus back when it closes.
 */
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { ConfirmChange } from '../members/ConfirmChange';
import { QueryState } from '../QueryState';
import { AimForm } from './AimForm';
import { GoalForm } from './GoalForm';
import type { Aim, Goal, GoalList } from './goals';
import { removeAim, removeGoal, statusLabel, useSeriesChoices } from './goals';

/** What is being edited. */
export type Editing =
  | { readonly kind: 'add-aim' }
  | { readonly kind: 'edit-aim'; readonly aim: Aim }
  | { readonly kind: 'remove-aim'; readonly aim: Aim }
  | { readonly kind: 'add-goal'; readonly aimId?: string | undefined }
  | { readonly kind: 'edit-goal'; readonly goal: Goal }
  | { readonly kind: 'remove-goal'; readonly goal: Goal };

/** A key that changes whenever another thing is edited (so forms start afresh). */
export function editingKey(editing: Editing): string {
  switch (editing.kind) {
    case 'add-aim':
      return 'add-aim';
    case 'add-goal':
      return `add-goal:${editing.aimId ?? ''}`;
    case 'edit-aim':
    case 'remove-aim':
      return `${editing.kind}:${editing.aim.id}`;
    case 'edit-goal':
    case 'remove-goal':
      return `${editing.kind}:${editing.goal.id}`;
  }
}

/** Moves focus to the first heading of a panel when it opens. */
function useFocusOnOpen(key: string): React.RefObject<HTMLDivElement | null> {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const heading = box.current?.querySelector<HTMLElement>('h2, h3');
    if (heading === null || heading === undefined) return;
    heading.tabIndex = -1;
    heading.focus();
  }, [key]);
  return box;
}

export function GoalEditor({
  odsCode,
  editing,
  aims,
  list,
  seriesUnits,
  onDone,
  onCancel,
}: {
  odsCode: string;
  editing: Editing;
  /** Only the series of these units may be chosen (a unit lead's); absent: every series. */
  seriesUnits?: ReadonlySet<string> | undefined;
  aims: readonly Aim[];
  list: GoalList;
  /** After a change: what to say ("The goal … has been added."). */
  onDone: (message: string) => void;
  onCancel: () => void;
}): React.JSX.Element {
  const key = editingKey(editing);
  const box = useFocusOnOpen(key);
  return (
    <div ref={box} className="gs-goal-editor">
      <Panel
        key={key}
        odsCode={odsCode}
        editing={editing}
        aims={aims}
        list={list}
        seriesUnits={seriesUnits}
        onDone={onDone}
        onCancel={onCancel}
      />
    </div>
  );
}

function Panel({
  odsCode,
  editing,
  aims,
  list,
  seriesUnits,
  onDone,
  onCancel,
}: {
  odsCode: string;
  editing: Editing;
  aims: readonly Aim[];
  list: GoalList;
  seriesUnits: ReadonlySet<string> | undefined;
  onDone: (message: string) => void;
  onCancel: () => void;
}): React.JSX.Element {
  const remove = useMutation({
    mutationFn: () =>
      editing.kind === 'remove-aim'
        ? removeAim(odsCode, editing.aim.id)
        : editing.kind === 'remove-goal'
          ? removeGoal(editing.goal.id)
          : Promise.resolve(null),
    onSuccess: () => {
      if (editing.kind === 'remove-aim') onDone(`The aim “${editing.aim.title}” has been removed.`);
      if (editing.kind === 'remove-goal') onDone(`The goal “${editing.goal.title}” has been removed.`);
    },
  });
  switch (editing.kind) {
    case 'add-aim':
    case 'edit-aim':
      return (
        <AimForm
          odsCode={odsCode}
          aim={editing.kind === 'edit-aim' ? editing.aim : undefined}
          onSaved={(aim) => {
            onDone(
              editing.kind === 'add-aim'
                ? `The aim “${aim.title}” has been added.`
                : `The aim “${aim.title}” has been saved.`,
            );
          }}
          onCancel={onCancel}
        />
      );
    case 'add-goal':
    case 'edit-goal':
      return (
        <GoalFormWithSeries
          odsCode={odsCode}
          goal={editing.kind === 'edit-goal' ? editing.goal : undefined}
          defaultAimId={editing.kind === 'add-goal' ? editing.aimId : undefined}
          aims={aims}
          list={list}
          seriesUnits={seriesUnits}
          onDone={onDone}
          onCancel={onCancel}
        />
      );
    case 'remove-aim':
      return (
        <ConfirmChange
          id="aim-remove"
          title={`Remove the aim “${editing.aim.title}”?`}
          yes="Yes, remove the aim"
          no="No, keep it"
          pending={remove.isPending}
          error={remove.isError ? remove.error : null}
          errorTitle="The aim could not be removed"
          onConfirm={() => {
            remove.mutate();
          }}
          onCancel={onCancel}
        >
          <p>Its goals stay, under no aim. Their status and the cascade do not change.</p>
        </ConfirmChange>
      );
    case 'remove-goal':
      return (
        <ConfirmChange
          id="goal-remove"
          title={`Remove the goal “${editing.goal.title}”?`}
          yes="Yes, remove the goal"
          no="No, keep it"
          pending={remove.isPending}
          error={remove.isError ? remove.error : null}
          errorTitle="The goal could not be removed"
          onConfirm={() => {
            remove.mutate();
          }}
          onCancel={onCancel}
        >
          <p>
            The goals that serve it will serve the goal above it instead. Its links to projects go with it;
            the measure and its data stay.
          </p>
        </ConfirmChange>
      );
  }
}

function GoalFormWithSeries({
  odsCode,
  goal,
  defaultAimId,
  aims,
  list,
  seriesUnits,
  onDone,
  onCancel,
}: {
  odsCode: string;
  goal: Goal | undefined;
  defaultAimId: string | undefined;
  aims: readonly Aim[];
  list: GoalList;
  seriesUnits: ReadonlySet<string> | undefined;
  onDone: (message: string) => void;
  onCancel: () => void;
}): React.JSX.Element {
  const series = useSeriesChoices(odsCode);
  const form = (choices: Parameters<typeof GoalForm>[0]['series']): React.JSX.Element => (
    <GoalForm
      odsCode={odsCode}
      goal={goal}
      series={choices}
      aims={aims}
      goals={list.items}
      tree={list.tree}
      defaultAimId={defaultAimId}
      onSaved={(saved) => {
        onDone(
          goal === undefined
            ? `The goal “${saved.title}” has been added: its status is ${statusWords(saved)}.`
            : `The goal “${saved.title}” has been saved: its status is ${statusWords(saved)}.`,
        );
      }}
      onCancel={onCancel}
    />
  );
  // Changing a goal needs no series: its measure cannot change.
  if (goal !== undefined) return form([]);
  return (
    <QueryState query={series} what="the organisation's measures">
      {(choices) =>
        form(
          seriesUnits === undefined
            ? choices
            : choices.filter((c) => c.unitId !== null && seriesUnits.has(c.unitId)),
        )
      }
    </QueryState>
  );
}

function statusWords(goal: Goal): string {
  return statusLabel(goal.status.status).toLowerCase();
}
