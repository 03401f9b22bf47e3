/**
 * @module projects/schemas
 * Request and response schemas of the project routes (projects, team, measures, goals, driver
 * diagram, PDSA cycles, charts, portfolio, library), with their inferred types.
 */
import { z } from 'zod';
import { SeriesAnalysisView } from '../analysis/schemas.js';
import {
  DATA_TYPES,
  DOMAINS,
  DRIVER_KINDS,
  FREQUENCIES,
  PDSA_DECISIONS,
  PROJECT_MEASURE_KINDS,
  PROJECT_ROLES,
  PROJECT_STAGES,
  VISIBILITIES,
} from '../db/schema/vocabulary.js';
import { Id, IsoDate, PageQuery, pageOf, QueryBoolean, Timestamp } from '../http/schemas.js';

const Stage = z
  .enum(PROJECT_STAGES)
  .describe('idea, planning, testing, implementing, spreading, sustaining, complete or stopped');
const Topic = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(60)
  .describe('A topic, matched as it is (lower case): "falls", "sepsis"');

/** `:id` (a project) and `:nodeId` (a box of its driver diagram). */
export const NodeParams = z.object({ id: Id, nodeId: Id });
/** `:id` (a project) and `:cycleId`. */
export const CycleParams = z.object({ id: Id, cycleId: Id });
/** `:id` (a project) and `:userId` (a member of its team). */
export const TeamParams = z.object({ id: Id, userId: Id });
/** `:id` (a project) and `:seriesId`. */
export const ProjectSeriesParams = z.object({ id: Id, seriesId: Id });
/** `:id` (a project) and `:goalId`. */
export const ProjectGoalParams = z.object({ id: Id, goalId: Id });
/** `:id` (a project), `:fromId` and `:toId` (the boxes a line joins). */
export const LinkParams = z.object({ id: Id, fromId: Id, toId: Id });

const editable = {
  title: z.string().trim().min(1).max(300),
  problem: z.string().max(10_000).describe('The problem the project tackles, in words'),
  unitId: Id.nullable().describe('A unit of the organisation; null: the organisation as a whole'),
  aimWhat: z.string().max(2000).describe('The aim: what will improve'),
  aimHowMuch: z.string().max(2000).describe('The aim: by how much'),
  aimByWhen: IsoDate.nullable().describe('The aim: by when'),
  topics: z.array(Topic).max(20),
  visibility: z
    .enum(VISIBILITIES)
    .describe("private: the team and the organisation's QI leads; internal: its people; public: everyone"),
};

/** `POST /organisations/:ref/projects`. */
export const StartProjectBody = z.strictObject({
  ...editable,
  problem: editable.problem.optional(),
  unitId: editable.unitId.optional(),
  aimWhat: editable.aimWhat.optional(),
  aimHowMuch: editable.aimHowMuch.optional(),
  aimByWhen: editable.aimByWhen.optional(),
  topics: editable.topics.optional(),
  visibility: editable.visibility.optional().describe('Default internal'),
  stage: Stage.optional().describe('Default idea'),
});
export type StartProjectBody = z.infer<typeof StartProjectBody>;

/** `PATCH /projects/:id`: the fields to change. */
export const UpdateProjectBody = z
  .strictObject({
    ...editable,
    stage: Stage,
    lessons: z.string().max(20_000).describe('What the team learned (needed to publish)'),
  })
  .partial();
export type UpdateProjectBody = z.infer<typeof UpdateProjectBody>;

/** A person in a project's team (never their email). */
export const TeamMemberView = z
  .object({ userId: Id, displayName: z.string(), role: z.enum(PROJECT_ROLES) })
  .meta({ id: 'ProjectTeamMember' });
export type TeamMemberView = z.infer<typeof TeamMemberView>;

/** `POST /projects/:id/team`. */
export const AddTeamMemberBody = z.strictObject({
  userId: Id.describe('A member of the project’s organisation'),
  role: z.enum(PROJECT_ROLES),
});
/** `PATCH /projects/:id/team/:userId`. */
export const ChangeTeamRoleBody = z.strictObject({ role: z.enum(PROJECT_ROLES) });

