/**
 * @module auth/principal
 * Who is asking: the public (signed out), a person (through a browser session or a personal API
 * token), or the command line on the server's own machine. Resolved once per request.
 */
import type { GrantScope, Role, TokenScope } from '../db/schema/vocabulary.js';

/** A person's role in one organisation. */
export interface Membership {
  readonly organisationId: string;
  readonly role: Role;
  /** The unit a unit lead leads (null for other roles). */
  readonly unitId: string | null;
}

/** What another organisation lets this person's organisations see. */
export interface ReceivedGrant {
  /** The organisation that granted access. */
  readonly organisationId: string;
  readonly scope: GrantScope;
}

/** Signed out: public data only. */
export interface PublicPrincipal {
  readonly kind: 'public';
}

/** A signed-in person, or their API token. */
export interface UserPrincipal {
  readonly kind: 'user';
  readonly userId: string;
  readonly email: string;
  readonly displayName: string;
  readonly platformAdmin: boolean;
  readonly memberships: readonly Membership[];
  readonly grants: readonly ReceivedGrant[];
  /** How the request was authenticated. */
  readonly via: 'session' | 'token';
  /** What the token may do (a session may do all its roles allow: both). */
  readonly scopes: readonly TokenScope[];
}

/**
 * The command line (`groundswell import`, demo data): someone with the server's files and database
 * credentials, who could change the data directly anyway. Changes are still audited, under `name`.
 */
export interface SystemPrincipal {
  readonly kind: 'system';
  readonly name: string;
  readonly via: 'cli' | 'system';
}

export type Principal = PublicPrincipal | UserPrincipal | SystemPrincipal;

export const PUBLIC: PublicPrincipal = { kind: 'public' };

/** The command line, named after the person running it where the system knows them. */
export function commandLine(name: string): SystemPrincipal {
  return { kind: 'system', name: `command line (${name})`, via: 'cli' };
}

/** Demo data and start-up work. */
export const SYSTEM: SystemPrincipal = { kind: 'system', name: 'Groundswell', via: 'system' };

/** A person's membership of an organisation, if any. */
export function membershipIn(principal: Principal, organisationId: string): Membership | undefined {
  return principal.kind === 'user'
    ? principal.memberships.find((m) => m.organisationId === organisationId)
    : undefined;
}

/** Who did it, as the audit log records it. */
export function actorOf(principal: Principal): {
  actorId: string | null;
  actor: string;
  via: 'session' | 'token' | 'cli' | 'system';
} {
  switch (principal.kind) {
    case 'user':
      return { actorId: principal.userId, actor: principal.displayName, via: principal.via };
    case 'system':
      return { actorId: null, actor: principal.name, via: principal.via };
    case 'public':
      throw new Error('The public cannot change anything: a route let a signed-out request through');
  }
}
