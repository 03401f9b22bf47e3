/**
 * @module demo/outlier-projects
 * A positive outlier for the demo's funnel plots, and how it got there. The real A&E data hold no
 * positive outlier on the 4-hour measure once the limits are widened for overdispersion (they are
 * very overdispersed: φ is in the hundreds), so the demo adds one synthetic provider — its name
 * says "synthetic demo data" — whose type 1 department's 4-hour performance rose from about 86% to
 * about 99% after an improvement project in 2017, and that project, finished, with its driver
 * diagram, PDSA cycles and lessons, published to the library and watching the department's
 * 4-hour series. A team that finds the outlier on the funnel plot follows it to the project.
 *
 * Added with the bundled A&E file only (demo/load.ts), once; tests that load a cut of the file
 * call {@link addOutlierDemo} themselves.
 */
import { eq, isNull } from 'drizzle-orm';
import {
  driverLinks,
  driverNodes,
  measures,
  organisations,
  pdsaCycles,
  projectMeasures,
  projects,
} from '../db/schema.js';
import type { Database } from '../db/types.js';
import { createImport, finishImport } from '../imports/repository.js';
import type { ObservationInput } from '../observations/input.js';
import { upsertObservations } from '../observations/repository.js';
import { createOrganisation } from '../organisations/repository.js';
import { ensureSeries } from '../series/repository.js';
import { createUnit } from '../units/repository.js';
import { AE_MEASURES, DEPARTMENT_TYPES } from './ae-measures.js';
import { seeded, SYNTHETIC_LABEL } from './synthetic.js';

/** The synthetic provider. */
export const OUTLIER_ORGANISATION = {
  odsCode: 'DEMO01',
  name: `Riverside Hospitals (${SYNTHETIC_LABEL})`,
  kind: 'provider',
} as const;

/** Its published project on the 4-hour measure. */
export const OUTLIER_PROJECT = {
  title: `Every patient seen within four hours: streaming at the front door (${SYNTHETIC_LABEL})`,
  problem:
    'In 2016 one patient in seven waited more than four hours in our type 1 emergency department, most of them waiting for a cubicle or a bed while minor illness queued with major.',
  aimWhat: 'Admit, transfer or discharge 98% of type 1 A&E patients within four hours',
  aimHowMuch: 'from 86% to 98%',
  aimByWhen: '2018-03-31',
  lessons:
    'Streaming at the front door by a senior nurse took a third of patients out of the majors queue within a month. A discharge lounge and ward rounds before 10am freed beds early enough for the afternoon peak. Small tests, one shift at a time, won the staff over: we changed nothing for a whole department until a PDSA cycle had shown it worked on one shift.',
  topics: ['urgent and emergency care', 'flow', 'four-hour standard'],
} as const;

/** The first period of the demo data, and the months of it. */
const FIRST_MONTH = { year: 2016, month: 4 };
const MONTHS = 36;