/** `PUT /projects/:id/measures/:seriesId`. */
export const LinkMeasureBody = z.strictObject({
  kind: z.enum(PROJECT_MEASURE_KINDS).describe('outcome, process or balancing'),
  position: z.number().int().min(0).max(1000).optional().describe('Order among the measures; default last'),
});

/** `POST /projects/:id/measures`: a new measure made for the project (projects/new-measure.ts). */
export const CreateProjectMeasureBody = z.strictObject({
  name: z.string().trim().min(1).max(200).describe('What is measured: "Falls per week on Ward 7"'),
  description: z.string().max(2000).optional().describe('How it is counted'),
  unitLabel: z.string().trim().max(40).optional().describe('What the numbers count: "%", "falls", "minutes"'),
  dataType: z
    .enum(DATA_TYPES)
    .describe('proportion (x out of y), count (how many), value (a time, a score), rate, or events'),
  direction: z.enum(['increase', 'decrease', 'neutral']).describe('Which way is better'),
  frequency: z.enum(FREQUENCIES).describe('How often it is recorded'),
  domain: z.enum(DOMAINS).optional().describe('Default other'),
  kind: z.enum(PROJECT_MEASURE_KINDS).describe('outcome, process or balancing'),
});
export type CreateProjectMeasureBody = z.infer<typeof CreateProjectMeasureBody>;

/** An annotation on a project's chart: a stored one, or a PDSA cycle (derived on read). */
export const ChartAnnotationView = z
  .object({
    source: z.enum(['annotation', 'pdsa']),
    id: Id.describe('The annotation or the PDSA cycle'),
    index: z
      .number()
      .int()
      .nullable()
      .describe('The point the note is on; null: the date is outside the points so far'),
    period: IsoDate.describe('The period of the point (an annotation) or the date of the cycle'),
    text: z.string().describe('A cycle reads "PDSA n: title (decision)"'),
  })
  .meta({ id: 'ProjectChartAnnotation' });
export type ChartAnnotationView = z.infer<typeof ChartAnnotationView>;

/** A project measure's series: its analysis, with its annotations and the project's cycles. */
export const ProjectChartView = z
  .object({
    kind: z.enum(PROJECT_MEASURE_KINDS),
    position: z.number().int(),
    seriesId: Id,
    chart: SeriesAnalysisView.nullable().describe(
      'null: the engine could not analyse the data (see problem)',
    ),
    problem: z.string().nullable(),
    annotations: z.array(ChartAnnotationView).describe('In period order'),
  })
  .meta({ id: 'ProjectChart' });
export type ProjectChartView = z.infer<typeof ProjectChartView>;

/** `GET /projects/:id/charts`. */
export const ProjectChartList = z.object({ items: z.array(ProjectChartView) });

/** A box of a driver diagram. */
export const DriverNodeView = z
  .object({
    id: Id,
    kind: z.enum(DRIVER_KINDS),
    text: z.string(),
    position: z.number().int(),
    cycles: z.number().int().describe('PDSA cycles testing this change idea'),
  })
  .meta({ id: 'DriverNode' });
export type DriverNodeView = z.infer<typeof DriverNodeView>;

/** A project's driver diagram: the aim, then its columns left to right, and the lines. */
export const DriverDiagramView = z
  .object({
    aim: z.string().describe("The project's aim statement in one line"),
    columns: z.object({
      primary: z.array(DriverNodeView),
      secondary: z.array(DriverNodeView),
      change_idea: z.array(DriverNodeView),
    }),
    links: z
      .array(z.object({ fromId: Id, toId: Id }))
      .describe('primary → secondary, secondary → change idea'),
  })
  .meta({ id: 'DriverDiagram' });
export type DriverDiagramView = z.infer<typeof DriverDiagramView>;

/** `POST /projects/:id/driver-nodes`. */
export const AddDriverNodeBody = z.strictObject({
  kind: z.enum(DRIVER_KINDS),
  text: z.string().trim().min(1).max(500),
  position: z.number().int().min(0).optional().describe('Where in its column (0: first); default last'),
  linkFrom: Id.optional().describe('Draw a line to it from this box (a primary or a secondary driver)'),
});
export type AddDriverNodeBody = z.infer<typeof AddDriverNodeBody>;

