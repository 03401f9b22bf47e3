/**
 * @module projects/routes
 * QI projects: start one in an organisation (`POST /organisations/:ref/projects`), the portfolio
 * (`GET /organisations/:ref/projects`), a project's story (`GET /projects/:id`), changing it
 * (`PATCH`), its team, measures, goals and charts.
 */
import { z } from 'zod';
import { definedOnly } from '../http/defined.js';
import { ERROR_RESPONSES } from '../http/errors.js';
import { IdParams } from '../http/schemas.js';
import type { Api, RouteDeps } from '../http/types.js';
import { OrganisationRefParams } from '../organisations/schemas.js';
import { requireReadableProject } from './access.js';
import { projectCharts } from './charts.js';
import { linkGoal, unlinkGoal } from './goals.js';
import { linkMeasure, unlinkMeasure } from './measures.js';
import { createProjectMeasure } from './new-measure.js';
import type { ProjectMeasureRow } from './repository.js';
import { listCycles } from './pdsa.js';
import { portfolio } from './portfolio.js';
import { presentChart, presentProject } from './presenter.js';
import {
  AddTeamMemberBody,
  ChangeTeamRoleBody,
  CreateProjectMeasureBody,
  LinkMeasureBody,
  PortfolioQuery,
  PortfolioView,
  ProjectChartList,
  ProjectGoalParams,
  ProjectGoalView,
  ProjectMeasureView,
  ProjectSeriesParams,
  ProjectView,
  StartProjectBody,
  TeamMemberView,
  TeamParams,
  UpdateProjectBody,
} from './schemas.js';
import { changeProject, readProjectStory, startProject, storyOf } from './service.js';
import { addTeamMember, changeTeamRole, removeTeamMember } from './team.js';

const tags = ['projects'];

const TeamList = z.object({ items: z.array(TeamMemberView) });
const ProjectMeasureList = z.object({ items: z.array(ProjectMeasureView) });
const ProjectGoalList = z.object({ items: z.array(ProjectGoalView) });
const CreatedProjectMeasure = ProjectMeasureList.extend({
  seriesId: z.string().describe('The new series'),
  measureId: z.string().describe('The new measure'),
});

function presentProjectMeasure(m: ProjectMeasureRow): z.infer<typeof ProjectMeasureView> {
  return {
    seriesId: m.seriesId,
    kind: m.kind,
    position: m.position,
    measure: { id: m.measureId, code: m.code, name: m.name, shared: m.ownerOrganisationId === null },
    unitId: m.unitId,
  };
}

