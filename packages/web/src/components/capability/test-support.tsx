/**
 * @module components/capability/test-support
 * For the Capability page's component tests (jsdom): the fake API (imported first, so that it takes
 * `fetch` before the client loads), RF4 with a division and a ward, a two-level curriculum, training
 * records and capability by unit as the API sends them.
 */
export * from '../../test-support/fake-api';
import type { CapabilityByUnit, Completion, Curriculum, Person } from './data';

export const ORG_ID = '00000000-0000-4000-8000-0000000000f4';
export const MEDICINE_ID = '40000000-0000-4000-8000-0000000000a1';
export const WARD_ID = '40000000-0000-4000-8000-000000000001';
export const FOUNDATION_ID = '81000000-0000-4000-8000-000000000001';
export const PRACTITIONER_ID = '81000000-0000-4000-8000-000000000002';
export const F1_ID = '82000000-0000-4000-8000-000000000001';
export const P1_ID = '82000000-0000-4000-8000-000000000002';
export const NURSE_ID = '20000000-0000-4000-8000-0000000000a7';
export const QI_LEAD_ID = '20000000-0000-4000-8000-000000000001';
export const SERIES_ID = '83000000-0000-4000-8000-000000000001';
export const ORG_SERIES_ID = '83000000-0000-4000-8000-000000000002';

export const ORGANISATION = {
  id: ORG_ID,
  odsCode: 'RF4',
  name: 'Barking, Havering and Redbridge',
  kind: 'provider',
  createdAt: '2026-01-01T00:00:00.000Z',
};

export const UNITS = {
  items: [
    {
      id: MEDICINE_ID,
      organisationId: ORG_ID,
      parentId: null,
      kind: 'division',
      name: 'Medicine',
      createdAt: ORGANISATION.createdAt,
      children: [
        {
          id: WARD_ID,
          organisationId: ORG_ID,
          parentId: MEDICINE_ID,
          kind: 'ward',
          name: 'Ward 10',
          createdAt: ORGANISATION.createdAt,
          children: [],
        },
      ],
    },
  ],
};

export const CURRICULUM: Curriculum = {
  organisationId: ORG_ID,
  levels: [
    {
      id: FOUNDATION_ID,
      organisationId: ORG_ID,
      name: 'foundation',
      rank: 1,
      description: 'Knows the Model for Improvement.',
      courses: [
        { id: F1_ID, levelId: FOUNDATION_ID, code: 'QI-F1', title: 'Introduction to QI', required: true },
      ],
    },
    {
      id: PRACTITIONER_ID,
      organisationId: ORG_ID,
      name: 'practitioner',
      rank: 2,
      description: '',
      courses: [{ id: P1_ID, levelId: PRACTITIONER_ID, code: 'QI-P1', title: 'PDSA cycles', required: true }],
    },
  ],
};

/** A completion of QI-F1 by the nurse, recorded by a coach, unless told otherwise. */
export function aCompletion(overrides: Partial<Completion> = {}): Completion {
  return {
    courseId: F1_ID,
    courseCode: 'QI-F1',
    courseTitle: 'Introduction to QI',
    levelId: FOUNDATION_ID,
    userId: NURSE_ID,
    userName: 'Nurse Nia',
    completedOn: '2026-03-01',
    source: 'entered',
    counts: true,
    confirmedAt: null,
    confirmedBy: null,
    recordedAt: '2026-03-02T09:00:00.000Z',
    ...overrides,
  };
}

export const PEOPLE: { items: Person[] } = {
  items: [
    {
      userId: NURSE_ID,
      displayName: 'Nurse Nia',
      email: 'nia@example.nhs.uk',
      unitId: WARD_ID,
      since: '2025-01-01',
    },
    {
      userId: QI_LEAD_ID,
      displayName: 'Demo QI lead',
      email: 'demo.qilead@groundswell.invalid',
      unitId: null,
      since: null,
    },
  ],
};

/**
 * Ward 10: 3 of 8 trained at foundation level (with a series), 1 of 8 at practitioner (none yet);
 * the whole organisation 5 of 20 and 2 of 20.
 */
export const BY_UNIT: CapabilityByUnit = {
  organisationId: ORG_ID,
  period: '2026-11-01',
  levels: [
    { id: FOUNDATION_ID, name: 'foundation', rank: 1, measureId: '84000000-0000-4000-8000-000000000001' },
    { id: PRACTITIONER_ID, name: 'practitioner', rank: 2, measureId: null },
  ],
  units: [
    {
      unitId: WARD_ID,
      name: 'Ward 10',
      parentId: MEDICINE_ID,
      levels: [
        { levelId: FOUNDATION_ID, trained: 3, staff: 8, seriesId: SERIES_ID },
        { levelId: PRACTITIONER_ID, trained: 1, staff: 8, seriesId: null },
      ],
    },
  ],
  organisation: {
    levels: [
      { levelId: FOUNDATION_ID, trained: 5, staff: 20, seriesId: ORG_SERIES_ID },
      { levelId: PRACTITIONER_ID, trained: 2, staff: 20, seriesId: null },
    ],
  },
};
