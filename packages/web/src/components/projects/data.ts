/**
 * @module components/projects/data
 * QI projects as the project pages use them: the typed API calls (portfolio, a project's story,
 * its driver diagram, PDSA cycles, measures, publishing, the library and copying), their query
 * keys, and who may change a project.
 */
import { useQuery } from '@tanstack/react-query';
import type { QueryClient, UseQueryResult } from '@tanstack/react-query';
import { api, data } from '../../api/client';
import type { Schema } from '../../api/client';
import { can } from '../../api/permissions';
import type { SessionUser } from '../../api/session';
import type { paths } from '../../api/schema';
import { send } from '../../api/send';

export type Project = Schema<'Project'>;
export type ProjectSummary = Schema<'ProjectSummary'>;
export type DriverDiagram = Schema<'DriverDiagram'>;
export type DriverNode = Schema<'DriverNode'>;
export type Cycle = Schema<'PdsaCycle'>;
export type ProjectChart = Schema<'ProjectChart'>;
export type LibraryProject = Schema<'LibraryProject'>;
export type Stage = Project['stage'];
export type DriverKind = DriverNode['kind'];
export type MeasureKind = ProjectChart['kind'];
export type Decision = NonNullable<Cycle['decision']>;
export type Portfolio =
  paths['/api/v1/organisations/{ref}/projects']['get']['responses'][200]['content']['application/json'];
export type StartProjectInput =
  paths['/api/v1/organisations/{ref}/projects']['post']['requestBody']['content']['application/json'];
export type ProjectChanges =
  paths['/api/v1/projects/{id}']['patch']['requestBody']['content']['application/json'];
export type AddCycleInput =
  paths['/api/v1/projects/{id}/change-ideas/{nodeId}/cycles']['post']['requestBody']['content']['application/json'];
export type CycleChanges =
  paths['/api/v1/projects/{id}/cycles/{cycleId}']['patch']['requestBody']['content']['application/json'];

/** Portfolio filters ('' is any). */
export interface PortfolioFilters {
  readonly stage: Stage | '';
  readonly unit: string;
  readonly goal: string;
  readonly stale: boolean;
}

export const NO_PORTFOLIO_FILTERS: PortfolioFilters = { stage: '', unit: '', goal: '', stale: false };

/** Library filters ('' is any). */
export interface LibraryFilters {
  readonly q: string;
  readonly topic: string;
  readonly measure: string;
}

export const projectKeys = {
  all: ['projects'] as const,
  portfolio: (ref: string, filters: PortfolioFilters) =>
    ['projects', 'portfolio', ref.toUpperCase(), filters] as const,
  project: (id: string) => ['projects', 'project', id] as const,
  library: (filters: LibraryFilters) => ['projects', 'library', filters] as const,
};

export function usePortfolio(ref: string, filters: PortfolioFilters): UseQueryResult<Portfolio> {
  return useQuery({
    queryKey: projectKeys.portfolio(ref, filters),
    queryFn: () =>
      data(
        api.GET('/api/v1/organisations/{ref}/projects', {
          params: {
            path: { ref },
            query: {
              limit: 200,
              ...(filters.stage === '' ? {} : { stage: filters.stage }),
              ...(filters.unit === '' ? {} : { unit: filters.unit }),
              ...(filters.goal === '' ? {} : { goal: filters.goal }),
              ...(filters.stale ? { stale: 'true' as const } : {}),
            },
          },
        }),
      ),
  });
}

export function useProject(id: string): UseQueryResult<Project> {
  return useQuery({
    queryKey: projectKeys.project(id),
    queryFn: () => data(api.GET('/api/v1/projects/{id}', { params: { path: { id } } })),
  });
}

export function useLibrary(filters: LibraryFilters): UseQueryResult<{ items: LibraryProject[] }> {
  return useQuery({
    queryKey: projectKeys.library(filters),
    queryFn: () =>
      data(
        api.GET('/api/v1/library/projects', {
          params: {
            query: {
              limit: 50,
              ...(filters.q.trim() === '' ? {} : { q: filters.q.trim() }),
              ...(filters.topic.trim() === '' ? {} : { topic: filters.topic.trim().toLowerCase() }),
              ...(filters.measure.trim() === '' ? {} : { measure: filters.measure.trim() }),
            },
          },
        }),
      ),
  });
}

/** The goals of an organisation, for the portfolio's filter and linking. */
export function useGoals(ref: string): UseQueryResult<{ items: { id: string; title: string }[] }> {
  return useQuery({
    queryKey: ['goals', ref.toUpperCase(), 'for-projects'],
    queryFn: () => data(api.GET('/api/v1/organisations/{ref}/goals', { params: { path: { ref } } })),
  });
}

