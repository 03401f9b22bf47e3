/**
 * @module auth/permissions
 * The permission table: which roles may do what in their organisation, and how much of an
 * organisation's data each person may read. Every route's access rule (auth/access.ts) and every
 * visibility filter (auth/visibility.ts) asks this module; nothing else decides.
 */
import type { Role, Visibility } from '../db/schema/vocabulary.js';
import { membershipIn } from './principal.js';
import type { Principal } from './principal.js';

/** What a person may do in an organisation, and the roles that may do it. */
export const PERMISSIONS = {
  /** Add and rename units. */
  'unit.manage': ['administrator'],
  /** Define and change the organisation's own measures (and add series of shared ones). */
  'measure.define': ['qi_lead', 'administrator'],
  /** Change a series' analysis: preset, direction, targets, rebase points, baseline, ghosted points. */
  'series.analyse': ['improver', 'unit_lead', 'qi_lead', 'administrator'],
  /** Add annotations to points. */
  'annotation.write': ['improver', 'unit_lead', 'qi_lead', 'administrator'],
  /** Import data and record observations. */
  'data.import': ['improver', 'unit_lead', 'qi_lead', 'administrator'],
  /** Invite people, change their roles, deactivate them; grant other organisations access. */
  'member.manage': ['administrator'],
  /** Read the audit log. */
  'audit.read': ['qi_lead', 'executive', 'administrator'],
  /**
   * Set strategic aims and goals, link goals and projects to commissioners' requirements (unit
   * leads also manage the goals of their own unit and its sub-units: goals/access.ts).
   */
  'goal.manage': ['qi_lead', 'executive', 'administrator'],
  /** Set outcome requirements for the providers that granted this commissioner access. */
  'requirement.manage': ['qi_lead', 'executive', 'administrator'],
  /** Start a QI project (anyone: staff own the work); its starter leads it. */
  'project.start': ['staff', 'improver', 'unit_lead', 'qi_lead', 'executive', 'administrator'],
  /**
   * Manage any project of the organisation: change it, its team, measures, driver diagram and
   * cycles, publish it (a project's own leads, sponsors and coaches may too: projects/access.ts).
   */
  'project.manage': ['qi_lead', 'administrator'],
  /** Submit an idea (anyone in the organisation, optionally anonymously), vote and comment on ideas. */
  'idea.submit': ['staff', 'improver', 'unit_lead', 'qi_lead', 'executive', 'administrator'],
  /**
   * Triage any idea of the organisation: under review, taken forward (perhaps as a project), not
   * taken forward, with a reason (unit leads also triage the ideas of their unit and its sub-units:
   * ideas/access.ts).
   */
  'idea.triage': ['qi_lead', 'administrator'],
  /**
   * Define the organisation's QI curriculum (levels and courses), set the unit each member of staff
   * works in, and record, import, confirm or reject anyone's training (coaches, who hold the
   * curriculum's top level, record and confirm training too: capability/access.ts).
   */
  'capability.manage': ['qi_lead', 'administrator'],
  /** Read the curriculum, see one's own training record and declare one's own completed courses. */
  'capability.declare': ['staff', 'improver', 'unit_lead', 'qi_lead', 'executive', 'administrator'],
  /** Define, change and delete board reports (which series, in which order), and issue them. */
  'report.manage': ['qi_lead', 'executive', 'administrator'],
  /**
   * Write the commentary on a series for a reporting period, shown in every board report of that
   * period (those who may analyse the series may too: reports/access.ts).
   */
  'report.comment': ['improver', 'unit_lead', 'qi_lead', 'executive', 'administrator'],
  /**
   * Create experience surveys, open and close them, make and revoke their links, and read their
   * free-text comments (unit leads also read the comments of their own unit: surveys/access.ts).
   */
  'survey.manage': ['qi_lead', 'administrator'],
  /** Write the organisation's public page introduction and choose its open-data licence. */
  'public_profile.manage': ['executive', 'administrator'],
  /** Set the organisation's mail server, through which notifications are also emailed. */
  'mail.manage': ['administrator'],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof PERMISSIONS;

/** Every action, for tests generated from the table. */
export const ACTIONS = Object.keys(PERMISSIONS) as Action[];

/** Actions that change data (an API token needs its `write` scope for them). */
const READ_ONLY_ACTIONS: ReadonlySet<Action> = new Set(['audit.read']);

/** The roles that read an organisation's private measures as well as its internal ones. */
export const PRIVATE_READERS: readonly Role[] = [
  'improver',
  'unit_lead',
  'qi_lead',
  'executive',
  'administrator',
];

/**
 * Whether `principal` may do `action` in the organisation `organisationId` (null: data that
 * belong to no organisation, such as shared measure definitions: platform administrators only).
 * A platform administrator may do everything everywhere (they manage memberships, so could give
 * themselves any role anyway); every change they make is audited like anyone's.
 */
export function can(principal: Principal, action: Action, organisationId: string | null): boolean {
  if (principal.kind === 'system') return true;
  if (principal.kind === 'public') return false;
  if (!READ_ONLY_ACTIONS.has(action) && !principal.scopes.includes('write')) return false;
  if (principal.platformAdmin) return true;
  if (organisationId === null) return false;
  const membership = membershipIn(principal, organisationId);
  return membership !== undefined && (PERMISSIONS[action] as readonly Role[]).includes(membership.role);
}

/**
 * The most private data of an organisation `principal` may read: `private` (also private
 * measures), `internal` (its staff's view, or a grant of internal access), or `public`.
 */
export function readLevel(principal: Principal, organisationId: string): Visibility {
  if (principal.kind === 'system') return 'private';
  if (principal.kind === 'public') return 'public';
  if (principal.platformAdmin) return 'private';
  const membership = membershipIn(principal, organisationId);
  if (membership !== undefined) return PRIVATE_READERS.includes(membership.role) ? 'private' : 'internal';
  const grant = principal.grants.find((g) => g.organisationId === organisationId);
  return grant?.scope === 'internal' ? 'internal' : 'public';
}

/** Whether a measure of this visibility is readable at `level`. */
export function readable(visibility: Visibility, level: Visibility): boolean {
  const rank: Record<Visibility, number> = { public: 0, internal: 1, private: 2 };
  return rank[visibility] <= rank[level];
}

/**
 * Whether `principal` may read data of this visibility belonging to `organisationId` (null: data
 * of no organisation, such as shared definitions: public ones to all, others to platform
 * administrators). The same rule as auth/visibility.ts's SQL.
 */
export function canRead(
  principal: Principal,
  visibility: Visibility,
  organisationId: string | null,
): boolean {
  if (organisationId === null) {
    return (
      visibility === 'public' ||
      principal.kind === 'system' ||
      (principal.kind === 'user' && principal.platformAdmin)
    );
  }
  return readable(visibility, readLevel(principal, organisationId));
}
