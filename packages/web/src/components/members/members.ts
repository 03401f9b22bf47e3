/**
 * @module components/members/members
 * An organisation's members, invitations and grants as the members, invitation and grants pages
 * use them: the typed API calls, their query keys, and roles and states in words.
 */
import { useQuery } from '@tanstack/react-query';
import type { UseQueryResult } from '@tanstack/react-query';
import { api, data } from '../../api/client';
import type { Schema } from '../../api/client';
import type { paths } from '../../api/schema';
import { send } from '../../api/send';

export type Member = Schema<'Member'>;
export type Invitation = Schema<'Invitation'>;
export type Grant = Schema<'Grant'>;
export type Role = Member['role'];
export type MemberStatus = Member['status'];
export type GrantScope = Grant['scope'];
export type NewInvitation =
  paths['/api/v1/organisations/{ref}/invitations']['post']['responses'][201]['content']['application/json'];
export type InviteInput =
  paths['/api/v1/organisations/{ref}/invitations']['post']['requestBody']['content']['application/json'];
export type InvitationSummary =
  paths['/api/v1/invitations/{token}']['get']['responses'][200]['content']['application/json'];
export type Accepted =
  paths['/api/v1/invitations/{token}/accept']['post']['responses'][200]['content']['application/json'];
export type MemberChange =
  paths['/api/v1/organisations/{ref}/members/{userId}/deactivate']['post']['responses'][200]['content']['application/json'];

/** The roles in the order the forms offer them, with what each may do. */
export const ROLES: readonly { value: Role; label: string; hint: string }[] = [
  { value: 'staff', label: 'Staff', hint: 'Sees the organisation’s internal measures.' },
  { value: 'improver', label: 'Improver', hint: 'Also imports data, annotates and analyses charts.' },
  { value: 'unit_lead', label: 'Unit lead', hint: 'An improver who leads one unit.' },
  { value: 'qi_lead', label: 'QI lead', hint: 'Also defines measures and reads the audit log.' },
  { value: 'executive', label: 'Executive', hint: 'Reads everything, including the audit log.' },
  { value: 'administrator', label: 'Administrator', hint: 'Also manages members and units.' },
];

export function roleWords(role: Role): string {
  return ROLES.find((r) => r.value === role)?.label ?? role;
}

const ROLE_PHRASES: Record<Role, string> = {
  staff: 'a member of staff',
  improver: 'an improver',
  unit_lead: 'a unit lead',
  qi_lead: 'a QI lead',
  executive: 'an executive',
  administrator: 'an administrator',
};

/** "a QI lead", "a member of staff". */
export function rolePhrase(role: Role): string {
  return ROLE_PHRASES[role];
}

export const STATUSES: readonly { value: MemberStatus; label: string }[] = [
  { value: 'active', label: 'Active' },
  { value: 'deactivated', label: 'Deactivated' },
  { value: 'invited', label: 'Not set up yet' },
];

export function statusWords(status: MemberStatus): string {
  return STATUSES.find((s) => s.value === status)?.label ?? status;
}

export const SCOPES: readonly { value: GrantScope; label: string; hint: string }[] = [
  { value: 'published', label: 'Published measures', hint: 'What the public sees.' },
  {
    value: 'internal',
    label: 'Published and internal measures',
    hint: 'What the organisation’s own staff see. Never private measures, and never a change.',
  },
];

/** Filters of the member list. */
export interface MemberFilters {
  readonly role: Role | '';
  readonly status: MemberStatus | '';
  readonly search: string;
}

export const NO_FILTERS: MemberFilters = { role: '', status: '', search: '' };

export const memberKeys = {
  all: (ref: string) => ['members', ref.toUpperCase()] as const,
  list: (ref: string, filters: MemberFilters, cursor: string | null) =>
    ['members', ref.toUpperCase(), 'list', filters, cursor] as const,
  invitations: (ref: string) => ['members', ref.toUpperCase(), 'invitations'] as const,
  grants: (ref: string) => ['members', ref.toUpperCase(), 'grants'] as const,
};

