/**
 * @module components/projects/test-support
 * For the project pages' component tests (jsdom): the fake API (imported first, so that it takes
 * `fetch` before the client loads), and a project fixture as `GET /projects/{id}` sends it, with a
 * chart analysed by the real SPC engine.
 */
export * from '../../test-support/fake-api';
import { xmr } from '@groundswell/spc';
import type { Project, ProjectChart } from './data';

export const ORG_ID = '00000000-0000-4000-8000-0000000000f4';
export const PROJECT_ID = '70000000-0000-4000-8000-000000000001';
export const WARD_ID = '40000000-0000-4000-8000-000000000001';
export const SERIES_ID = '11111111-1111-4111-8111-111111111111';
export const PRIMARY = '71000000-0000-4000-8000-000000000001';
export const PRIMARY_2 = '71000000-0000-4000-8000-000000000002';
export const SECONDARY = '72000000-0000-4000-8000-000000000001';
export const IDEA = '73000000-0000-4000-8000-000000000001';
export const CYCLE = '74000000-0000-4000-8000-000000000001';

const months = (n: number): string[] =>
  Array.from(
    { length: n },
    (_, i) => `${2025 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01`,
  );

/** A project chart: 15 months of falls, one cycle marked on the 14th point, one after the last. */
export function aChart(): ProjectChart {
  const periods = months(15);
  const values = [5, 6, 4, 7, 5, 6, 5, 4, 6, 5, 7, 5, 6, 3, 2];
  const analysis = JSON.parse(
    JSON.stringify(xmr({ values, periods }, { direction: 'decrease' })),
  ) as NonNullable<ProjectChart['chart']>['analysis'];
  return {
    kind: 'outcome',
    position: 0,
    seriesId: SERIES_ID,
    problem: null,
    annotations: [
      { source: 'pdsa', id: CYCLE, index: 13, period: '2026-02-10', text: 'PDSA 1: Night huddle (adopt)' },
      {
        source: 'pdsa',
        id: '74000000-0000-4000-8000-000000000002',
        index: null,
        period: '2027-01-05',
        text: 'PDSA 2: Later test',
      },
    ],
    chart: {
      series: {
        id: SERIES_ID,
        measureId: '22222222-2222-4222-8222-222222222222',
        organisationId: ORG_ID,
        unitId: WARD_ID,
        spcOptions: null,
        createdAt: '2025-01-01T00:00:00.000Z',
      },
      measure: {
        id: '22222222-2222-4222-8222-222222222222',
        ownerOrganisationId: ORG_ID,
        code: 'falls',
        name: 'Inpatient falls',
        description: 'Falls a month.',
        unitLabel: 'falls',
        dataType: 'value',
        chartType: 'xmr',
        spcOptions: { direction: 'decrease' },
        domain: 'safety',
        owner: 'Ward 10',
        source: 'Datix',
        visibility: 'internal',
        frequency: 'month',
        createdAt: '2025-01-01T00:00:00.000Z',
        updatedAt: '2025-01-01T00:00:00.000Z',
      },
      synthetic: false,
      targets: [],
      icons: { variation: analysis.summary.variation, assurance: null },
      analysis,
    },
  };
}

/** A project of RF4's Ward 10 led by the demo QI lead (USER), with a small diagram and one cycle. */
export function aProject(overrides: Partial<Project> = {}): Project {
  return {
    id: PROJECT_ID,
    organisation: { id: ORG_ID, odsCode: 'RF4', name: 'Barking, Havering and Redbridge' },
    unit: { id: WARD_ID, name: 'Ward 10' },
    title: 'Fewer falls at night',
    problem: 'Falls at night doubled.',
    stage: 'testing',
    aim: { what: 'Reduce falls at night', howMuch: 'by 30%', byWhen: '2027-03-31' },
    lessons: '',
    topics: ['falls'],
    visibility: 'internal',
    publishedAt: null,
    copiedFromId: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    team: [{ userId: '20000000-0000-4000-8000-000000000001', displayName: 'Demo QI lead', role: 'lead' }],
    measures: [
      {
        seriesId: SERIES_ID,
        kind: 'outcome',
        position: 0,
        measure: {
          id: '22222222-2222-4222-8222-222222222222',
          code: 'falls',
          name: 'Inpatient falls',
          shared: false,
        },
        unitId: WARD_ID,
      },
    ],
    charts: [aChart()],
    diagram: {
      aim: 'Reduce falls at night by 30% by 31 March 2027',
      columns: {
        primary: [
          { id: PRIMARY, kind: 'primary', text: 'Safe staffing at night', position: 0, cycles: 0 },
          { id: PRIMARY_2, kind: 'primary', text: 'Patients know the risks', position: 1, cycles: 0 },
        ],
        secondary: [
          { id: SECONDARY, kind: 'secondary', text: 'Handover includes falls risk', position: 0, cycles: 0 },
        ],
        change_idea: [{ id: IDEA, kind: 'change_idea', text: 'Night huddle', position: 0, cycles: 1 }],
      },
      links: [
        { fromId: PRIMARY, toId: SECONDARY },
        { fromId: SECONDARY, toId: IDEA },
      ],
    },
    cycles: [
      {
        id: CYCLE,
        number: 1,
        changeIdeaId: IDEA,
        changeIdea: 'Night huddle',
        title: 'Night huddle',
        plan: 'Huddle at 22:00 for a week',
        prediction: 'Fewer falls',
        plannedStart: '2026-02-09',
        doNotes: 'Done on 6 nights of 7',
        startedOn: '2026-02-10',
        study: 'No falls that week',
        act: 'Keep it',
        decision: 'adopt',
        endedOn: '2026-02-17',
        createdAt: '2026-02-01T00:00:00.000Z',
        updatedAt: '2026-02-17T00:00:00.000Z',
      },
    ],
    goals: [],
    ...overrides,
  };
}