function period(m: number): string {
  const index = FIRST_MONTH.month - 1 + m;
  const year = FIRST_MONTH.year + Math.floor(index / 12);
  return `${year}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

/** 4-hour performance in month `m`: about 86% for 14 months, then rising over 7 months to about 99%. */
function performance(m: number, rand: () => number): number {
  const before = 0.86;
  const after = 0.992;
  const share = Math.min(1, Math.max(0, (m - 14) / 7));
  return before + (after - before) * share + (rand() - 0.5) * (share === 1 ? 0.004 : 0.02);
}

/** Its type 1 department's rows for the four shared A&E measures. */
function outlierRows(series: Record<keyof typeof AE_MEASURES, string>): ObservationInput[] {
  const rand = seeded(20_170_601);
  const rows: ObservationInput[] = [];
  for (let m = 0; m < MONTHS; m++) {
    const attendances = 8_000 + Math.round(rand() * 1_500);
    const within = Math.round(attendances * performance(m, rand));
    const admissions = Math.round(attendances * (0.26 + rand() * 0.03));
    const p = period(m);
    rows.push({ seriesId: series.attendances, period: p, value: attendances });
    rows.push({ seriesId: series.admissions, period: p, value: admissions });
    rows.push({ seriesId: series.fourHour, period: p, numerator: within, denominator: attendances });
    rows.push({ seriesId: series.conversion, period: p, numerator: admissions, denominator: attendances });
  }
  return rows;
}

/** The project's driver diagram and cycles. */
async function addStory(db: Database, projectId: string): Promise<void> {
  const [primary, secondary, streaming, lounge] = await db
    .insert(driverNodes)
    .values([
      {
        projectId,
        kind: 'primary',
        text: 'Patients flow through the department without waiting',
        position: 0,
      },
      { projectId, kind: 'secondary', text: 'The right clinician sees each patient first', position: 0 },
      {
        projectId,
        kind: 'change_idea',
        text: 'A senior nurse streams patients at the front door',
        position: 0,
      },
      { projectId, kind: 'change_idea', text: 'A discharge lounge frees beds before noon', position: 1 },
    ])
    .returning({ id: driverNodes.id });
  await db.insert(driverLinks).values([
    { projectId, fromId: primary!.id, toId: secondary!.id },
    { projectId, fromId: secondary!.id, toId: streaming!.id },
    { projectId, fromId: secondary!.id, toId: lounge!.id },
  ]);
  await db.insert(pdsaCycles).values([
    {
      projectId,
      changeIdeaId: streaming!.id,
      title: 'Streaming on one evening shift',
      plan: 'A band 7 nurse streams every walk-in patient on the Tuesday evening shift.',
      prediction: 'A third of walk-in patients go straight to the minors stream.',
      startedOn: '2017-06-06',
      doNotes: 'Done on four Tuesdays; one was short-staffed.',
      study: 'Two in five went to minors; majors waits fell by 40 minutes.',
      act: 'Every evening shift from July, then days.',
      decision: 'adopt',
      endedOn: '2017-06-27',
    },
    {
      projectId,
      changeIdeaId: lounge!.id,
      title: 'A discharge lounge on two medical wards',
      plan: 'Patients going home move to the lounge by 10am.',
      prediction: 'Beds free two hours earlier on those wards.',
      startedOn: '2017-09-04',
      doNotes: 'Porters were needed earlier than planned.',
      study: 'Beds freed 90 minutes earlier; A&E waits for a bed fell in the afternoon.',
      act: 'Spread to every medical ward with an earlier porter shift.',
      decision: 'adapt',
      endedOn: '2017-10-02',
    },
  ]);
}

/**
 * Adds the synthetic positive outlier and its published project, unless they are there already
 * (returns whether it added them). Needs the shared A&E measures.
 */
export async function addOutlierDemo(db: Database): Promise<boolean> {
  const [existing] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.odsCode, OUTLIER_ORGANISATION.odsCode));
  if (existing !== undefined) return false;
  const shared = await db
    .select({ id: measures.id, code: measures.code })
    .from(measures)
    .where(isNull(measures.ownerOrganisationId));
  const measureId = (code: string): string | undefined => shared.find((m) => m.code === code)?.id;
  const keys = Object.keys(AE_MEASURES) as (keyof typeof AE_MEASURES)[];
  if (keys.some((key) => measureId(AE_MEASURES[key].code) === undefined)) return false;

  const organisation = await createOrganisation(db, { ...OUTLIER_ORGANISATION });
  const unit = await createUnit(db, {
    organisationId: organisation.id,
    kind: 'directorate',
    name: DEPARTMENT_TYPES['1']!,
  });
  const series = {} as Record<keyof typeof AE_MEASURES, string>;
  for (const key of keys) {
    series[key] = (
      await ensureSeries(db, {
        measureId: measureId(AE_MEASURES[key].code)!,
        organisationId: organisation.id,
        unitId: unit.id,
      })
    ).id;
  }
  const demoImport = await createImport(db, {
    organisationId: organisation.id,
    fileName: `demo data (${SYNTHETIC_LABEL}: a positive outlier)`,
  });
  const counts = await upsertObservations(db, outlierRows(series), { importId: demoImport.id });
  await finishImport(db, demoImport.id, counts);

  const [project] = await db
    .insert(projects)
    .values({
      organisationId: organisation.id,
      unitId: unit.id,
      title: OUTLIER_PROJECT.title,
      problem: OUTLIER_PROJECT.problem,
      stage: 'complete',
      aimWhat: OUTLIER_PROJECT.aimWhat,
      aimHowMuch: OUTLIER_PROJECT.aimHowMuch,
      aimByWhen: OUTLIER_PROJECT.aimByWhen,
      lessons: OUTLIER_PROJECT.lessons,
      topics: [...OUTLIER_PROJECT.topics],
      visibility: 'public',
      publishedAt: new Date('2018-06-01T09:00:00Z'),
    })
    .returning({ id: projects.id });
  await db.insert(projectMeasures).values([
    { projectId: project!.id, seriesId: series.fourHour, kind: 'outcome', position: 0 },
    { projectId: project!.id, seriesId: series.conversion, kind: 'balancing', position: 1 },
  ]);
  await addStory(db, project!.id);
  return true;
}
