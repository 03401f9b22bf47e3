/**
 * @module imports/routes
 * File imports: upload (`POST /organisations/:ref/imports`, or `POST /imports` for a national
 * file), then preview with a mapping, then commit; each preview and commit runs as a job whose
 * status and progress `GET /imports/:id` reports. Also an organisation's imports, newest first,
 * and discarding an upload. Each needs `data.import` in the import's organisation (a national
 * import: a platform administrator; see access.ts); uploads, commits and discards are audited.
 */
import type { Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import type { Principal } from '../auth/principal.js';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DataError } from '../errors.js';
import { ApiError, ERROR_RESPONSES } from '../http/errors.js';
import { IdParams } from '../http/schemas.js';
import type { Api, RouteDeps } from '../http/types.js';
import { OrganisationRefParams } from '../organisations/schemas.js';
import { findOrganisation } from '../organisations/service.js';
import { accessibleImport, creatorOf, requireImportRights } from './access.js';
import { auditDiscard, auditUploads } from './audit.js';
import { ImportJobs } from './jobs.js';
import { presentImportWithProgress } from './presenter.js';
import { discardImport, getImport, listImports } from './repository.js';
import type { Import } from './repository.js';
import { beginRun } from './run.js';
import {
  CommitBody,
  ImportList,
  ImportView,
  ListImportsQuery,
  PreviewBody,
  UploadQuery,
  UploadView,
  WaitQuery,
} from './schemas.js';
import { uploadFile } from './upload.js';

const tags = ['imports'];

/** Content types an upload may have; any other is read by its file name's extension. */
const FILE_TYPES = [
  'text/csv',
  'text/plain',
  'text/tab-separated-values',
  'application/csv',
  'application/octet-stream',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];

const UPLOAD_DESCRIPTION =
  'Send the file itself as the request body (Content-Type text/csv, or the .xlsx type, or ' +
  'application/octet-stream) with its name in `fileName`. The file is read as it arrives; one that ' +
  'holds a valid NHS number or a column named like a patient identifier is refused (400, ' +
  '`reason: patient_identifier`) and nothing of it is kept.';

