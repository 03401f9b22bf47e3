/**
 * @module auth/oidc/schemas
 * Requests and responses of single sign-on: an organisation's identity providers (for its
 * administrators), finding the provider of an email address, and the sign-in's start and return.
 */
import { z } from 'zod';
import { ROLES } from '../../db/schema/vocabulary.js';
import { Id, Timestamp } from '../../http/schemas.js';
import { OrganisationRefParams } from '../../organisations/schemas.js';

/** The roles a first sign-in may be given (a unit lead needs a unit, which a sign-in cannot say). */
export const DEFAULT_ROLES = ROLES.filter((role) => role !== 'unit_lead') as [
  Exclude<(typeof ROLES)[number], 'unit_lead'>,
  ...Exclude<(typeof ROLES)[number], 'unit_lead'>[],
];

const Name = z.string().trim().min(1).max(100).describe('What people see: "NHS mail", "Our Entra ID"');
const Issuer = z
  .string()
  .trim()
  .min(1)
  .max(500)
  .describe(
    'The provider’s issuer: https://login.microsoftonline.com/<tenant>/v2.0 (plain http:// for 127.0.0.1 and localhost only)',
  );
const ClientId = z.string().trim().min(1).max(500).describe('The client id the provider gave Groundswell');
const ClientSecret = z
  .string()
  .min(1)
  .max(2000)
  .describe('The client secret the provider gave Groundswell: write-only, never returned');
const EmailDomains = z
  .array(z.string().max(253))
  .max(50)
  .describe('The email domains whose people sign in through this provider: ["example.nhs.uk"]');
const DefaultRole = z
  .enum(DEFAULT_ROLES)
  .nullable()
  .describe(
    'The role of a person of these domains signing in for the first time without an invitation (null: invited people and members only)',
  );

export const ProviderParams = OrganisationRefParams.extend({ id: Id });

export const IdentityProviderView = z.object({
  id: Id,
  organisationId: Id,
  name: z.string(),
  issuer: z.string(),
  clientId: z.string(),
  clientSecretSet: z.boolean().describe('Whether a client secret is stored (it is never returned)'),
  emailDomains: z.array(z.string()),
  defaultRole: z.enum(DEFAULT_ROLES).nullable(),
  enabled: z.boolean(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const CreateIdentityProviderBody = z.object({
  name: Name,
  issuer: Issuer,
  clientId: ClientId,
  clientSecret: ClientSecret.nullable().optional().describe('Absent or null: a public client (PKCE only)'),
  emailDomains: EmailDomains.default([]),
  defaultRole: DefaultRole.optional(),
  enabled: z.boolean().default(true),
});

export const UpdateIdentityProviderBody = z.object({
  name: Name.optional(),
  issuer: Issuer.optional(),
  clientId: ClientId.optional(),
  clientSecret: ClientSecret.nullable()
    .optional()
    .describe('A new secret; null removes it; absent keeps the one stored'),
  emailDomains: EmailDomains.optional(),
  defaultRole: DefaultRole.optional(),
  enabled: z.boolean().optional(),
});

export const LookupBody = z.object({
  email: z.string().trim().min(3).max(320).describe('The work email address the person typed'),
});

export const LookupView = z.object({
  provider: z
    .object({ id: Id, name: z.string(), organisationName: z.string() })
    .nullable()
    .describe('The provider that signs in addresses of this domain; null: sign in with a password'),
});

export const StartParams = z.object({ providerId: Id });

export const StartQuery = z.object({
  returnTo: z.string().max(2000).optional().describe('A path of this site to return to: /organisations/RX1'),
});

export const CallbackQuery = z
  .object({
    state: z.string().max(500).optional(),
    code: z.string().max(4000).optional(),
    error: z.string().max(200).optional(),
    error_description: z.string().max(2000).optional(),
    iss: z.string().max(500).optional(),
  })
  .loose();
