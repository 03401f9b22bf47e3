/**
 * @module auth/oidc/provider-routes
 * `/organisations/:ref/identity-providers`: an organisation's OpenID Connect providers, for its
 * administrators and platform administrators. The client secret is write-only.
 */
import { z } from 'zod';
import { ERROR_RESPONSES } from '../../http/errors.js';
import type { Api, RouteDeps } from '../../http/types.js';
import { OrganisationRefParams } from '../../organisations/schemas.js';
import { findOrganisation } from '../../organisations/service.js';
import { presentProvider } from './presenter.js';
import { addProvider, changeProvider, providerOf, providersOf, removeProvider } from './providers-service.js';
import {
  CreateIdentityProviderBody,
  IdentityProviderView,
  ProviderParams,
  UpdateIdentityProviderBody,
} from './schemas.js';

const tags = ['single sign-on'];

/** Adds the identity provider routes. */
export function identityProviderRoutes(api: Api, { db, now, secrets }: RouteDeps): void {
  api.get(
    '/organisations/:ref/identity-providers',
    {
      schema: {
        tags,
        summary: 'An organisation’s identity providers for single sign-on (administrators)',
        params: OrganisationRefParams,
        response: { 200: z.object({ items: z.array(IdentityProviderView) }), ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const organisation = await findOrganisation(db, request.params.ref);
      return { items: (await providersOf(db, request.principal, organisation)).map(presentProvider) };
    },
  );

  api.post(
    '/organisations/:ref/identity-providers',
    {
      schema: {
        tags,
        summary: 'Add an identity provider (its discovery document is read and checked first)',
        params: OrganisationRefParams,
        body: CreateIdentityProviderBody,
        response: { 201: IdentityProviderView, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const organisation = await findOrganisation(db, request.params.ref);
      const { body } = request;
      const row = await addProvider(
        db,
        secrets,
        request.principal,
        organisation,
        {
          name: body.name,
          issuer: body.issuer,
          clientId: body.clientId,
          clientSecret: body.clientSecret ?? null,
          emailDomains: body.emailDomains,
          defaultRole: body.defaultRole ?? null,
          enabled: body.enabled,
        },
        now(),
      );
      return reply.code(201).send(presentProvider(row));
    },
  );

  api.get(
    '/organisations/:ref/identity-providers/:id',
    {
      schema: {
        tags,
        summary: 'One identity provider of an organisation (administrators)',
        params: ProviderParams,
        response: { 200: IdentityProviderView, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const organisation = await findOrganisation(db, request.params.ref);
      return presentProvider(await providerOf(db, request.principal, organisation, request.params.id));
    },
  );

  api.patch(
    '/organisations/:ref/identity-providers/:id',
    {
      schema: {
        tags,
        summary: 'Change an identity provider: enable or disable it, its domains, its client…',
        params: ProviderParams,
        body: UpdateIdentityProviderBody,
        response: { 200: IdentityProviderView, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const organisation = await findOrganisation(db, request.params.ref);
      const row = await changeProvider(
        db,
        secrets,
        request.principal,
        organisation,
        request.params.id,
        request.body,
        now(),
      );
      return presentProvider(row);
    },
  );

  api.delete(
    '/organisations/:ref/identity-providers/:id',
    {
      schema: {
        tags,
        summary: 'Remove an identity provider (the people linked to it are unlinked)',
        params: ProviderParams,
        response: { 204: z.null(), ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const organisation = await findOrganisation(db, request.params.ref);
      await removeProvider(db, request.principal, organisation, request.params.id);
      return reply.code(204).send(null);
    },
  );
}
