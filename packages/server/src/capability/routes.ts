/**
 * @module capability/routes
 * The QI curriculum (`/organisations/:ref/curriculum`, `/curriculum-levels/:id`, `/courses/:id`),
 * completion records (`/organisations/:ref/completions`: list, record, declare, import a CSV;
 * `/courses/:id/completions/:userId`: confirm, reject or remove), the people coaches record for
 * and their units (`/organisations/:ref/capability/people`, one by one or from a CSV file), and
 * capability by unit (and for the organisation as a whole)
 * (`/organisations/:ref/capability`). Validate → service → present.
 */
import { z } from 'zod';
import { ApiError, ERROR_RESPONSES } from '../http/errors.js';
import { IdParams } from '../http/schemas.js';
import type { Api, RouteDeps } from '../http/types.js';
import { capabilityByUnit, listCapabilityPeople, setStaffUnit } from './by-unit.js';
import {
  confirmCompletion,
  declareCompletion,
  listCompletions,
  recordCompletion,
  removeCompletion,
} from './completions.js';
import type { CsvProblem } from './csv-table.js';
import { importCompletions } from './csv-import.js';
import {
  createCourse,
  createLevel,
  deleteCourse,
  deleteLevel,
  getCurriculum,
  updateCourse,
  updateLevel,
} from './curriculum.js';
import { presentCompletion, presentLevel, presentPerson } from './presenter.js';
import { readCurriculum } from './repository.js';
import {
  CapabilityOrganisationParams,
  CapabilityView,
  CompletionList,
  CompletionParams,
  CompletionsQuery,
  CourseBody,
  CoursePatch,
  CourseView,
  CurriculumView,
  DeclareBody,
  ImportBody,
  ImportResult,
  LevelBody,
  LevelPatch,
  LevelView,
  PeopleList,
  PersonView,
  RecordBody,
  StaffImportBody,
  StaffImportResult,
  StaffUnitBody,
  StaffUnitParams,
} from './schemas.js';
import { importStaffUnits } from './staff-import.js';

const tags = ['capability'];

/** A file's problems as a 400, each issue's field `row 4, unit` (the header is row 1). */
function badRows(problems: readonly CsvProblem[], outcome: string): ApiError {
  return new ApiError(
    'invalid_input',
    `${problems.length} ${problems.length === 1 ? 'problem' : 'problems'} in the file: ${outcome}.`,
    {
      field: 'csv',
      reason: 'bad_rows',
      issues: problems.map((p) => ({
        field: p.column === '' ? `row ${p.row}` : `row ${p.row}, ${p.column}`,
        message: p.message,
      })),
    },
  );
}

