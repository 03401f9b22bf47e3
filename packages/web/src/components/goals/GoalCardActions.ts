/**
 * @module components/goals/GoalCardActions
 * What a goal card's buttons do, for those who manage goals (absent: no buttons).
 */
import type { Goal } from './goals';

export interface GoalCardActions {
  readonly onEdit: (goal: Goal) => void;
  readonly onRemove: (goal: Goal) => void;
  /** Whether this goal gets the buttons (absent: every goal; a unit lead: their units' goals). */
  readonly may?: ((goal: Goal) => boolean) | undefined;
}
