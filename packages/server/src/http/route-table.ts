/**
 * @module http/route-table
 * Every route the app serves, as registered: what the access test (generated from this table)
 * walks, so that a new route without an access rule fails it.
 */
import type { FastifyInstance } from 'fastify';

/** A route: its method and path pattern (`/api/v1/series/:id`). */
export interface RouteEntry {
  readonly method: string;
  readonly url: string;
}

const tables = new WeakMap<FastifyInstance, RouteEntry[]>();

/** Starts recording `app`'s routes (call before any route is added). */
export function trackRoutes(app: FastifyInstance): void {
  const table: RouteEntry[] = [];
  tables.set(app, table);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD') continue;
      table.push({ method, url: route.url });
    }
  });
}

/** The routes `app` serves, in the order they were added. */
export function routeTable(app: FastifyInstance): readonly RouteEntry[] {
  return tables.get(app) ?? [];
}