/** `PATCH /projects/:id/driver-nodes/:nodeId`. */
export const EditDriverNodeBody = z.strictObject({ text: z.string().trim().min(1).max(500) });

/** `PUT /projects/:id/driver-order`: a column's boxes in their new order. */
export const ReorderBody = z.strictObject({
  kind: z.enum(DRIVER_KINDS),
  ids: z.array(Id).max(500).describe('Every box of the column, each once, in the new order'),
});

/** `POST /projects/:id/driver-links`. */
export const LinkBody = z.strictObject({ fromId: Id, toId: Id });

const cycleFields = {
  changeIdeaId: Id.describe('The change idea it tests'),
  title: z.string().trim().min(1).max(300),
  plan: z.string().max(10_000),
  prediction: z.string().max(10_000).describe('What the team predicts will happen'),
  plannedStart: IsoDate.nullable(),
  doNotes: z.string().max(10_000).describe('Do: what happened'),
  startedOn: IsoDate.nullable(),
  study: z.string().max(10_000).describe('Study: what the data showed, against the prediction'),
  act: z.string().max(10_000).describe('Act: what comes next'),
  decision: z.enum(PDSA_DECISIONS).nullable().describe('adopt, adapt or abandon (needs the study)'),
  endedOn: IsoDate.nullable().describe('On or after startedOn'),
};

/** `POST /projects/:id/change-ideas/:nodeId/cycles`. */
export const AddCycleBody = z
  .strictObject({ ...cycleFields })
  .omit({ changeIdeaId: true })
  .partial()
  .required({ title: true });
export type AddCycleBody = z.infer<typeof AddCycleBody>;

/** `PATCH /projects/:id/cycles/:cycleId`. */
export const UpdateCycleBody = z.strictObject(cycleFields).partial();
export type UpdateCycleBody = z.infer<typeof UpdateCycleBody>;

