/**
 * @module members/schemas
 * Requests and responses of an organisation's members, invitations and invitation links.
 */
import { z } from 'zod';
import { SessionView } from '../auth/schemas.js';
import { ROLES, USER_STATUSES } from '../db/schema/vocabulary.js';
import { Id, pageOf, PageQuery, Timestamp } from '../http/schemas.js';
import { OrganisationRefParams } from '../organisations/schemas.js';

const RoleField = z.enum(ROLES).describe('The role in this organisation');
const UnitField = Id.nullable()
  .optional()
  .describe('The unit a unit lead leads (required for unit_lead, left out for other roles)');

export const MembersParams = OrganisationRefParams;

export const MemberParams = OrganisationRefParams.extend({
  userId: Id.describe('The person’s id'),
});

export const InvitationParams = OrganisationRefParams.extend({
  id: Id.describe('The invitation’s id'),
});

export const InvitationTokenParams = z.object({
  token: z.string().min(1).max(200).describe('The secret of the invitation link'),
});

export const ListMembersQuery = PageQuery.extend({
  role: z.enum(ROLES).optional().describe('Only members with this role'),
  status: z.enum(USER_STATUSES).optional().describe('Only accounts in this state'),
  search: z.string().max(200).optional().describe('Part of the name or email address, any case'),
});

export const MemberView = z
  .object({
    userId: Id,
    email: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
    unitId: Id.nullable().describe('The unit a unit lead leads'),
    unitName: z.string().nullable(),
    status: z.enum(USER_STATUSES).describe('active; deactivated (cannot sign in); invited'),
    platformAdmin: z.boolean(),
    lastSignInAt: Timestamp.nullable(),
    joinedAt: Timestamp,
  })
  .meta({ id: 'Member' });

export const MemberPage = pageOf(MemberView);

export const InviteBody = z.object({
  email: z.email({ error: 'must be an email address' }).max(320).describe('Who to invite'),
  role: RoleField,
  unitId: UnitField,
});

export const ChangeMemberBody = z.object({ role: RoleField, unitId: UnitField });

export const InvitationView = z
  .object({
    id: Id,
    email: z.string(),
    role: z.enum(ROLES),
    unitId: Id.nullable(),
    unitName: z.string().nullable(),
    invitedBy: z.string().nullable().describe('Who sent it'),
    createdAt: Timestamp,
    expiresAt: Timestamp.describe('The link stops working then'),
  })
  .meta({ id: 'Invitation' });

export const InvitationList = z.object({ items: z.array(InvitationView) });

export const NewInvitationView = InvitationView.extend({
  path: z.string().describe('The link’s path on this site, /invitations/…: shown this once, never again'),
  url: z.string().describe('The whole link, for the person to be sent: shown this once, never again'),
});

export const MemberChangeView = z.object({
  member: MemberView,
  sessionsEnded: z.number().int().describe('How many of the person’s sessions were ended'),
});

/** What an invitation link is for: no more than its holder needs. */
export const InvitationSummaryView = z.object({
  organisationName: z.string(),
  email: z.string().describe('Who it is for'),
  role: z.enum(ROLES),
  existingAccount: z
    .boolean()
    .describe('Whether this email has an account already: its owner signs in first, then accepts'),
});

export const AcceptInvitationBody = z.object({
  displayName: z
    .string()
    .trim()
    .max(200)
    .optional()
    .describe('Your name as others will see it (new accounts only)'),
  password: z.string().max(1024).optional().describe('At least 12 characters (new accounts only)'),
});

export const AcceptedView = SessionView.extend({
  organisation: z.object({ id: Id, odsCode: z.string(), name: z.string() }),
});
