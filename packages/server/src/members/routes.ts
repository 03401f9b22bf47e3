/**
 * @module members/routes
 * An organisation's members and invitations (`member.manage`), and the public invitation links:
 * `GET /invitations/:token` (what it is for) and `POST /invitations/:token/accept`.
 */
import '@fastify/cookie';
import '@fastify/rate-limit';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { sessionCookieName } from '../auth/policy.js';
import { sessionView } from '../auth/service.js';
import { revokeSession } from '../auth/sessions.js';
import { principalOf } from '../auth/users-repository.js';
import { cookieOptions } from '../http/authenticate.js';
import { ERROR_RESPONSES, ErrorBodySchema } from '../http/errors.js';
import type { Api, RouteDeps } from '../http/types.js';
import type { InvitationRow, MemberRow } from './repository.js';
import {
  AcceptedView,
  AcceptInvitationBody,
  ChangeMemberBody,
  InvitationList,
  InvitationParams,
  InvitationSummaryView,
  InvitationTokenParams,
  InvitationView,
  InviteBody,
  ListMembersQuery,
  MemberChangeView,
  MemberPage,
  MemberParams,
  MembersParams,
  MemberView,
  NewInvitationView,
} from './schemas.js';
import {
  acceptInvitation,
  changeMember,
  describeInvitation,
  invite,
  membersOf,
  pendingInvitations,
  removeMember,
  revokeInvitation,
  setAccountActive,
} from './service.js';

const tags = ['members'];

/** At most this many attempts a minute from one address at the public invitation links. */
const LINK_RATE = { max: 30, timeWindow: '1 minute' };

const RESPONSES = { ...ERROR_RESPONSES, 429: ErrorBodySchema };

export function presentMember(row: MemberRow): z.infer<typeof MemberView> {
  return {
    userId: row.userId,
    email: row.email,
    displayName: row.displayName,
    role: row.role,
    unitId: row.unitId,
    unitName: row.unitName,
    status: row.status,
    platformAdmin: row.platformAdmin,
    lastSignInAt: row.lastSignInAt?.toISOString() ?? null,
    joinedAt: row.joinedAt.toISOString(),
  };
}

function presentInvitation(row: InvitationRow): z.infer<typeof InvitationView> {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    unitId: row.unitId,
    unitName: row.unitName,
    invitedBy: row.createdByName,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
  };
}

