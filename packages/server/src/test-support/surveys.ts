/**
 * @module test-support/surveys
 * The world of the survey tests: the idea tests' trust (a Medicine division with Ward 7 under it,
 * and a Surgical ward; its people of every role), a survey started by its QI lead with a link per
 * unit, a movable clock, and answering through a link.
 */
import { expect } from 'vitest';
import type { Database } from '../db/types.js';
import type { Api } from '../http/types.js';
import { body } from './app.js';
import { headersOf, ideaWorld } from './ideas.js';

/** A clock the app reads (`withApp(db, fn, { now: clock.now })`), moved by the test. */
export function movableClock(start: string): { now: () => Date; set: (iso: string) => void } {
  let current = new Date(start);
  return {
    now: () => current,
    set: (iso) => {
      current = new Date(iso);
    },
  };
}

// eslint-disable-next-line @typescript-eslint/explicit-function-return-type -- the fixtures' shape is what they hold
export async function surveyWorld(db: Database) {
  const w = await ideaWorld(db);
  return { ...w, who: headersOf(w.people) };
}

export type SurveyWorld = Awaited<ReturnType<typeof surveyWorld>>;

/** Starts a survey as the QI lead and makes a link for each unit named; returns its id and tokens. */
export async function startSurvey(
  app: Api,
  w: SurveyWorld,
  units: Record<string, string>,
  minGroup = 5,
): Promise<{ id: string; measureId: string; tokens: Record<string, string> }> {
  const created = await app.inject({
    method: 'POST',
    url: `/api/v1/organisations/${w.a.odsCode}/surveys`,
    payload: {
      kind: 'staff',
      title: 'Place to work',
      question: 'Would you recommend your unit as a place to work?',
      minGroup,
    },
    headers: w.who.qiLead,
  });
  expect(created.statusCode, created.body).toBe(201);
  const survey = body<{ id: string; measureId: string }>(created);
  const tokens: Record<string, string> = {};
  for (const [name, unitId] of Object.entries(units)) {
    const link = await app.inject({
      method: 'POST',
      url: `/api/v1/surveys/${survey.id}/links`,
      payload: { unitId },
      headers: w.who.qiLead,
    });
    expect(link.statusCode, link.body).toBe(201);
    tokens[name] = body<{ token: string }>(link).token;
  }
  return { id: survey.id, measureId: survey.measureId, tokens };
}

/** Answers through a link `yes`, `no` and `dontKnow` times (with no sign-in), with an optional comment on the first. */
export async function answer(
  app: Api,
  token: string,
  counts: { yes?: number; no?: number; dontKnow?: number },
  comment?: string,
): Promise<void> {
  const answers = [
    ...Array<string>(counts.yes ?? 0).fill('yes'),
    ...Array<string>(counts.no ?? 0).fill('no'),
    ...Array<string>(counts.dontKnow ?? 0).fill('dont_know'),
  ];
  for (const [i, value] of answers.entries()) {
    const response = await app.inject({
      method: 'POST',
      url: `/api/v1/survey-links/${token}/responses`,
      payload: { answer: value, ...(i === 0 && comment !== undefined ? { comment } : {}) },
    });
    expect(response.statusCode, response.body).toBe(201);
  }
}
