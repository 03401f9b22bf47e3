/**
 * @module components/goals/goals
 * Strategic aims and goals as the goals page, a unit's page and the requirements page use them:
 * the typed API calls, their query keys, statuses in words, and values written as the measure
 * reads (proportions, 0–1 in the API, as percentages).
 */
import { useQuery } from '@tanstack/react-query';
import type { UseQueryResult } from '@tanstack/react-query';
import { api, data } from '../../api/client';
import type { Schema } from '../../api/client';
import type { paths } from '../../api/schema';
import { formatPeriod, formatValue } from '../dashboard/format';
import { send } from '../../api/send';

export type Aim = Schema<'StrategicAim'>;
export type Goal = Schema<'Goal'>;
export type GoalNode = Schema<'GoalNode'>;
export type GoalStatus = Goal['status']['status'];
export type Visibility = Goal['visibility'];
export type LinkedProject = Schema<'LinkedProject'>;
export type GoalList =
  paths['/api/v1/organisations/{ref}/goals']['get']['responses'][200]['content']['application/json'];
export type UnitGoals =
  paths['/api/v1/organisations/{ref}/units/{unitId}/goals']['get']['responses'][200]['content']['application/json'];
export type AimInput =
  paths['/api/v1/organisations/{ref}/aims']['post']['requestBody']['content']['application/json'];
export type GoalInput =
  paths['/api/v1/organisations/{ref}/goals']['post']['requestBody']['content']['application/json'];
export type GoalPatch = paths['/api/v1/goals/{id}']['patch']['requestBody']['content']['application/json'];
export type GoalDetail = Schema<'GoalDetail'>;

/** The statuses in the order the summary counts them, with their words and NHS tag colour. */
export const STATUSES: readonly { value: GoalStatus; label: string; tag: string }[] = [
  { value: 'on_track', label: 'On track', tag: 'nhsuk-tag--green' },
  { value: 'at_risk', label: 'At risk', tag: 'nhsuk-tag--yellow' },
  { value: 'off_track', label: 'Off track', tag: 'nhsuk-tag--red' },
  { value: 'no_data', label: 'No data', tag: 'nhsuk-tag--grey' },
];

export function statusLabel(status: GoalStatus): string {
  return STATUSES.find((s) => s.value === status)?.label ?? status;
}

export const VISIBILITIES: readonly { value: Visibility; label: string; hint: string }[] = [
  { value: 'internal', label: 'Internal', hint: 'The organisation’s own staff.' },
  { value: 'public', label: 'Public', hint: 'Anyone, on the organisation’s public pages.' },
  { value: 'private', label: 'Private', hint: 'Only those who manage goals and measures.' },
];

export function visibilityLabel(visibility: Visibility): string {
  return VISIBILITIES.find((v) => v.value === visibility)?.label ?? visibility;
}

/** A goal's measure as the value formatters need it. */
type Measured = Pick<Goal['measure'], 'dataType' | 'unitLabel'>;

/** A value of the goal's measure: `95%` for a proportion, `4 falls` otherwise. */
export function goalValue(measure: Measured, value: number): string {
  return formatValue({ ...measure, chartType: 'xmr' }, value);
}

/** "Latest 87.2% (Mar 2026)", or that there are no data. */
export function latestWords(goal: Pick<Goal, 'measure' | 'latest'>): string {
  if (goal.latest === null) return 'No data yet';
  return `${goalValue(goal.measure, goal.latest.value)} (${formatPeriod(goal.latest.period)})`;
}

/** How many goals have each status. */
export function countByStatus(goals: readonly Pick<Goal, 'status'>[]): Record<GoalStatus, number> {
  const counts: Record<GoalStatus, number> = { on_track: 0, at_risk: 0, off_track: 0, no_data: 0 };
  for (const goal of goals) counts[goal.status.status] += 1;
  return counts;
}

