/**
 * @module components/goals/test-support
 * Fixtures of the goals and requirements pages' tests, shaped as the API sends them: the demo
 * trust's aim, an organisation goal on the four-hour measure (a proportion) with a unit goal
 * serving it, and a commissioner's requirement with its progress.
 */
import type { Aim, Goal, GoalNode } from './goals';
import type { Progress, Requirement } from './requirements';

export const ORG = {
  id: '00000000-0000-4000-8000-0000000000f4',
  odsCode: 'RF4',
  name: 'Barking, Havering and Redbridge',
  kind: 'provider' as const,
  createdAt: '2026-01-01T00:00:00.000Z',
};

export const ICB = {
  id: '00000000-0000-4000-8000-0000000000c1',
  odsCode: 'QMF',
  name: 'North East London ICB',
  kind: 'commissioner' as const,
  createdAt: '2026-01-01T00:00:00.000Z',
};

export const AIM: Aim = {
  id: '70000000-0000-4000-8000-000000000001',
  organisationId: ORG.id,
  title: 'Safe, timely and kind care for every patient',
  description: 'Our aim for the next three years.',
  position: 0,
  visibility: 'public',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

const STAMP = { createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' };

export const FOUR_HOUR: Goal = {
  id: '80000000-0000-4000-8000-000000000001',
  organisationId: ORG.id,
  unitId: null,
  unitName: null,
  aimId: AIM.id,
  parentGoalId: null,
  requirementId: null,
  seriesId: '90000000-0000-4000-8000-000000000001',
  measure: {
    id: 'a0000000-0000-4000-8000-000000000001',
    name: 'A&E four-hour performance',
    unitLabel: '%',
    dataType: 'proportion',
  },
  title: '95% of A&E patients seen within four hours',
  target: 0.95,
  deadline: '2027-03-31',
  visibility: 'public',
  status: {
    status: 'off_track',
    code: 'failing',
    reason:
      'The latest process cannot reach the target of 95% by 31 March 2027 without change: its limits (70% to 80%) are all on the wrong side of it.',
  },
  latest: { period: '2026-10-01', value: 0.752 },
  variation: 'common_cause',
  assurance: 'fail',
  ...STAMP,
};

export const FALLS: Goal = {
  ...FOUR_HOUR,
  id: '80000000-0000-4000-8000-000000000002',
  unitId: 'b0000000-0000-4000-8000-000000000001',
  unitName: 'Ward 10 (acute medicine)',
  parentGoalId: FOUR_HOUR.id,
  seriesId: '90000000-0000-4000-8000-000000000002',
  measure: {
    id: 'a0000000-0000-4000-8000-000000000002',
    name: 'Falls per 1,000 bed days',
    unitLabel: 'falls',
    dataType: 'value',
  },
  title: 'Fewer than 4 falls per 1,000 bed days on Ward 10',
  target: 4,
  visibility: 'internal',
  status: {
    status: 'at_risk',
    code: 'hit_or_miss',
    reason: 'The target of 4 is within the process limits (2 to 6): it will sometimes meet it.',
  },
  latest: { period: '2026-10-01', value: 3.5 },
  variation: 'common_cause',
  assurance: 'hit_or_miss',
};

export const LOOSE: Goal = {
  ...FALLS,
  id: '80000000-0000-4000-8000-000000000003',
  aimId: null,
  parentGoalId: null,
  title: 'A goal under no aim',
  status: {
    status: 'no_data',
    code: 'no_points',
    reason: 'No data have been recorded for this measure yet.',
  },
  latest: null,
  variation: 'none',
  assurance: null,
};

/** Goals as `GET /organisations/:ref/goals` sends them: the list and the cascade. */
export function goalList(
  items: readonly Goal[],
  projects: Record<string, { id: string; title: string }[]> = {},
): { items: Goal[]; tree: GoalNode[]; projects: Record<string, { id: string; title: string }[]> } {
  const ids = new Set(items.map((g) => g.id));
  const nest = (goal: Goal): GoalNode => ({
    ...goal,
    children: items.filter((g) => g.parentGoalId === goal.id).map(nest),
  });
  const tree = items.filter((g) => g.parentGoalId === null || !ids.has(g.parentGoalId)).map(nest);
  return { items: [...items], tree, projects };
}

export const PROJECT = { id: 'c0000000-0000-4000-8000-000000000001', title: 'Flow collaborative' };

/** The dashboard's series as the goal form's choices read them. */
export const DASHBOARD = {
  organisation: { id: ORG.id, odsCode: ORG.odsCode, name: ORG.name, kind: ORG.kind },
  total: 1,
  matrix: [],
  series: [
    {
      id: '90000000-0000-4000-8000-000000000009',
      measure: {
        id: 'a0000000-0000-4000-8000-000000000009',
        ownerOrganisationId: ORG.id,
        code: 'fft',
        name: 'Friends and Family Test: would recommend',
        domain: 'experience',
        dataType: 'proportion',
        chartType: 'p',
        direction: 'increase',
        unitLabel: '%',
        visibility: 'internal',
        synthetic: true,
      },
      unit: { id: 'b0000000-0000-4000-8000-000000000002', name: 'Ward 12 (respiratory)' },
      pointCount: 24,
      latest: null,
      target: null,
      icons: { variation: 'common_cause', assurance: null },
      warnings: [],
      annotationCount: 0,
      sparkline: { periods: [], values: [] },
    },
  ],
};

export const REQUIREMENT: Requirement = {
  id: 'd0000000-0000-4000-8000-000000000001',
  commissioner: { id: ICB.id, odsCode: ICB.odsCode, name: ICB.name },
  provider: { id: ORG.id, odsCode: ORG.odsCode, name: ORG.name },
  measureId: FOUR_HOUR.measure.id,
  title: 'Four-hour standard',
  description: 'The national standard.',
  target: 0.95,
  dueBy: '2027-03-31',
  ...STAMP,
};

export const PROGRESS: Progress = {
  requirement: REQUIREMENT,
  measureName: 'A&E four-hour performance',
  measureDataType: 'proportion',
  measureProgress: {
    seriesId: '90000000-0000-4000-8000-000000000003',
    status: {
      status: 'off_track',
      code: 'failing',
      reason: 'The latest process cannot reach the target of 95% by 31 March 2027 without change.',
    },
    variation: 'common_cause',
    assurance: 'fail',
    latest: { period: '2026-10-01', value: 0.752 },
  },
  goals: [{ ...FOUR_HOUR, requirementId: REQUIREMENT.id }],
  projects: [PROJECT],
};
