/**
 * @module http/health
 * `GET /healthz` (the process is alive) and `GET /readyz` (the database answers `select 1`).
 */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Api, RouteDeps } from './types.js';

const Status = z.object({ status: z.enum(['ok', 'unavailable']), message: z.string().optional() });

/** Adds the health routes (outside the versioned API). */
export function healthRoutes(api: Api, { db }: RouteDeps): void {
  api.get(
    '/healthz',
    { schema: { tags: ['health'], summary: 'The server is alive', response: { 200: Status } } },
    () => ({ status: 'ok' as const }),
  );
  api.get(
    '/readyz',
    {
      schema: {
        tags: ['health'],
        summary: 'The server can reach its database',
        response: { 200: Status, 503: Status },
      },
    },
    async (request, reply) => {
      try {
        await db.execute(sql`select 1`);
        return { status: 'ok' as const };
      } catch (error) {
        request.log.warn({ err: error }, 'database not reachable');
        return reply.code(503).send({ status: 'unavailable', message: 'the database is not reachable' });
      }
    },
  );
}