/** The ids of a goal and of every goal that serves it, in `tree` (a goal cannot serve these). */
export function selfAndBelow(tree: readonly GoalNode[], id: string): Set<string> {
  const out = new Set<string>();
  const collect = (node: GoalNode): void => {
    out.add(node.id);
    node.children.forEach(collect);
  };
  const find = (nodes: readonly GoalNode[]): boolean =>
    nodes.some((node) => {
      if (node.id === id) {
        collect(node);
        return true;
      }
      return find(node.children);
    });
  find(tree);
  return out;
}

export const goalKeys = {
  all: (ref: string) => ['goals', ref.toUpperCase()] as const,
  list: (ref: string) => ['goals', ref.toUpperCase(), 'list'] as const,
  aims: (ref: string) => ['goals', ref.toUpperCase(), 'aims'] as const,
  unit: (ref: string, unitId: string) => ['goals', ref.toUpperCase(), 'unit', unitId] as const,
};

export function useGoals(ref: string): UseQueryResult<GoalList> {
  return useQuery({
    queryKey: goalKeys.list(ref),
    queryFn: () => data(api.GET('/api/v1/organisations/{ref}/goals', { params: { path: { ref } } })),
  });
}

export function useAims(ref: string): UseQueryResult<{ items: Aim[] }> {
  return useQuery({
    queryKey: goalKeys.aims(ref),
    queryFn: () => data(api.GET('/api/v1/organisations/{ref}/aims', { params: { path: { ref } } })),
  });
}

export function useUnitGoals(ref: string, unitId: string): UseQueryResult<UnitGoals> {
  return useQuery({
    queryKey: goalKeys.unit(ref, unitId),
    queryFn: () =>
      data(
        api.GET('/api/v1/organisations/{ref}/units/{unitId}/goals', { params: { path: { ref, unitId } } }),
      ),
  });
}

/** A series a goal can be set on: its id, measure and unit, in words. */
export interface SeriesChoice {
  readonly id: string;
  readonly label: string;
  /** The series' unit (null: the organisation as a whole). */
  readonly unitId: string | null;
  readonly measure: Measured;
}

/** The organisation's series the reader may read, as choices (the dashboard without sparklines). */
export function useSeriesChoices(ref: string): UseQueryResult<SeriesChoice[]> {
  return useQuery({
    queryKey: ['goals', ref.toUpperCase(), 'series-choices'],
    queryFn: async () => {
      const dashboard = await data(
        api.GET('/api/v1/organisations/{ref}/dashboard', { params: { path: { ref }, query: { points: 0 } } }),
      );
      return dashboard.series.map((series) => ({
        id: series.id,
        label: `${series.measure.name} – ${series.unit?.name ?? 'Whole organisation'}`,
        unitId: series.unit?.id ?? null,
        measure: { dataType: series.measure.dataType, unitLabel: series.measure.unitLabel },
      }));
    },
  });
}

export function addAim(ref: string, body: AimInput): Promise<Aim> {
  return send(api.POST('/api/v1/organisations/{ref}/aims', { params: { path: { ref } }, body }));
}

export function changeAim(ref: string, id: string, body: Partial<AimInput>): Promise<Aim> {
  return send(api.PATCH('/api/v1/organisations/{ref}/aims/{id}', { params: { path: { ref, id } }, body }));
}

export function removeAim(ref: string, id: string): Promise<unknown> {
  return send(api.DELETE('/api/v1/organisations/{ref}/aims/{id}', { params: { path: { ref, id } } }));
}

export function addGoal(ref: string, body: GoalInput): Promise<GoalDetail> {
  return send(api.POST('/api/v1/organisations/{ref}/goals', { params: { path: { ref } }, body }));
}

export function changeGoal(id: string, body: GoalPatch): Promise<GoalDetail> {
  return send(api.PATCH('/api/v1/goals/{id}', { params: { path: { id } }, body }));
}

export function removeGoal(id: string): Promise<unknown> {
  return send(api.DELETE('/api/v1/goals/{id}', { params: { path: { id } } }));
}
