/**
 * @module public/profile-routes
 * `GET /organisations/:ref/public-profile` (anyone: what the public page shows) and
 * `PUT /organisations/:ref/public-profile` (public_profile.manage): the public page's
 * introduction and the open-data licence. Validate → service → present.
 */
import { ERROR_RESPONSES } from '../http/errors.js';
import type { Api, RouteDeps } from '../http/types.js';
import { OrganisationRefParams } from '../organisations/schemas.js';
import { getOrganisation } from '../organisations/repository.js';
import { LICENCES } from './licences.js';
import { publicPaths } from './pages.js';
import { changePublicProfile, publicProfileOf } from './profile.js';
import type { PublicProfile } from './repository.js';
import { PublicProfileView, UpdatePublicProfileBody } from './schemas.js';
import type { Database } from '../db/types.js';

const tags = ['public pages'];

async function present(db: Database, profile: PublicProfile): Promise<PublicProfileView> {
  const organisation = (await getOrganisation(db, profile.organisationId))!;
  const info = LICENCES[profile.licence];
  return {
    organisationId: profile.organisationId,
    introduction: profile.introduction,
    licence: profile.licence,
    licenceName: info.name,
    licenceUrl: info.url,
    publicPath: publicPaths.organisation(organisation.odsCode),
    updatedAt: profile.updatedAt === null ? null : profile.updatedAt.toISOString(),
  };
}

/** Adds the public profile routes. */
export function publicProfileRoutes(api: Api, { db }: RouteDeps): void {
  api.get(
    '/organisations/:ref/public-profile',
    {
      schema: {
        tags,
        summary: "An organisation's public page settings: its introduction and open-data licence",
        params: OrganisationRefParams,
        response: { 200: PublicProfileView, ...ERROR_RESPONSES },
      },
    },
    async (request) => present(db, await publicProfileOf(db, request.params.ref)),
  );

  api.put(
    '/organisations/:ref/public-profile',
    {
      schema: {
        tags,
        summary:
          "Change the public page's introduction and the licence its published series are offered under (public_profile.manage)",
        params: OrganisationRefParams,
        body: UpdatePublicProfileBody,
        response: { 200: PublicProfileView, ...ERROR_RESPONSES },
      },
    },
    async (request) =>
      present(db, await changePublicProfile(db, request.principal, request.params.ref, request.body)),
  );
}
