/**
 * @module components/goals/requirements
 * Commissioners' outcome requirements as the requirements page uses them: those a commissioner set,
 * those a provider received, each one's progress, the typed API calls and their query keys.
 */
import { useQuery } from '@tanstack/react-query';
import type { UseQueryResult } from '@tanstack/react-query';
import { api, data } from '../../api/client';
import type { Schema } from '../../api/client';
import type { paths } from '../../api/schema';
import { send } from '../../api/send';

export type Requirement = Schema<'OutcomeRequirement'>;
export type Progress = Schema<'RequirementProgress'>;
export type RequirementInput =
  paths['/api/v1/organisations/{ref}/requirements']['post']['requestBody']['content']['application/json'];
export type RequirementPatch =
  paths['/api/v1/organisations/{ref}/requirements/{id}']['patch']['requestBody']['content']['application/json'];
export type Measure = Schema<'Measure'>;

export const requirementKeys = {
  all: ['requirements'] as const,
  set: (ref: string) => ['requirements', 'set', ref.toUpperCase()] as const,
  received: (ref: string) => ['requirements', 'received', ref.toUpperCase()] as const,
  progress: (id: string) => ['requirements', 'progress', id] as const,
};

/** The requirements a commissioner set. */
export function useRequirementsSet(ref: string, enabled: boolean): UseQueryResult<{ items: Requirement[] }> {
  return useQuery({
    queryKey: requirementKeys.set(ref),
    enabled,
    queryFn: () => data(api.GET('/api/v1/organisations/{ref}/requirements', { params: { path: { ref } } })),
  });
}

/** The requirements commissioners set for a provider. */
export function useRequirementsReceived(
  ref: string,
  enabled: boolean,
): UseQueryResult<{ items: Requirement[] }> {
  return useQuery({
    queryKey: requirementKeys.received(ref),
    enabled,
    queryFn: () =>
      data(api.GET('/api/v1/organisations/{ref}/requirements/received', { params: { path: { ref } } })),
  });
}

/** A requirement's progress, as the reader may see it. */
export function useProgress(id: string): UseQueryResult<Progress> {
  return useQuery({
    queryKey: requirementKeys.progress(id),
    queryFn: () => data(api.GET('/api/v1/requirements/{id}/progress', { params: { path: { id } } })),
  });
}

/** Shared (national) measures: those a requirement can name for any provider. */
export function useSharedMeasures(): UseQueryResult<Measure[]> {
  return useQuery({
    queryKey: ['measures', 'shared', 'all'],
    queryFn: async () =>
      (await data(api.GET('/api/v1/measures', { params: { query: { shared: 'true', limit: 500 } } }))).items,
  });
}

export function setRequirement(ref: string, body: RequirementInput): Promise<Requirement> {
  return send(api.POST('/api/v1/organisations/{ref}/requirements', { params: { path: { ref } }, body }));
}

export function changeRequirement(ref: string, id: string, body: RequirementPatch): Promise<Requirement> {
  return send(
    api.PATCH('/api/v1/organisations/{ref}/requirements/{id}', { params: { path: { ref, id } }, body }),
  );
}

export function removeRequirement(ref: string, id: string): Promise<unknown> {
  return send(api.DELETE('/api/v1/organisations/{ref}/requirements/{id}', { params: { path: { ref, id } } }));
}
