/**
 * @module components/goals/StatusTag
 * A goal's status as an NHS tag: its colour and its words ("On track", "At risk", "Off track", "No
 * data"), never colour alone.
 */
import type { GoalStatus } from './goals';
import { STATUSES } from './goals';

export function StatusTag({ status }: { status: GoalStatus }): React.JSX.Element {
  const found = STATUSES.find((s) => s.value === status) ?? STATUSES[3]!;
  return <strong className={`nhsuk-tag ${found.tag} gs-goal-status`}>{found.label}</strong>;
}