/** Adds the capability routes. */
export function capabilityRoutes(api: Api, { db }: RouteDeps): void {
  const levelView = async (organisationId: string, levelId: string): Promise<LevelView> =>
    presentLevel((await readCurriculum(db, organisationId)).find((l) => l.id === levelId)!);

  api.get(
    '/organisations/:ref/curriculum',
    {
      schema: {
        tags,
        summary: 'The organisation’s QI curriculum: levels in rank order with their courses (its people)',
        params: CapabilityOrganisationParams,
        response: { 200: CurriculumView, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const curriculum = await getCurriculum(db, request.principal, request.params.ref);
      return { organisationId: curriculum.organisationId, levels: curriculum.levels.map(presentLevel) };
    },
  );

  api.post(
    '/organisations/:ref/curriculum/levels',
    {
      schema: {
        tags,
        summary: 'Add a level to the curriculum (capability.manage)',
        params: CapabilityOrganisationParams,
        body: LevelBody,
        response: { 201: LevelView, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const level = await createLevel(db, request.principal, request.params.ref, request.body);
      return reply.code(201).send(await levelView(level.organisationId, level.id));
    },
  );

  api.patch(
    '/curriculum-levels/:id',
    {
      schema: {
        tags,
        summary: 'Change a level’s name, rank or description (capability.manage)',
        params: IdParams,
        body: LevelPatch,
        response: { 200: LevelView, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const level = await updateLevel(db, request.principal, request.params.id, request.body);
      return levelView(level.organisationId, level.id);
    },
  );

  api.delete(
    '/curriculum-levels/:id',
    {
      schema: {
        tags,
        summary: 'Remove a level and its courses, unless someone has completed one (capability.manage)',
        params: IdParams,
        response: { 204: z.null(), ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      await deleteLevel(db, request.principal, request.params.id);
      return reply.code(204).send(null);
    },
  );

  api.post(
    '/curriculum-levels/:id/courses',
    {
      schema: {
        tags,
        summary: 'Add a course to a level (capability.manage)',
        params: IdParams,
        body: CourseBody,
        response: { 201: CourseView, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const c = await createCourse(db, request.principal, request.params.id, request.body);
      return reply
        .code(201)
        .send({ id: c.id, levelId: c.levelId, code: c.code, title: c.title, required: c.required });
    },
  );

  api.patch(
    '/courses/:id',
    {
      schema: {
        tags,
        summary: 'Change a course: code, title, required, level (capability.manage)',
        params: IdParams,
        body: CoursePatch,
        response: { 200: CourseView, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const c = await updateCourse(db, request.principal, request.params.id, request.body);
      return { id: c.id, levelId: c.levelId, code: c.code, title: c.title, required: c.required };
    },
  );

  api.delete(
    '/courses/:id',
    {
      schema: {
        tags,
        summary: 'Remove a course, unless someone has completed it (capability.manage)',
        params: IdParams,
        response: { 204: z.null(), ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      await deleteCourse(db, request.principal, request.params.id);
      return reply.code(204).send(null);
    },
  );

  api.get(
    '/organisations/:ref/completions',
    {
      schema: {
        tags,
        summary: 'Training records: your own, or (coaches) everyone’s in the organisation',
        params: CapabilityOrganisationParams,
        querystring: CompletionsQuery,
        response: { 200: CompletionList, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const list = await listCompletions(db, request.principal, request.params.ref, request.query);
      return { coach: list.coach, items: list.items.map(presentCompletion) };
    },
  );

  api.post(
    '/organisations/:ref/completions',
    {
      schema: {
        tags,
        summary: 'Record that a member completed a course (coaches, QI leads, administrators)',
        params: CapabilityOrganisationParams,
        body: RecordBody,
        response: { 204: z.null(), ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      await recordCompletion(db, request.principal, request.params.ref, request.body);
      return reply.code(204).send(null);
    },
  );

  api.post(
    '/organisations/:ref/completions/declare',
    {
      schema: {
        tags,
        summary: 'Declare a course you completed; it counts once a coach confirms it (capability.declare)',
        params: CapabilityOrganisationParams,
        body: DeclareBody,
        response: { 204: z.null(), ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      await declareCompletion(db, request.principal, request.params.ref, request.body);
      return reply.code(204).send(null);
    },
  );

  api.post(
    '/organisations/:ref/completions/import',
    {
      bodyLimit: 4 * 1024 * 1024,
      schema: {
        tags,
        summary:
          'Import completed courses from CSV (email, course, completed on): every bad row reported, nothing written if any is bad (coaches)',
        params: CapabilityOrganisationParams,
        body: ImportBody,
        response: { 200: ImportResult, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const result = await importCompletions(db, request.principal, request.params.ref, request.body.csv);
      if (!result.ok) throw badRows(result.problems, 'nothing was imported');
      return { imported: result.imported };
    },
  );

  api.post(
    '/courses/:id/completions/:userId/confirm',
    {
      schema: {
        tags,
        summary: 'Confirm a member’s declared completion of a course (coaches; not one’s own)',
        params: CompletionParams,
        response: { 204: z.null(), ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      await confirmCompletion(db, request.principal, request.params.id, request.params.userId);
      return reply.code(204).send(null);
    },
  );

  api.delete(
    '/courses/:id/completions/:userId',
    {
      schema: {
        tags,
        summary: 'Reject or remove a completion (coaches), or withdraw your own declaration while it waits',
        params: CompletionParams,
        response: { 204: z.null(), ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      await removeCompletion(db, request.principal, request.params.id, request.params.userId);
      return reply.code(204).send(null);
    },
  );

  api.get(
    '/organisations/:ref/capability/people',
    {
      schema: {
        tags,
        summary: 'The organisation’s active members with the unit each works in (coaches)',
        params: CapabilityOrganisationParams,
        response: { 200: PeopleList, ...ERROR_RESPONSES },
      },
    },
    async (request) => ({
      items: (await listCapabilityPeople(db, request.principal, request.params.ref)).map(presentPerson),
    }),
  );

  api.put(
    '/organisations/:ref/capability/people/:userId',
    {
      schema: {
        tags,
        summary: 'Set the unit a member works in, for capability by unit (capability.manage)',
        params: StaffUnitParams,
        body: StaffUnitBody,
        response: { 200: PersonView, ...ERROR_RESPONSES },
      },
    },
    async (request) =>
      presentPerson(
        await setStaffUnit(db, request.principal, request.params.ref, request.params.userId, request.body),
      ),
  );

  api.post(
    '/organisations/:ref/capability/people/import',
    {
      bodyLimit: 4 * 1024 * 1024,
      schema: {
        tags,
        summary:
          'Set people’s units from CSV (email, unit, since optional): every bad row reported, nothing written if any is bad; dryRun only checks (capability.manage)',
        params: CapabilityOrganisationParams,
        body: StaffImportBody,
        response: { 200: StaffImportResult, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const result = await importStaffUnits(db, request.principal, request.params.ref, request.body);
      if (!result.ok) {
        throw badRows(
          result.problems,
          request.body.dryRun === true ? 'nothing would be changed' : 'nothing was changed',
        );
      }
      return {
        dryRun: result.dryRun,
        rows: result.rows,
        assigned: result.assigned,
        moved: result.moved,
        unchanged: result.unchanged,
        cleared: result.cleared,
      };
    },
  );

  api.get(
    '/organisations/:ref/capability',
    {
      schema: {
        tags,
        summary:
          'Capability by unit this month: for each level, staff trained at it or above as a share of staff, with the series of its SPC chart',
        params: CapabilityOrganisationParams,
        response: { 200: CapabilityView, ...ERROR_RESPONSES },
      },
    },
    async (request) => capabilityByUnit(db, request.principal, request.params.ref),
  );
}