/** After any change to a project: its story and every list read again. */
export function refreshProjects(client: QueryClient): Promise<void> {
  return client.invalidateQueries({ queryKey: projectKeys.all });
}

export function startProject(ref: string, body: StartProjectInput): Promise<Project> {
  return send(api.POST('/api/v1/organisations/{ref}/projects', { params: { path: { ref } }, body }));
}

export function changeProject(id: string, body: ProjectChanges): Promise<Project> {
  return send(api.PATCH('/api/v1/projects/{id}', { params: { path: { id } }, body }));
}

export function addNode(
  id: string,
  body: { kind: DriverKind; text: string; linkFrom?: string },
): Promise<DriverNode> {
  return send(api.POST('/api/v1/projects/{id}/driver-nodes', { params: { path: { id } }, body }));
}

export function editNode(id: string, nodeId: string, text: string): Promise<DriverNode> {
  return send(
    api.PATCH('/api/v1/projects/{id}/driver-nodes/{nodeId}', {
      params: { path: { id, nodeId } },
      body: { text },
    }),
  );
}

export function removeNode(id: string, nodeId: string): Promise<DriverDiagram> {
  return send(
    api.DELETE('/api/v1/projects/{id}/driver-nodes/{nodeId}', { params: { path: { id, nodeId } } }),
  );
}

export function reorder(id: string, kind: DriverKind, ids: string[]): Promise<DriverDiagram> {
  return send(
    api.PUT('/api/v1/projects/{id}/driver-order', { params: { path: { id } }, body: { kind, ids } }),
  );
}

export function link(id: string, fromId: string, toId: string): Promise<DriverDiagram> {
  return send(
    api.POST('/api/v1/projects/{id}/driver-links', { params: { path: { id } }, body: { fromId, toId } }),
  );
}

export function unlink(id: string, fromId: string, toId: string): Promise<DriverDiagram> {
  return send(
    api.DELETE('/api/v1/projects/{id}/driver-links/{fromId}/{toId}', {
      params: { path: { id, fromId, toId } },
    }),
  );
}

export function addCycle(id: string, nodeId: string, body: AddCycleInput): Promise<Cycle> {
  return send(
    api.POST('/api/v1/projects/{id}/change-ideas/{nodeId}/cycles', {
      params: { path: { id, nodeId } },
      body,
    }),
  );
}

export function changeCycle(id: string, cycleId: string, body: CycleChanges): Promise<Cycle> {
  return send(
    api.PATCH('/api/v1/projects/{id}/cycles/{cycleId}', { params: { path: { id, cycleId } }, body }),
  );
}

export function deleteCycle(id: string, cycleId: string): Promise<unknown> {
  return send(api.DELETE('/api/v1/projects/{id}/cycles/{cycleId}', { params: { path: { id, cycleId } } }));
}

export function linkMeasure(id: string, seriesId: string, kind: MeasureKind): Promise<unknown> {
  return send(
    api.PUT('/api/v1/projects/{id}/measures/{seriesId}', {
      params: { path: { id, seriesId } },
      body: { kind },
    }),
  );
}

export function linkGoal(id: string, goalId: string): Promise<unknown> {
  return send(api.PUT('/api/v1/projects/{id}/goals/{goalId}', { params: { path: { id, goalId } } }));
}

export function unlinkGoal(id: string, goalId: string): Promise<unknown> {
  return send(api.DELETE('/api/v1/projects/{id}/goals/{goalId}', { params: { path: { id, goalId } } }));
}

export function unlinkMeasure(id: string, seriesId: string): Promise<unknown> {
  return send(
    api.DELETE('/api/v1/projects/{id}/measures/{seriesId}', { params: { path: { id, seriesId } } }),
  );
}

export function publish(id: string, published: boolean): Promise<Project> {
  return send(
    published
      ? api.POST('/api/v1/projects/{id}/publish', { params: { path: { id } } })
      : api.POST('/api/v1/projects/{id}/unpublish', { params: { path: { id } } }),
  );
}

export function copyProject(id: string, organisationRef: string): Promise<Project> {
  return send(
    api.POST('/api/v1/library/projects/{id}/copy', { params: { path: { id } }, body: { organisationRef } }),
  );
}

/** What the signed-in person may do with a project: manage it (details, stage, measures, publishing) and work on it (diagram, cycles). */
export function projectRights(
  user: SessionUser | null,
  project: Pick<Project, 'organisation' | 'team'>,
): { manage: boolean; work: boolean } {
  if (user === null) return { manage: false, work: false };
  const member =
    user.platformAdmin || user.memberships.some((m) => m.organisationId === project.organisation.id);
  const part = project.team.find((t) => t.userId === user.id)?.role;
  const manage =
    can(user, 'project.manage', { id: project.organisation.id }) ||
    (member && part !== undefined && part !== 'member');
  return { manage, work: manage || (member && part !== undefined) };
}
