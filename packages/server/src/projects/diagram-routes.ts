/**
 * @module projects/diagram-routes
 * A project's driver diagram: as columns with links (`GET /projects/:id/driver-diagram`), as an
 * SVG file (`GET /projects/:id/driver-diagram.svg`), and changing it: boxes
 * (`/projects/:id/driver-nodes`), a column's order (`PUT /projects/:id/driver-order`) and lines
 * (`/projects/:id/driver-links`).
 */
import { driverDiagramFileName, renderDriverDiagram } from '@groundswell/charts';
import { z } from 'zod';
import { attachment } from '../exports/filename.js';
import type { Principal } from '../auth/principal.js';
import { ERROR_RESPONSES } from '../http/errors.js';
import { IdParams } from '../http/schemas.js';
import type { Api, RouteDeps } from '../http/types.js';
import { getOrganisation } from '../organisations/repository.js';
import {
  addNode,
  diagramOf,
  editNode,
  linkNodes,
  readableDiagram,
  removeNode,
  reorderColumn,
  unlinkNodes,
} from './driver-diagram.js';
import type { Diagram } from './driver-diagram.js';
import { presentDiagram, presentNode } from './presenter.js';
import {
  AddDriverNodeBody,
  DriverDiagramView,
  DriverNodeView,
  EditDriverNodeBody,
  LinkBody,
  LinkParams,
  NodeParams,
  ReorderBody,
} from './schemas.js';
import { requireReadableProject } from './access.js';

const tags = ['projects'];

/** The diagram as the SVG renderer takes it. */
export function diagramData(diagram: Diagram): Parameters<typeof renderDriverDiagram>[0] {
  const box = (node: { id: string; text: string }): { id: string; text: string } => ({
    id: node.id,
    text: node.text,
  });
  return {
    aim: diagram.aim,
    primary: diagram.columns.primary.map(box),
    secondary: diagram.columns.secondary.map(box),
    changeIdeas: diagram.columns.change_idea.map(box),
    links: diagram.links,
  };
}

/** Adds the driver diagram routes. */
export function driverDiagramRoutes(api: Api, { db }: RouteDeps): void {
  const current = async (principal: Principal, id: string): Promise<DriverDiagramView> =>
    presentDiagram(await diagramOf(db, await requireReadableProject(db, principal, id)));

  api.get(
    '/projects/:id/driver-diagram',
    {
      schema: {
        tags,
        summary:
          "A project's driver diagram: the aim, its columns (primary, secondary, change ideas) in order, and the lines",
        params: IdParams,
        response: { 200: DriverDiagramView, ...ERROR_RESPONSES },
      },
    },
    async (request) =>
      presentDiagram((await readableDiagram(db, request.principal, request.params.id)).diagram),
  );

  api.get(
    '/projects/:id/driver-diagram.svg',
    {
      schema: {
        tags,
        summary: "A project's driver diagram as an accessible SVG file to download",
        params: IdParams,
        produces: ['image/svg+xml'],
        response: { 200: z.string().describe('image/svg+xml'), ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const { project, diagram } = await readableDiagram(db, request.principal, request.params.id);
      const organisation = await getOrganisation(db, project.organisationId);
      const svg = renderDriverDiagram(diagramData(diagram), {
        title: `Driver diagram: ${project.title}`,
        idPrefix: `driver-${project.id}`,
      });
      const fileName = driverDiagramFileName({ odsCode: organisation?.odsCode ?? '', title: project.title });
      return reply
        .type('image/svg+xml; charset=utf-8')
        .header('content-disposition', attachment(fileName))
        .send(svg);
    },
  );

  api.post(
    '/projects/:id/driver-nodes',
    {
      schema: {
        tags,
        summary: 'Add a box (primary driver, secondary driver or change idea), optionally with a line to it',
        params: IdParams,
        body: AddDriverNodeBody,
        response: { 201: DriverNodeView, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const node = await addNode(db, request.principal, request.params.id, request.body);
      return reply.code(201).send(presentNode(node));
    },
  );

  api.patch(
    '/projects/:id/driver-nodes/:nodeId',
    {
      schema: {
        tags,
        summary: "Change a box's text",
        params: NodeParams,
        body: EditDriverNodeBody,
        response: { 200: DriverNodeView, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const { id, nodeId } = request.params;
      return presentNode(await editNode(db, request.principal, id, nodeId, request.body.text));
    },
  );

  api.delete(
    '/projects/:id/driver-nodes/:nodeId',
    {
      schema: {
        tags,
        summary: 'Remove a box and its lines (a change idea with PDSA cycles is refused: 409)',
        params: NodeParams,
        response: { 200: DriverDiagramView, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const { id, nodeId } = request.params;
      await removeNode(db, request.principal, id, nodeId);
      return current(request.principal, id);
    },
  );

  api.put(
    '/projects/:id/driver-order',
    {
      schema: {
        tags,
        summary: "Put a column's boxes in a new order (every box of the column, each once)",
        params: IdParams,
        body: ReorderBody,
        response: { 200: DriverDiagramView, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      await reorderColumn(db, request.principal, request.params.id, request.body.kind, request.body.ids);
      return current(request.principal, request.params.id);
    },
  );

  api.post(
    '/projects/:id/driver-links',
    {
      schema: {
        tags,
        summary:
          'Draw a line from a primary to a secondary driver, or from a secondary driver to a change idea',
        params: IdParams,
        body: LinkBody,
        response: { 200: DriverDiagramView, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      await linkNodes(db, request.principal, request.params.id, request.body.fromId, request.body.toId);
      return current(request.principal, request.params.id);
    },
  );

  api.delete(
    '/projects/:id/driver-links/:fromId/:toId',
    {
      schema: {
        tags,
        summary: 'Remove the line between two boxes',
        params: LinkParams,
        response: { 200: DriverDiagramView, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const { id, fromId, toId } = request.params;
      await unlinkNodes(db, request.principal, id, fromId, toId);
      return current(request.principal, id);
    },
  );
}