/** A PDSA cycle. */
export const CycleView = z
  .object({
    id: Id,
    number: z.number().int().describe('1, 2, … in time order within the project'),
    changeIdeaId: Id,
    changeIdea: z.string().describe('The change idea’s text'),
    title: z.string(),
    plan: z.string(),
    prediction: z.string(),
    plannedStart: IsoDate.nullable(),
    doNotes: z.string(),
    startedOn: IsoDate.nullable(),
    study: z.string(),
    act: z.string(),
    decision: z.enum(PDSA_DECISIONS).nullable(),
    endedOn: IsoDate.nullable(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: 'PdsaCycle' });
export type CycleView = z.infer<typeof CycleView>;

/** A project's cycles in time order. */
export const CycleList = z.object({ items: z.array(CycleView) });

/** A goal a project serves. */
export const ProjectGoalView = z.object({
  id: Id,
  title: z.string(),
  target: z.number(),
  deadline: IsoDate,
});

/** A project measure as its story lists it. */
export const ProjectMeasureView = z.object({
  seriesId: Id,
  kind: z.enum(PROJECT_MEASURE_KINDS),
  position: z.number().int(),
  measure: z.object({ id: Id, code: z.string(), name: z.string(), shared: z.boolean() }),
  unitId: Id.nullable(),
});

const OrganisationRef = z.object({ id: Id, odsCode: z.string(), name: z.string() });
const UnitRef = z.object({ id: Id, name: z.string() }).nullable();

/** A project's fields. */
const projectFields = {
  id: Id,
  organisation: OrganisationRef,
  unit: UnitRef,
  title: z.string(),
  problem: z.string(),
  stage: z.enum(PROJECT_STAGES),
  aim: z.object({ what: z.string(), howMuch: z.string(), byWhen: IsoDate.nullable() }),
  lessons: z.string(),
  topics: z.array(z.string()),
  visibility: z.enum(VISIBILITIES),
  publishedAt: Timestamp.nullable().describe('In the library since; null: not published'),
  copiedFromId: Id.nullable().describe('The library project it was started from'),
  createdAt: Timestamp,
  updatedAt: Timestamp,
};

/** A project with the story of its work: `GET /projects/:id`. */
export const ProjectView = z
  .object({
    ...projectFields,
    team: z
      .array(TeamMemberView)
      .describe('Leads first; for readers who see it only because it is published, its lead alone'),
    measures: z.array(ProjectMeasureView).describe('The measures the reader may read, in order'),
    charts: z.array(ProjectChartView).describe('Each measure’s analysis with the cycles marked'),
    diagram: DriverDiagramView,
    cycles: z.array(CycleView).describe('In time order'),
    goals: z.array(ProjectGoalView).describe('The goals it serves that the reader may read'),
  })
  .meta({ id: 'Project' });
export type ProjectView = z.infer<typeof ProjectView>;

/** A project in the portfolio. */
export const ProjectSummaryView = z
  .object({
    id: Id,
    title: z.string(),
    stage: z.enum(PROJECT_STAGES),
    unit: UnitRef,
    visibility: z.enum(VISIBILITIES),
    lead: z.object({ userId: Id, displayName: z.string() }).nullable(),
    cycles: z.number().int(),
    latestCycleOn: IsoDate.nullable().describe('The latest cycle’s start (or planned start)'),
    needsCoach: z
      .boolean()
      .describe(
        'Planning, testing or implementing with no PDSA cycle started or updated in the last 30 days',
      ),
    publishedAt: Timestamp.nullable(),
    updatedAt: Timestamp,
  })
  .meta({ id: 'ProjectSummary' });
export type ProjectSummaryView = z.infer<typeof ProjectSummaryView>;

/** `GET /organisations/:ref/projects`. */
export const PortfolioQuery = PageQuery.extend({
  stage: Stage.optional(),
  unit: Id.optional().describe('Projects of this unit'),
  goal: Id.optional().describe('Projects serving this goal'),
  stale: QueryBoolean.optional().describe('true: only the projects that need a coach (needsCoach)'),
});
export type PortfolioQuery = z.infer<typeof PortfolioQuery>;

/** A page of the portfolio, with counts by stage. */
export const PortfolioView = pageOf(ProjectSummaryView).extend({
  summary: z
    .object({
      total: z.number().int(),
      byStage: z.record(z.enum(PROJECT_STAGES), z.number().int()),
      needsCoach: z.number().int(),
    })
    .describe('Every project the reader may see that matches unit and goal (whatever the stage and page)'),
});

/** A project in the library shared by every organisation (its story, no one's email). */
export const LibraryProjectView = z
  .object({
    id: Id,
    organisation: z.object({ odsCode: z.string(), name: z.string() }),
    unit: z.string().nullable().describe('The unit’s name'),
    title: z.string(),
    problem: z.string(),
    stage: z.enum(PROJECT_STAGES),
    aim: z.object({ what: z.string(), howMuch: z.string(), byWhen: IsoDate.nullable() }),
    lessons: z.string(),
    topics: z.array(z.string()),
    lead: z.string().nullable().describe('The lead’s display name'),
    measures: z.array(
      z.object({
        kind: z.enum(PROJECT_MEASURE_KINDS),
        code: z.string(),
        name: z.string(),
        shared: z.boolean().describe('A shared definition: another organisation can record the same'),
      }),
    ),
    cycles: z.number().int(),
    publishedAt: Timestamp,
    rank: z.number().describe('How well it matches q (0 without q)'),
  })
  .meta({ id: 'LibraryProject' });
export type LibraryProjectView = z.infer<typeof LibraryProjectView>;

/** `GET /library/projects`. */
export const LibraryQuery = PageQuery.extend({
  q: z.string().max(500).optional().describe('Words to search for (web search syntax: "quoted", -not, or)'),
  topic: Topic.optional(),
  measure: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .describe("A shared measure's code, or the id of a measure a project uses"),
});
export type LibraryQuery = z.infer<typeof LibraryQuery>;

/** A page of the library. */
export const LibraryPage = pageOf(LibraryProjectView);

/** `POST /library/projects/:id/copy`. */
export const CopyProjectBody = z.strictObject({
  organisationRef: z.string().min(1).max(64).describe('Your organisation: its id or ODS code'),
  unitId: Id.nullable().optional().describe('A unit of that organisation'),
});
