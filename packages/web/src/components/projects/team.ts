/**
 * @module components/projects/team
 * A project's team as the project page changes it, and the organisation's people directory the
 * picker searches (`GET /organisations/{ref}/people`: names and units, for its own people).
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { UseQueryResult } from '@tanstack/react-query';
import { api, data } from '../../api/client';
import type { Schema } from '../../api/client';
import { send } from '../../api/send';
import type { Project } from './data';

export type TeamRole = Project['team'][number]['role'];
export type Person = Schema<'DirectoryPerson'>;

export const TEAM_ROLES: readonly { value: TeamRole; label: string; hint: string }[] = [
  { value: 'lead', label: 'Lead', hint: 'Runs the project' },
  { value: 'sponsor', label: 'Sponsor', hint: 'A senior person who clears the way' },
  { value: 'coach', label: 'Coach', hint: 'Guides the team in the improvement method' },
  { value: 'member', label: 'Member', hint: 'Works on the driver diagram and PDSA cycles' },
];

export function roleWords(role: TeamRole): string {
  return TEAM_ROLES.find((r) => r.value === role)?.label ?? role;
}

/** The organisation's people whose name contains `q` (at most 25), while `enabled`. */
export function usePeople(ref: string, q: string, enabled: boolean): UseQueryResult<{ items: Person[] }> {
  const query = q.trim();
  return useQuery({
    queryKey: ['people', ref.toUpperCase(), query],
    queryFn: () =>
      data(
        api.GET('/api/v1/organisations/{ref}/people', {
          params: { path: { ref }, query: query === '' ? {} : { q: query } },
        }),
      ),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function addTeamMember(id: string, userId: string, role: TeamRole): Promise<unknown> {
  return send(api.POST('/api/v1/projects/{id}/team', { params: { path: { id } }, body: { userId, role } }));
}

export function changeTeamRole(id: string, userId: string, role: TeamRole): Promise<unknown> {
  return send(
    api.PATCH('/api/v1/projects/{id}/team/{userId}', { params: { path: { id, userId } }, body: { role } }),
  );
}

export function removeTeamMember(id: string, userId: string): Promise<unknown> {
  return send(api.DELETE('/api/v1/projects/{id}/team/{userId}', { params: { path: { id, userId } } }));
}
