/**
 * @module ideas/triage
 * Triage: a unit lead (for their unit's ideas and its sub-units') or a QI lead or administrator
 * puts an idea under review, takes it forward or does not, with a reason shown to everyone ("you
 * said, we did"): a reason is required once decided. Taken forward, it may become a QI project
 * (started through projects/service.ts: the idea's problem, a title from its proposal, its unit,
 * stage `idea`; the triager leads it), linked by the idea's `project_id`. Every change of status
 * notifies the author in the app (never for an anonymous idea: there is no one to tell). The
 * change, its audit record, the project and the notification are one transaction.
 */
import { audited } from '../audit/audited.js';
import type { Principal } from '../auth/principal.js';
import type { IdeaStatus } from '../db/schema/vocabulary.js';
import type { Database } from '../db/types.js';
import { DataError } from '../errors.js';
import { notify } from '../notifications/service.js';
import { startProject } from '../projects/service.js';
import { listUnits } from '../units/repository.js';
import { requireReadableIdea, requireTriager } from './access.js';
import { getIdeaRow, updateTriage } from './repository.js';
import type { IdeaRow } from './repository.js';
import { ideaAuditView } from './service.js';

/** The statuses triage sets (an idea starts `new`). */
export const TRIAGE_STATUSES = ['under_review', 'taken_forward', 'not_taken_forward'] as const;
export type TriageStatus = (typeof TRIAGE_STATUSES)[number];

/** The statuses that are a decision, and need a reason. */
const DECIDED: readonly IdeaStatus[] = ['taken_forward', 'not_taken_forward'];

/** A status in words. */
export const STATUS_WORDS: Readonly<Record<IdeaStatus, string>> = {
  new: 'new',
  under_review: 'under review',
  taken_forward: 'taken forward',
  not_taken_forward: 'not taken forward',
};

/** A triage decision. */
export interface TriageInput {
  readonly status: TriageStatus;
  /** Why (shown to everyone); required for taken_forward and not_taken_forward. */
  readonly reason?: string | undefined;
  /** With taken_forward: start a project from the idea and link it. */
  readonly takeForwardAsProject?: boolean | undefined;
}

/** `text` cut to `max` characters (at a word where it can), with an ellipsis when cut. */
export function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** The words of the author's notification. */
export function statusNotice(proposal: string, status: IdeaStatus, reason: string): string {
  const why = reason.trim() === '' ? '' : `: ${reason.trim()}`;
  return `Your idea '${shorten(proposal, 80)}' is now ${STATUS_WORDS[status]}${why}`;
}

/** A function from a unit to itself and every unit above it, for an organisation. */
async function unitAncestry(db: Database, organisationId: string): Promise<(unitId: string) => string[]> {
  const parents = new Map((await listUnits(db, organisationId)).map((unit) => [unit.id, unit.parentId]));
  return (unitId) => {
    const chain: string[] = [];
    for (
      let id: string | null | undefined = unitId;
      id != null && !chain.includes(id);
      id = parents.get(id)
    ) {
      chain.push(id);
    }
    return chain;
  };
}

/**
 * Triages an idea (see the module).
 * @throws {DataError} `not_found` (also when hidden), `invalid_input` (reason,
 * takeForwardAsProject), `conflict` (already a project), `unauthenticated`, `forbidden`.
 */
export async function triageIdea(
  db: Database,
  principal: Principal,
  id: string,
  input: TriageInput,
): Promise<IdeaRow> {
  const found = await requireReadableIdea(db, principal, id);
  requireTriager(principal, found.organisationId, found.unitId, await unitAncestry(db, found.organisationId));
  const reason = input.reason?.trim() ?? '';
  if (DECIDED.includes(input.status) && reason === '') {
    throw new DataError(
      'invalid_input',
      `a reason is required to mark an idea ${STATUS_WORDS[input.status]}`,
      {
        field: 'reason',
      },
    );
  }
  const asProject = input.takeForwardAsProject === true;
  if (asProject && input.status !== 'taken_forward') {
    throw new DataError('invalid_input', 'only an idea taken forward becomes a project', {
      field: 'takeForwardAsProject',
    });
  }
  const triagedBy = principal.kind === 'user' ? principal.userId : null;
  const updated = await audited(
    db,
    principal,
    async (tx) => {
      const before = await requireReadableIdea(tx, principal, id, { lock: true });
      if (asProject && before.projectId !== null) {
        throw new DataError('conflict', 'this idea is already a project', { field: 'takeForwardAsProject' });
      }
      const project = asProject
        ? await startProject(tx, principal, before.organisationId, {
            title: shorten(before.proposal, 300),
            problem: before.problem,
            unitId: before.unitId,
            stage: 'idea',
          })
        : undefined;
      const after = await updateTriage(tx, before.id, {
        status: input.status,
        reason,
        triagedBy,
        projectId: project?.id,
      });
      if (before.status !== after.status && after.authorId !== null) {
        await notify(tx, {
          userId: after.authorId,
          organisationId: after.organisationId,
          kind: 'idea.status',
          text: statusNotice(after.proposal, after.status, after.statusReason),
          link: `/ideas/${after.id}`,
        });
      }
      return { before, after };
    },
    ({ before, after }) => ({
      action: 'idea.triage',
      entityType: 'idea',
      entityId: after.id,
      organisationId: after.organisationId,
      summary:
        before.status === after.status
          ? `Changed the reason for an idea ${STATUS_WORDS[after.status]}`
          : `Moved an idea from ${STATUS_WORDS[before.status]} to ${STATUS_WORDS[after.status]}` +
            (after.projectId !== before.projectId ? ' as a project' : ''),
      before: ideaAuditView(before),
      after: ideaAuditView(after),
    }),
  );
  return getIdeaRow(db, updated.after.id, triagedBy);
}
