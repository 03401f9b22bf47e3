/**
 * @module components/sign-in/identity-providers
 * An organisation's identity providers for single sign-on, as its administrators' page uses them:
 * the typed API calls, their query key, and the roles a first sign-in may be given.
 */
import { useQuery } from '@tanstack/react-query';
import type { UseQueryResult } from '@tanstack/react-query';
import { api, data } from '../../api/client';
import type { paths } from '../../api/schema';
import { send } from '../../api/send';

type Collection = paths['/api/v1/organisations/{ref}/identity-providers'];
type One = paths['/api/v1/organisations/{ref}/identity-providers/{id}'];

export type IdentityProvider = One['get']['responses'][200]['content']['application/json'];
export type NewProvider = Collection['post']['requestBody']['content']['application/json'];
export type ProviderChange = One['patch']['requestBody']['content']['application/json'];
export type DefaultRole = NonNullable<IdentityProvider['defaultRole']>;

/** The roles a person may get at their first sign-in (a unit lead needs a unit, which it cannot say). */
export const DEFAULT_ROLES: readonly { value: DefaultRole; label: string }[] = [
  { value: 'staff', label: 'Staff' },
  { value: 'improver', label: 'Improver' },
  { value: 'qi_lead', label: 'QI lead' },
  { value: 'executive', label: 'Executive' },
  { value: 'administrator', label: 'Administrator' },
];

export function providersKey(ref: string): readonly unknown[] {
  return ['organisation', ref.toUpperCase(), 'identity-providers'];
}

export function useProviders(ref: string): UseQueryResult<IdentityProvider[]> {
  return useQuery({
    queryKey: providersKey(ref),
    queryFn: async () =>
      (await data(api.GET('/api/v1/organisations/{ref}/identity-providers', { params: { path: { ref } } })))
        .items,
  });
}

export function addProvider(ref: string, body: NewProvider): Promise<IdentityProvider> {
  return send(
    api.POST('/api/v1/organisations/{ref}/identity-providers', { params: { path: { ref } }, body }),
  );
}

export function changeProvider(ref: string, id: string, body: ProviderChange): Promise<IdentityProvider> {
  return send(
    api.PATCH('/api/v1/organisations/{ref}/identity-providers/{id}', { params: { path: { ref, id } }, body }),
  );
}

/** "trust.nhs.uk, nhs.example.uk" or one a line → the list the API takes (empty entries dropped). */
export function domainsOf(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((domain) => domain.trim())
    .filter((domain) => domain !== '');
}
