/**
 * @module surveys/respond
 * Answering a survey through its link, with no sign-in. The link's token is the only key: an
 * unknown, revoked or closed survey's link is answered as not found (nothing else is revealed).
 *
 * Anonymity: the response stores the survey, the link's unit, the month it counts for, the answer,
 * the optional comment and the day — no person (even a signed-in one), no address, no time of day,
 * no link id. It is not audited (an audit event would record its time and its reader). The routes
 * neither log these requests nor read the session. The rate limit (routes.ts) keeps addresses in
 * memory only, for its one-minute window.
 */
import { hashSecret } from '../auth/secrets.js';
import type { Database } from '../db/types.js';
import { DataError } from '../errors.js';
import { getOrganisation } from '../organisations/repository.js';
import type { Survey } from './access.js';
import { findLiveLink, insertResponse } from './repository.js';
import type { SurveyLink } from './repository.js';
import { dayOf, periodOf } from './results.js';
import { publishResults } from './service.js';

/** An answer to the recommend question. */
export type Answer = 'yes' | 'no' | 'dont_know';

/** What the response page shows. */
export interface LinkView {
  readonly organisation: string;
  readonly unit: string;
  readonly kind: Survey['kind'];
  readonly title: string;
  readonly question: string;
}

function linkNotFound(): DataError {
  return new DataError(
    'not_found',
    'This survey link is not in use (it may have been replaced, or the survey has closed).',
    { field: 'token' },
  );
}

async function liveLink(db: Database, token: string): Promise<{ link: SurveyLink; survey: Survey }> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) throw linkNotFound();
  const found = await findLiveLink(db, hashSecret(token));
  if (found === undefined || !found.survey.open) throw linkNotFound();
  return found;
}

/** The survey a link opens. @throws {DataError} `not_found`. */
export async function readLink(db: Database, token: string): Promise<LinkView> {
  const { link, survey } = await liveLink(db, token);
  const organisation = await getOrganisation(db, survey.organisationId);
  return {
    organisation: organisation?.name ?? '',
    unit: link.unitName ?? organisation?.name ?? '',
    kind: survey.kind,
    title: survey.title,
    question: survey.question,
  };
}

/**
 * Stores one anonymous response for the link's unit and the current month, then publishes any
 * period that has become final (publish.ts).
 * @throws {DataError} `not_found` (link), `invalid_input` (comment).
 */
export async function respond(
  db: Database,
  token: string,
  input: { readonly answer: Answer; readonly comment?: string | undefined },
  now: Date,
): Promise<void> {
  const { link, survey } = await liveLink(db, token);
  await insertResponse(db, {
    surveyId: survey.id,
    unitId: link.unitId,
    period: periodOf(now),
    recommend: input.answer === 'dont_know' ? null : input.answer === 'yes',
    comment: (input.comment ?? '').trim(),
    answeredOn: dayOf(now),
  });
  await publishResults(db, survey, now);
}