/** Adds the project routes. */
export function projectRoutes(api: Api, { db, now }: RouteDeps): void {
  api.post(
    '/organisations/:ref/projects',
    {
      schema: {
        tags,
        summary: 'Start a QI project (anyone in the organisation may; the starter leads it)',
        params: OrganisationRefParams,
        body: StartProjectBody,
        response: { 201: ProjectView, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const project = await startProject(
        db,
        request.principal,
        request.params.ref,
        definedOnly(request.body) as StartProjectBody,
      );
      return reply.code(201).send(presentProject(await storyOf(db, request.principal, project)));
    },
  );

  api.get(
    '/organisations/:ref/projects',
    {
      schema: {
        tags,
        summary:
          'The portfolio: every project one may see, by stage, unit and goal, with counts by stage and the projects that need a coach (no PDSA cycle started or changed in 30 days)',
        params: OrganisationRefParams,
        querystring: PortfolioQuery,
        response: { 200: PortfolioView, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const result = await portfolio(db, request.principal, request.params.ref, request.query, now());
      return {
        items: result.items.map((item) => ({
          ...item,
          publishedAt: item.publishedAt?.toISOString() ?? null,
          updatedAt: item.updatedAt.toISOString(),
        })),
        nextCursor: result.nextCursor,
        summary: result.summary,
      };
    },
  );

  api.get(
    '/projects/:id',
    {
      schema: {
        tags,
        summary:
          'A project and its story: aim, team, measures with their charts (cycles marked), driver diagram, PDSA cycles in time order, lessons and goals',
        params: IdParams,
        response: { 200: ProjectView, ...ERROR_RESPONSES },
      },
    },
    async (request) => presentProject(await readProjectStory(db, request.principal, request.params.id)),
  );

  api.patch(
    '/projects/:id',
    {
      schema: {
        tags,
        summary:
          "Change a project (its lead, sponsor or coach, or the organisation's QI leads): stage changes are audited",
        params: IdParams,
        body: UpdateProjectBody,
        response: { 200: ProjectView, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const project = await changeProject(
        db,
        request.principal,
        request.params.id,
        definedOnly(request.body),
      );
      return presentProject(await storyOf(db, request.principal, project));
    },
  );

  api.get(
    '/projects/:id/charts',
    {
      schema: {
        tags,
        summary:
          "The project's charts: each measure's SPC analysis with its annotations and the project's PDSA cycles marked (derived on read)",
        params: IdParams,
        response: { 200: ProjectChartList, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const project = await requireReadableProject(db, request.principal, request.params.id);
      const charts = await projectCharts(db, request.principal, project, await listCycles(db, project.id));
      return { items: charts.map(presentChart) };
    },
  );

  api.post(
    '/projects/:id/team',
    {
      schema: {
        tags,
        summary: 'Add a member of the organisation to the team',
        params: IdParams,
        body: AddTeamMemberBody,
        response: { 201: TeamList, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const team = await addTeamMember(db, request.principal, request.params.id, request.body);
      return reply.code(201).send({ items: team.map((m) => ({ ...m })) });
    },
  );

  api.patch(
    '/projects/:id/team/:userId',
    {
      schema: {
        tags,
        summary: "Change a team member's part (a project keeps a lead)",
        params: TeamParams,
        body: ChangeTeamRoleBody,
        response: { 200: TeamList, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const { id, userId } = request.params;
      const team = await changeTeamRole(db, request.principal, id, userId, request.body.role);
      return { items: team.map((m) => ({ ...m })) };
    },
  );

  api.delete(
    '/projects/:id/team/:userId',
    {
      schema: {
        tags,
        summary: 'Remove someone from the team (not its last lead)',
        params: TeamParams,
        response: { 200: TeamList, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const { id, userId } = request.params;
      const team = await removeTeamMember(db, request.principal, id, userId);
      return { items: team.map((m) => ({ ...m })) };
    },
  );

  api.put(
    '/projects/:id/measures/:seriesId',
    {
      schema: {
        tags,
        summary:
          'Link a series of the organisation as an outcome, process or balancing measure (or change its kind)',
        params: ProjectSeriesParams,
        body: LinkMeasureBody,
        response: { 200: ProjectMeasureList, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const { id, seriesId } = request.params;
      const rows = await linkMeasure(db, request.principal, id, seriesId, request.body);
      return { items: rows.map(presentProjectMeasure) };
    },
  );

  api.post(
    '/projects/:id/measures',
    {
      schema: {
        tags,
        summary:
          "Create a measure for the project (its lead, sponsor or coach, or a QI lead): a new internal measure of the organisation, its series in the project's unit, linked as outcome, process or balancing",
        params: IdParams,
        body: CreateProjectMeasureBody,
        response: { 201: CreatedProjectMeasure, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const made = await createProjectMeasure(
        db,
        request.principal,
        request.params.id,
        definedOnly(request.body) as CreateProjectMeasureBody,
      );
      return reply.code(201).send({
        seriesId: made.seriesId,
        measureId: made.measureId,
        items: made.measures.map(presentProjectMeasure),
      });
    },
  );

  api.delete(
    '/projects/:id/measures/:seriesId',
    {
      schema: {
        tags,
        summary: 'Unlink a measure from the project',
        params: ProjectSeriesParams,
        response: { 204: z.null().describe('Unlinked'), ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      await unlinkMeasure(db, request.principal, request.params.id, request.params.seriesId);
      return reply.code(204).send(null);
    },
  );

  api.put(
    '/projects/:id/goals/:goalId',
    {
      schema: {
        tags,
        summary: 'Link a goal of the organisation the project serves',
        params: ProjectGoalParams,
        response: { 200: ProjectGoalList, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const goals = await linkGoal(db, request.principal, request.params.id, request.params.goalId);
      return { items: goals.map((g) => ({ ...g })) };
    },
  );

  api.delete(
    '/projects/:id/goals/:goalId',
    {
      schema: {
        tags,
        summary: 'Unlink a goal',
        params: ProjectGoalParams,
        response: { 204: z.null().describe('Unlinked'), ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      await unlinkGoal(db, request.principal, request.params.id, request.params.goalId);
      return reply.code(204).send(null);
    },
  );
}