export function useMembers(
  ref: string,
  filters: MemberFilters,
  cursor: string | null,
): UseQueryResult<{ items: Member[]; nextCursor: string | null }> {
  return useQuery({
    queryKey: memberKeys.list(ref, filters, cursor),
    queryFn: () =>
      data(
        api.GET('/api/v1/organisations/{ref}/members', {
          params: {
            path: { ref },
            query: {
              limit: 50,
              ...(filters.role === '' ? {} : { role: filters.role }),
              ...(filters.status === '' ? {} : { status: filters.status }),
              ...(filters.search.trim() === '' ? {} : { search: filters.search.trim() }),
              ...(cursor === null ? {} : { cursor }),
            },
          },
        }),
      ),
  });
}

export function useInvitations(ref: string): UseQueryResult<{ items: Invitation[] }> {
  return useQuery({
    queryKey: memberKeys.invitations(ref),
    queryFn: () => data(api.GET('/api/v1/organisations/{ref}/invitations', { params: { path: { ref } } })),
  });
}

export function useGrants(ref: string): UseQueryResult<{ items: Grant[] }> {
  return useQuery({
    queryKey: memberKeys.grants(ref),
    queryFn: () => data(api.GET('/api/v1/organisations/{ref}/grants', { params: { path: { ref } } })),
  });
}

export function invite(ref: string, body: InviteInput): Promise<NewInvitation> {
  return send(api.POST('/api/v1/organisations/{ref}/invitations', { params: { path: { ref } }, body }));
}

export function withdrawInvitation(ref: string, id: string): Promise<Invitation> {
  return send(api.DELETE('/api/v1/organisations/{ref}/invitations/{id}', { params: { path: { ref, id } } }));
}

export function changeRole(
  ref: string,
  userId: string,
  body: { role: Role; unitId?: string | null },
): Promise<Member> {
  return send(
    api.PATCH('/api/v1/organisations/{ref}/members/{userId}', { params: { path: { ref, userId } }, body }),
  );
}

export function removeMember(ref: string, userId: string): Promise<MemberChange> {
  return send(
    api.DELETE('/api/v1/organisations/{ref}/members/{userId}', { params: { path: { ref, userId } } }),
  );
}

export function setActive(ref: string, userId: string, active: boolean): Promise<MemberChange> {
  const params = { params: { path: { ref, userId } } };
  return send(
    active
      ? api.POST('/api/v1/organisations/{ref}/members/{userId}/reactivate', params)
      : api.POST('/api/v1/organisations/{ref}/members/{userId}/deactivate', params),
  );
}

export function grantAccess(ref: string, body: { grantee: string; scope: GrantScope }): Promise<Grant> {
  return send(api.POST('/api/v1/organisations/{ref}/grants', { params: { path: { ref } }, body }));
}

export function revokeGrant(ref: string, grantee: string): Promise<Grant> {
  return send(
    api.DELETE('/api/v1/organisations/{ref}/grants/{grantee}', { params: { path: { ref, grantee } } }),
  );
}

export function fetchInvitation(token: string): Promise<InvitationSummary> {
  return data(api.GET('/api/v1/invitations/{token}', { params: { path: { token } } }));
}

export function acceptInvitation(
  token: string,
  body: { displayName?: string; password?: string },
): Promise<Accepted> {
  return send(api.POST('/api/v1/invitations/{token}/accept', { params: { path: { token } }, body }));
}

const DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
const DATE_TIME = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** "26 Nov 2026". */
export function formatDate(iso: string): string {
  return DATE.format(new Date(iso));
}

/** "26 Nov 2026, 14:05". */
export function formatDateTime(iso: string): string {
  return DATE_TIME.format(new Date(iso));
}

export type Organisation = Schema<'Organisation'>;

/** The organisation a page is about (`GET /organisations/{ref}`: public). */
export function useOrganisation(ref: string): UseQueryResult<Organisation> {
  return useQuery({
    queryKey: ['organisation', ref.toUpperCase()],
    queryFn: () => data(api.GET('/api/v1/organisations/{ref}', { params: { path: { ref } } })),
  });
}
