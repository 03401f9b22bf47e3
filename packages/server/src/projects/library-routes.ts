/**
 * @module projects/library-routes
 * The library shared by every organisation: publishing a finished project and taking it out
 * (`POST /projects/:id/publish`, `/unpublish`), searching it (`GET /library/projects`, open to
 * everyone) and copying a project's structure to start from (`POST /library/projects/:id/copy`).
 */
import { ERROR_RESPONSES } from '../http/errors.js';
import { IdParams } from '../http/schemas.js';
import type { Api, RouteDeps } from '../http/types.js';
import { copyProject, publishProject, searchLibrary, unpublishProject } from './library.js';
import type { LibraryItem } from './library.js';
import { presentProject } from './presenter.js';
import { CopyProjectBody, LibraryPage, LibraryQuery, ProjectView } from './schemas.js';
import type { LibraryProjectView } from './schemas.js';
import { storyOf } from './service.js';

const tags = ['library'];

function presentLibraryProject(item: LibraryItem): LibraryProjectView {
  const { project } = item;
  return {
    id: project.id,
    organisation: { ...item.organisation },
    unit: item.unit,
    title: project.title,
    problem: project.problem,
    stage: project.stage,
    aim: { what: project.aimWhat, howMuch: project.aimHowMuch, byWhen: project.aimByWhen },
    lessons: project.lessons,
    topics: [...project.topics],
    lead: item.lead,
    measures: item.measures.map((m) => ({ ...m })),
    cycles: item.cycles,
    publishedAt: project.publishedAt!.toISOString(),
    rank: item.rank,
  };
}

/** Adds the library routes. */
export function libraryRoutes(api: Api, { db }: RouteDeps): void {
  api.post(
    '/projects/:id/publish',
    {
      schema: {
        tags,
        summary:
          'Publish a finished project (sustaining, complete or stopped) with its lessons to the library every organisation can search',
        params: IdParams,
        response: { 200: ProjectView, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const project = await publishProject(db, request.principal, request.params.id);
      return presentProject(await storyOf(db, request.principal, project));
    },
  );

  api.post(
    '/projects/:id/unpublish',
    {
      schema: {
        tags,
        summary: 'Take a project out of the library',
        params: IdParams,
        response: { 200: ProjectView, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const project = await unpublishProject(db, request.principal, request.params.id);
      return presentProject(await storyOf(db, request.principal, project));
    },
  );

  api.get(
    '/library/projects',
    {
      schema: {
        tags,
        summary:
          "Published projects of every organisation: full-text search (best match first), by topic and by measure (a shared measure's code or a measure's id)",
        querystring: LibraryQuery,
        response: { 200: LibraryPage, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const page = await searchLibrary(db, request.principal, request.query);
      return { items: page.items.map(presentLibraryProject), nextCursor: page.nextCursor };
    },
  );

  api.post(
    '/library/projects/:id/copy',
    {
      schema: {
        tags,
        summary:
          'Start a project in your organisation from a library project: its aim, driver diagram and the shared measures your organisation records (stage planning, you lead it)',
        params: IdParams,
        body: CopyProjectBody,
        response: { 201: ProjectView, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const project = await copyProject(db, request.principal, request.params.id, request.body);
      return reply.code(201).send(presentProject(await storyOf(db, request.principal, project)));
    },
  );
}
