/**
 * @module goals/presenter
 * The exact fields of aims and goals the API sends.
 */
import type { Aim } from './repository.js';
import type { AimView, GoalDetailView, GoalNodeView, GoalView } from './schemas.js';
import type { GoalDetail, GoalNode, JudgedGoal } from './service.js';

/** A strategic aim for the API. */
export function presentAim(aim: Aim): AimView {
  return {
    id: aim.id,
    organisationId: aim.organisationId,
    title: aim.title,
    description: aim.description,
    position: aim.position,
    visibility: aim.visibility,
    createdAt: aim.createdAt.toISOString(),
    updatedAt: aim.updatedAt.toISOString(),
  };
}

/** A goal with its status for the API. */
export function presentGoal(goal: JudgedGoal): GoalView {
  return {
    id: goal.id,
    organisationId: goal.organisationId,
    unitId: goal.unitId,
    unitName: goal.unitName,
    aimId: goal.aimId,
    parentGoalId: goal.parentGoalId,
    requirementId: goal.requirementId,
    seriesId: goal.seriesId,
    measure: {
      id: goal.measureId,
      name: goal.measureName,
      unitLabel: goal.unitLabel,
      dataType: goal.dataType,
    },
    title: goal.title,
    target: goal.target,
    deadline: goal.deadline,
    visibility: goal.visibility,
    status: { ...goal.judgement },
    latest: goal.latest,
    variation: goal.variation,
    assurance: goal.assurance,
    createdAt: goal.createdAt.toISOString(),
    updatedAt: goal.updatedAt.toISOString(),
  };
}

/** A goal and those serving it, for the API. */
export function presentGoalNode(node: GoalNode): GoalNodeView {
  return { ...presentGoal(node), children: node.children.map(presentGoalNode) };
}

/** One goal in full, for the API. */
export function presentGoalDetail(goal: GoalDetail): GoalDetailView {
  return {
    ...presentGoal(goal),
    aim: goal.aim,
    parent: goal.parent,
    children: goal.children.map(presentGoal),
    projects: goal.projects,
  };
}
