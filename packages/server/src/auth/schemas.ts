/**
 * @module auth/schemas
 * Requests and responses of sign-in, sessions, set-up and API tokens.
 */
import { z } from 'zod';
import { ROLES, TOKEN_SCOPES } from '../db/schema/vocabulary.js';
import { Id, Timestamp } from '../http/schemas.js';

const Email = z.string().trim().min(3).max(320).describe('Email address');
const Password = z.string().min(1, { error: 'is required' }).max(1024);

export const SignInBody = z.object({ email: Email, password: Password });

export const DemoSignInBody = z.object({
  email: Email.describe('A demo user’s email (see GET /auth/demo-users)'),
});

export const SetupBody = z.object({
  token: z.string().min(1).max(200).describe('The secret of the set-up link the server printed'),
  email: z.email({ error: 'must be an email address' }).max(320),
  displayName: z.string().trim().min(1).max(200),
  password: z.string().max(1024).describe('At least 12 characters'),
});

export const MembershipView = z.object({
  organisationId: Id,
  odsCode: z.string(),
  organisationName: z.string(),
  role: z.enum(ROLES),
  unitId: Id.nullable(),
});

export const UserView = z.object({
  id: Id,
  email: z.string(),
  displayName: z.string(),
  platformAdmin: z.boolean(),
  demo: z.boolean(),
  memberships: z.array(MembershipView),
});

/** The session as the web app sees it: the person (null when signed out) and the CSRF token. */
export const SessionView = z.object({
  user: UserView.nullable(),
  csrfToken: z.string().nullable().describe('Send as X-CSRF-Token with every change'),
  expiresAt: Timestamp.nullable(),
  demoSignIn: z.boolean().describe('Whether demo users may sign in on this database'),
});

export const DemoUserView = z.object({ email: z.string(), displayName: z.string(), role: z.enum(ROLES) });

export const CreateTokenBody = z.object({
  name: z.string().trim().min(1).max(100).describe('What the token is for: "nightly falls extract"'),
  scopes: z.array(z.enum(TOKEN_SCOPES)).min(1).describe('read; write (import and change data)'),
  expiresAt: Timestamp.optional().describe('When it stops working (default: never)'),
});

export const TokenView = z.object({
  id: Id,
  name: z.string(),
  prefix: z.string().describe('Its first characters, to tell tokens apart'),
  scopes: z.array(z.enum(TOKEN_SCOPES)),
  createdAt: Timestamp,
  lastUsedAt: Timestamp.nullable(),
  expiresAt: Timestamp.nullable(),
  revokedAt: Timestamp.nullable(),
});

export const NewTokenView = TokenView.extend({
  token: z.string().describe('The token itself: shown this once, never again'),
});
