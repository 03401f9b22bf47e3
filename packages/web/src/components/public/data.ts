/**
 * @module components/public/data
 * An organisation's public page settings through the API: reading them (anyone) and saving them
 * (public_profile.manage), and the licences to choose from.
 */
import { useQuery } from '@tanstack/react-query';
import type { UseQueryResult } from '@tanstack/react-query';
import { api, data } from '../../api/client';
import type { Schema } from '../../api/client';

export type PublicProfile = Schema<'PublicProfile'>;
export type Licence = PublicProfile['licence'];

/** The licences, in the order offered, with what each means for re-users. */
export const LICENCES: readonly { value: Licence; label: string; hint: string }[] = [
  {
    value: 'OGL-UK-3.0',
    label: 'Open Government Licence v3.0',
    hint: 'The usual licence for UK public sector information: anyone may re-use the data if they say where it came from.',
  },
  {
    value: 'CC-BY-4.0',
    label: 'Creative Commons Attribution 4.0',
    hint: 'The international equivalent: anyone may re-use the data if they credit your organisation.',
  },
  {
    value: 'CC0-1.0',
    label: 'Creative Commons Zero (public domain)',
    hint: 'No conditions at all: re-users need not say where the data came from.',
  },
];

export const publicProfileKey = (ref: string): readonly unknown[] => ['public-profile', ref.toUpperCase()];

/** The organisation's public page settings. */
export function usePublicProfile(ref: string): UseQueryResult<PublicProfile> {
  return useQuery({
    queryKey: publicProfileKey(ref),
    queryFn: () => data(api.GET('/api/v1/organisations/{ref}/public-profile', { params: { path: { ref } } })),
  });
}

/** Saves the settings. */
export function savePublicProfile(
  ref: string,
  body: { introduction: string; licence: Licence },
): Promise<PublicProfile> {
  return data(api.PUT('/api/v1/organisations/{ref}/public-profile', { params: { path: { ref } }, body }));
}