/** This site's address as the request reached it (`https://groundswell.example.nhs.uk`). */
function origin(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

/** Adds the member and invitation routes. */
export function memberRoutes(api: Api, { db, authPolicy: policy, now }: RouteDeps): void {
  api.get(
    '/organisations/:ref/members',
    {
      schema: {
        tags,
        summary: 'An organisation’s members with role, unit, account state and last sign-in (administrators)',
        params: MembersParams,
        querystring: ListMembersQuery,
        response: { 200: MemberPage, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const page = await membersOf(db, request.principal, request.params.ref, request.query);
      return { items: page.items.map(presentMember), nextCursor: page.nextCursor };
    },
  );

  api.patch(
    '/organisations/:ref/members/:userId',
    {
      schema: {
        tags,
        summary: 'Change a member’s role (and unit, for a unit lead)',
        params: MemberParams,
        body: ChangeMemberBody,
        response: { 200: MemberView, ...ERROR_RESPONSES },
      },
    },
    async (request) =>
      presentMember(
        await changeMember(
          db,
          request.principal,
          request.params.ref,
          request.params.userId,
          request.body,
          now(),
        ),
      ),
  );

  api.delete(
    '/organisations/:ref/members/:userId',
    {
      schema: {
        tags,
        summary: 'Remove a member from the organisation (their last membership: their sessions end too)',
        params: MemberParams,
        response: { 200: MemberChangeView, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const { member, sessionsEnded } = await removeMember(
        db,
        request.principal,
        request.params.ref,
        request.params.userId,
        now(),
      );
      return { member: presentMember(member), sessionsEnded };
    },
  );

  for (const [verb, active] of [
    ['deactivate', false],
    ['reactivate', true],
  ] as const) {
    api.post(
      `/organisations/:ref/members/:userId/${verb}`,
      {
        schema: {
          tags,
          summary: active
            ? 'Reactivate a deactivated account'
            : 'Deactivate an account: it cannot sign in, and its sessions and API tokens stop working',
          params: MemberParams,
          response: { 200: MemberChangeView, ...ERROR_RESPONSES },
        },
      },
      async (request) => {
        const { member, sessionsEnded } = await setAccountActive(
          db,
          request.principal,
          request.params.ref,
          request.params.userId,
          active,
          now(),
        );
        return { member: presentMember(member), sessionsEnded };
      },
    );
  }

  api.get(
    '/organisations/:ref/invitations',
    {
      schema: {
        tags,
        summary: 'Invitations not yet accepted, with when each expires (administrators)',
        params: MembersParams,
        response: { 200: InvitationList, ...ERROR_RESPONSES },
      },
    },
    async (request) => ({
      items: (await pendingInvitations(db, request.principal, request.params.ref, now())).map(
        presentInvitation,
      ),
    }),
  );

  api.post(
    '/organisations/:ref/invitations',
    {
      schema: {
        tags,
        summary:
          'Invite someone by email: the answer holds the one-time link, shown this once (valid 7 days)',
        params: MembersParams,
        body: InviteBody,
        response: { 201: NewInvitationView, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const { invitation, token } = await invite(
        db,
        request.principal,
        request.params.ref,
        request.body,
        now(),
      );
      const path = `/invitations/${token}`;
      return reply
        .code(201)
        .header('cache-control', 'no-store')
        .send({ ...presentInvitation(invitation), path, url: `${origin(request)}${path}` });
    },
  );

  api.delete(
    '/organisations/:ref/invitations/:id',
    {
      schema: {
        tags,
        summary: 'Withdraw a pending invitation (its link stops working at once)',
        params: InvitationParams,
        response: { 200: InvitationView, ...ERROR_RESPONSES },
      },
    },
    async (request) =>
      presentInvitation(
        await revokeInvitation(db, request.principal, request.params.ref, request.params.id, now()),
      ),
  );

  api.get(
    '/invitations/:token',
    {
      config: { rateLimit: LINK_RATE },
      schema: {
        tags,
        summary: 'What an invitation link is for: the organisation, the role and the email it was sent to',
        params: InvitationTokenParams,
        response: { 200: InvitationSummaryView, ...RESPONSES },
      },
    },
    async (request, reply) => {
      void reply.header('cache-control', 'no-store');
      return describeInvitation(db, request.params.token, now());
    },
  );

  api.post(
    '/invitations/:token/accept',
    {
      config: { rateLimit: LINK_RATE },
      schema: {
        tags,
        summary:
          'Accept an invitation: a new person sets a name and password and is signed in; someone with an account signs in first',
        params: InvitationTokenParams,
        body: AcceptInvitationBody,
        response: { 200: AcceptedView, ...RESPONSES },
      },
    },
    async (request, reply) => {
      const accepted = await acceptInvitation(
        db,
        request.principal,
        request.params.token,
        request.body,
        policy,
        now(),
      );
      const principal = await principalOf(db, accepted.user, 'session', ['read', 'write']);
      if (accepted.session === null) {
        return {
          ...(await sessionView(db, principal, request.authSession, policy)),
          organisation: accepted.organisation,
        };
      }
      // A new session, as at sign-in: the one the browser had (if any) ends.
      if (request.authSession !== null) await revokeSession(db, request.authSession.idHash, now());
      void reply.setCookie(
        sessionCookieName(policy),
        accepted.session.id,
        cookieOptions(policy, accepted.session.expiresAt),
      );
      return {
        ...(await sessionView(db, principal, accepted.session, policy)),
        organisation: accepted.organisation,
      };
    },
  );
}