/** Adds the import routes. */
export function importRoutes(api: Api, { db, store, maxUploadBytes }: RouteDeps): void {
  const jobs = new ImportJobs(store, api.log);
  api.addHook('onClose', () => jobs.idle());
  const view = (row: Import): ImportView => presentImportWithProgress(row, jobs.progress(row.id));

  const upload = async (
    organisationId: string | null,
    request: FastifyRequest,
    query: z.infer<typeof UploadQuery>,
  ): Promise<z.infer<typeof UploadView>> => {
    const { principal } = request;
    try {
      requireImportRights(principal, organisationId, true);
    } catch (error) {
      // Read (and drop) the file, so that the client, still sending it, gets the answer.
      (request.body as Partial<Readable> | undefined)?.resume?.();
      throw error;
    }
    if (typeof (request.body as Readable | undefined)?.pipe !== 'function') {
      throw new ApiError('bad_request', 'send the file as the request body', { field: 'body' });
    }
    try {
      const uploaded = await uploadFile(auditUploads(store, principal), {
        organisationId,
        createdBy: creatorOf(principal),
        fileName: query.fileName,
        contentType: request.headers['content-type'],
        body: request.body as Readable,
        sheet: query.sheet,
        maxBytes: maxUploadBytes,
      });
      return { ...uploaded, import: view(uploaded.import) };
    } catch (error) {
      if (error instanceof DataError && error.reason === 'file_too_large') {
        throw new ApiError('payload_too_large', error.message, { field: 'body', reason: error.reason });
      }
      throw error;
    }
  };

  // Uploads take the raw file, so they get their own content-type parsers.
  void api.register((plain, _options, done) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    scope.addContentTypeParser(FILE_TYPES, (_request, payload, parsed) => {
      parsed(null, payload);
    });
    scope.addContentTypeParser('*', (_request, payload, parsed) => {
      parsed(null, payload);
    });
    scope.post(
      '/organisations/:ref/imports',
      {
        schema: {
          tags,
          summary: "Upload a CSV or Excel file of an organisation's data",
          description: UPLOAD_DESCRIPTION,
          params: OrganisationRefParams,
          querystring: UploadQuery,
          response: { 201: UploadView, ...ERROR_RESPONSES },
        },
      },
      async (request, reply) => {
        const organisation = await findOrganisation(db, request.params.ref);
        return reply.status(201).send(await upload(organisation.id, request, request.query));
      },
    );
    scope.post(
      '/imports',
      {
        schema: {
          tags,
          summary: 'Upload a national file: rows of many organisations, by ODS code',
          description: UPLOAD_DESCRIPTION,
          querystring: UploadQuery,
          response: { 201: UploadView, ...ERROR_RESPONSES },
        },
      },
      async (request, reply) => reply.status(201).send(await upload(null, request, request.query)),
    );
    done();
  });

  type Run = (
    principal: Principal,
    id: string,
    mapping: z.infer<typeof PreviewBody>['mapping'] | undefined,
    wait: boolean | undefined,
  ) => Promise<{ status: 200 | 202; body: ImportView }>;
  const runRoute =
    (kind: 'preview' | 'commit'): Run =>
    async (principal, id, mapping, wait) => {
      accessibleImport(principal, await getImport(db, id), true);
      const started = await beginRun(db, id, mapping, kind === 'preview' ? 'previewing' : 'running');
      const done = jobs.start(started, principal);
      if (wait !== true) return { status: 202, body: view(started) };
      await done;
      const finished = await getImport(db, id);
      return { status: 200, body: view(finished!) };
    };
  const preview = runRoute('preview');
  const commit = runRoute('commit');

  api.post(
    '/imports/:id/preview',
    {
      schema: {
        tags,
        summary: 'Check every row of an uploaded file with a mapping, and say what a commit would do',
        description:
          'Starts a preview (202; follow it with GET /imports/:id, or pass wait=true to answer when it ' +
          'ends). It reads every row, lists every problem by row and column, and counts what a commit ' +
          'would add, change and leave alone, writing nothing.',
        params: IdParams,
        querystring: WaitQuery,
        body: PreviewBody,
        response: { 200: ImportView, 202: ImportView, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const result = await preview(
        request.principal,
        request.params.id,
        request.body.mapping,
        request.query.wait,
      );
      return reply.status(result.status).send(result.body);
    },
  );

  api.post(
    '/imports/:id/commit',
    {
      schema: {
        tags,
        summary: 'Write an uploaded file: all of it or, at any problem, nothing',
        description:
          'Starts the commit (202; follow it with GET /imports/:id, or pass wait=true). It checks every ' +
          'row again and writes them in one transaction; importing the same file again changes nothing. ' +
          'The import ends succeeded with what it added, changed and left alone, or failed with its ' +
          'problems and nothing written.',
        params: IdParams,
        querystring: WaitQuery,
        body: CommitBody,
        response: { 200: ImportView, 202: ImportView, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const result = await commit(
        request.principal,
        request.params.id,
        request.body?.mapping,
        request.query.wait,
      );
      return reply.status(result.status).send(result.body);
    },
  );

  api.get(
    '/imports/:id',
    {
      schema: {
        tags,
        summary: "An import's status, progress, problems and what it added, changed and left alone",
        params: IdParams,
        response: { 200: ImportView, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const running = jobs.runningImport(request.params.id);
      if (running !== undefined) {
        accessibleImport(request.principal, running.row, false);
        return presentImportWithProgress(running.row, running.progress);
      }
      return view(accessibleImport(request.principal, await getImport(db, request.params.id), false));
    },
  );

  api.delete(
    '/imports/:id',
    {
      schema: {
        tags,
        summary: 'Discard an upload that has not been committed, with its stored file',
        params: IdParams,
        response: { 204: z.null(), ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const { principal } = request;
      await db.transaction(async (tx) => {
        const row = accessibleImport(principal, await getImport(tx, request.params.id), true);
        await discardImport(tx, row.id);
        await auditDiscard(tx, principal, row);
      });
      return reply.status(204).send(null);
    },
  );

  api.get(
    '/organisations/:ref/imports',
    {
      schema: {
        tags,
        summary: "An organisation's imports, newest first",
        params: OrganisationRefParams,
        querystring: ListImportsQuery,
        response: { 200: ImportList, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const organisation = await findOrganisation(db, request.params.ref);
      requireImportRights(request.principal, organisation.id, false);
      const rows = await listImports(db, organisation.id, request.query.limit);
      return { items: rows.map(view) };
    },
  );
}
