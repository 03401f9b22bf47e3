/**
 * @module components/ideas/test-support
 * For the idea and notification pages' component tests (jsdom): the fake API (imported first, so
 * that it takes `fetch` before the client loads), RF4 with a division, a ward under it and another
 * ward, and ideas as the API sends them.
 */
export * from '../../test-support/fake-api';
import type { Schema } from '../../api/client';
import type { Idea, IdeaDetail } from './data';

export const ORG_ID = '00000000-0000-4000-8000-0000000000f4';
export const MEDICINE_ID = '40000000-0000-4000-8000-0000000000a1';
export const WARD_ID = '40000000-0000-4000-8000-000000000001';
export const SURGERY_ID = '40000000-0000-4000-8000-0000000000b2';
export const IDEA_ID = '76000000-0000-4000-8000-000000000001';
export const PROJECT_ID = '70000000-0000-4000-8000-000000000009';

export const ORGANISATION = {
  id: ORG_ID,
  odsCode: 'RF4',
  name: 'Barking, Havering and Redbridge',
  kind: 'provider',
  createdAt: '2026-01-01T00:00:00.000Z',
};

const unit = (
  id: string,
  name: string,
  kind: string,
  parentId: string | null,
  children: Schema<'UnitNode'>[] = [],
): Schema<'UnitNode'> =>
  ({
    id,
    organisationId: ORG_ID,
    parentId,
    kind,
    name,
    createdAt: ORGANISATION.createdAt,
    children,
  }) as Schema<'UnitNode'>;

/** Medicine (a division) with Ward 10 under it, and the Surgical ward. */
export const UNITS = {
  items: [
    unit(MEDICINE_ID, 'Medicine', 'division', null, [unit(WARD_ID, 'Ward 10', 'ward', MEDICINE_ID)]),
    unit(SURGERY_ID, 'Surgical ward', 'ward', null),
  ],
};

/** A new idea of Ward 10 by the demo ward nurse, with 2 votes and no comments. */
export function anIdea(overrides: Partial<Idea> = {}): Idea {
  return {
    id: IDEA_ID,
    organisationId: ORG_ID,
    unit: { id: WARD_ID, name: 'Ward 10' },
    problem: 'Patients wait for pain relief at night because the keys are with the nurse in charge.',
    proposal: 'Give a second set of controlled drug keys to the night coordinator',
    author: 'Demo ward nurse (staff)',
    anonymous: false,
    mine: false,
    status: 'new',
    statusReason: '',
    triagedAt: null,
    projectId: null,
    voteCount: 2,
    votedByMe: false,
    commentCount: 0,
    createdAt: '2026-11-20T09:30:00.000Z',
    updatedAt: '2026-11-20T09:30:00.000Z',
    ...overrides,
  };
}

/** `anIdea` with its comments, as `GET /ideas/{id}` sends it. */
export function anIdeaDetail(overrides: Partial<IdeaDetail> = {}): IdeaDetail {
  return { ...anIdea(overrides), comments: [], ...overrides };
}
