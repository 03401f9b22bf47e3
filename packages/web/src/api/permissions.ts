/**
 * @module api/permissions
 * The web app's copy of the server's permission table (`packages/server/src/auth/permissions.ts`),
 * so that a page shows a signed-out visitor "Sign in to …" and someone without the role "You need
 * the role of … to …" instead of a form the server would refuse (401, 403). The server still
 * decides: this only chooses what to show. `permissions.test.ts` fails when the two tables differ.
 */
import type { SessionUser } from './session';

/** A role in an organisation, as the session names it. */
export type Role = SessionUser['memberships'][number]['role'];

/** What a person may do in an organisation, and the roles that may do it (as the server's table). */
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
  /** Set strategic aims and goals, link goals and projects to commissioners' requirements. */
  'goal.manage': ['qi_lead', 'executive', 'administrator'],
  /** Set outcome requirements for the providers that granted this commissioner access. */
  'requirement.manage': ['qi_lead', 'executive', 'administrator'],
  /** Start a QI project (anyone: staff own the work); its starter leads it. */
  'project.start': ['staff', 'improver', 'unit_lead', 'qi_lead', 'executive', 'administrator'],
  /** Manage any project of the organisation (a project's own leads, sponsors and coaches may too). */
  'project.manage': ['qi_lead', 'administrator'],
  /** Submit an idea (optionally anonymously), vote and comment on ideas. */
  'idea.submit': ['staff', 'improver', 'unit_lead', 'qi_lead', 'executive', 'administrator'],
  /** Triage any idea of the organisation (unit leads also triage their unit's ideas). */
  'idea.triage': ['qi_lead', 'administrator'],
  /** Define the curriculum, set staff units, record and confirm anyone's training (coaches too). */
  'capability.manage': ['qi_lead', 'administrator'],
  /** Read the curriculum, see and declare one's own training. */
  'capability.declare': ['staff', 'improver', 'unit_lead', 'qi_lead', 'executive', 'administrator'],
  /** Define, change, delete and issue board reports. */
  'report.manage': ['qi_lead', 'executive', 'administrator'],
  /** Write a series' commentary for a reporting period. */
  'report.comment': ['improver', 'unit_lead', 'qi_lead', 'executive', 'administrator'],
  /** Create, open and close experience surveys, make their links, read their comments. */
  'survey.manage': ['qi_lead', 'administrator'],
  /** Write the public page's introduction and choose the open-data licence. */
  'public_profile.manage': ['executive', 'administrator'],
  /** Set the organisation's mail server, through which notifications are also emailed. */
  'mail.manage': ['administrator'],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof PERMISSIONS;

/** Roles in words, as the server's refusals name them. */
export const ROLE_WORDS: Readonly<Record<Role, string>> = {
  staff: 'staff',
  improver: 'improver',
  unit_lead: 'unit lead',
  qi_lead: 'QI lead',
  executive: 'executive',
  administrator: 'administrator',
};

/** "improver, unit lead, QI lead or administrator": the roles that may do `action`. */
export function rolesFor(action: Action): string {
  const words = (PERMISSIONS[action] as readonly Role[]).map((role) => ROLE_WORDS[role]);
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)!}`;
}

/** An organisation as a page knows it: its id, its ODS code, or both. */
export interface OrganisationRef {
  readonly id?: string | undefined;
  readonly odsCode?: string | undefined;
}

/**
 * Whether the signed-in `user` (null: signed out) may do `action` in the organisation: the
 * server's rule for a browser session (which may read and write). A platform administrator may do
 * everything; `organisation` null means data of no organisation (shared definitions): platform
 * administrators only. `'any'` asks whether they may do it in at least one organisation.
 */
export function can(
  user: SessionUser | null,
  action: Action,
  organisation: OrganisationRef | 'any' | null,
): boolean {
  if (user === null) return false;
  if (user.platformAdmin) return true;
  if (organisation === null) return false;
  const roles = PERMISSIONS[action] as readonly Role[];
  return user.memberships.some(
    (m) =>
      roles.includes(m.role) &&
      (organisation === 'any' ||
        (organisation.id !== undefined && m.organisationId === organisation.id) ||
        (organisation.odsCode !== undefined &&
          m.odsCode.toUpperCase() === organisation.odsCode.toUpperCase())),
  );
}
