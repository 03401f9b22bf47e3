/**
 * @module http/app
 * Building the HTTP application: Fastify with zod-validated requests and responses, the OpenAPI
 * document and reference, health checks, the one error handler, and every domain's routes under
 * `/api/v1`. It does not listen (see `serve.ts`), so tests use `app.inject`.
 */
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import Fastify from 'fastify';
import type { FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { analysisRoutes } from '../analysis/routes.js';
import { annotationRoutes } from '../annotations/routes.js';
import { auditRoutes } from '../audit/routes.js';
import { capabilityRoutes } from '../capability/routes.js';
import { DEFAULT_AUTH_POLICY } from '../auth/policy.js';
import type { AuthPolicy } from '../auth/policy.js';
import { authRoutes } from '../auth/routes.js';
import { identityProviderRoutes } from '../auth/oidc/provider-routes.js';
import { singleSignOnRoutes } from '../auth/oidc/sso-routes.js';
import { comparisonRoutes } from '../comparison/routes.js';
import { funnelRoutes } from '../comparison/funnel-routes.js';
import { dashboardRoutes } from '../dashboard/routes.js';
import { storeOf } from '../db/store.js';
import type { DataStore } from '../db/store.js';
import type { Database } from '../db/types.js';
import { exportRoutes } from '../exports/routes.js';
import { fhirRoutes } from '../fhir/routes.js';
import { goalRoutes } from '../goals/routes.js';
import { grantRoutes } from '../grants/routes.js';
import { ideaRoutes } from '../ideas/routes.js';
import { mailRoutes } from '../mail/routes.js';
import { secretBox } from '../auth/secret-box.js';
import type { TransportFactory } from '../mail/service.js';
import { importRoutes } from '../imports/routes.js';
import { measureRoutes } from '../measures/routes.js';
import { memberRoutes } from '../members/routes.js';
import { directoryRoutes } from '../members/directory-routes.js';
import { notificationRoutes } from '../notifications/routes.js';
import { observationRoutes } from '../observations/routes.js';
import { organisationRoutes } from '../organisations/routes.js';
import { driverDiagramRoutes } from '../projects/diagram-routes.js';
import { libraryRoutes } from '../projects/library-routes.js';
import { pdsaRoutes } from '../projects/pdsa-routes.js';
import { projectRoutes } from '../projects/routes.js';
import { reportRoutes } from '../reports/routes.js';
import { publicProfileRoutes } from '../public/profile-routes.js';
import { publicPageRoutes } from '../public/routes.js';
import { requirementRoutes } from '../requirements/routes.js';
import { seriesRoutes } from '../series/routes.js';
import { surveyRoutes } from '../surveys/routes.js';
import { unitRoutes } from '../units/routes.js';
import { registerAuthentication } from './authenticate.js';
import { handleError, handleNotFound } from './error-handler.js';
import { healthRoutes } from './health.js';
import { registerOpenApi } from './openapi.js';
import { trackRoutes } from './route-table.js';
import { registerSecurityHeaders } from './security-headers.js';
import { registerWeb } from './web.js';
import type { Api, RouteDeps, RouteModule } from './types.js';

/** The prefix of the versioned API. */
export const API_PREFIX = '/api/v1';

/** Every domain's routes, in the order they appear in the OpenAPI document. */
const ROUTES: readonly RouteModule[] = [
  authRoutes,
  organisationRoutes,
  unitRoutes,
  measureRoutes,
  seriesRoutes,
  observationRoutes,
  annotationRoutes,
  analysisRoutes,
  exportRoutes,
  fhirRoutes,
  dashboardRoutes,
  comparisonRoutes,
  importRoutes,
  auditRoutes,
  memberRoutes,
  directoryRoutes,
  grantRoutes,
  singleSignOnRoutes,
  identityProviderRoutes,
  goalRoutes,
  requirementRoutes,
  projectRoutes,
  driverDiagramRoutes,
  pdsaRoutes,
  libraryRoutes,
  ideaRoutes,
  notificationRoutes,
  mailRoutes,
  surveyRoutes,
  funnelRoutes,
  capabilityRoutes,
  publicProfileRoutes,
  reportRoutes,
];

/** What the application needs. */
export interface AppOptions {
  /**
   * The database: an open handle (`openDatabase`), a store (tests: a transaction and its
   * savepoints), or only a drizzle database (no bulk loads: imports answer 503).
   */
  readonly db: Database | DataStore;
  /** Fastify's logger: false (default) for none, true, or pino options such as `{ level: 'info' }`. */
  readonly logger?: FastifyServerOptions['logger'];
  /** The largest request body accepted, in bytes (default 10 MB); file uploads excepted. */
  readonly bodyLimit?: number;
  /** The largest file an import may upload, in bytes (default 512 MB). */
  readonly maxUploadBytes?: number;
  /** Sign-in rules (default DEFAULT_AUTH_POLICY: 30-minute idle and 12-hour absolute time-outs…). */
  readonly authPolicy?: Partial<AuthPolicy> | undefined;
  /** The clock (tests move it; default the system's). */
  readonly now?: (() => Date) | undefined;
  /**
   * The built web app to serve at `/` (default: packages/web/dist, `GROUNDSWELL_WEB_DIR`); false
   * for the API alone (unknown paths are then all the API's 404).
   */
  readonly webDir?: string | false | undefined;
  /**
   * The server's secret key (32 bytes) that stored passwords are sealed with (`GROUNDSWELL_SECRET_KEY`
   * or the embedded database's key file); none: no password can be stored.
   */
  readonly secretKey?: Buffer | undefined;
  /**
   * The origin people reach the server at (`GROUNDSWELL_PUBLIC_URL`, when set): public pages' links
   * and canonical addresses are made from it rather than from each request's Host header.
   */
  readonly publicOrigin?: string | undefined;
  /** How emails are sent (default SMTP; tests may count or fail sends). */
  readonly mailTransport?: TransportFactory | undefined;
}

/**
 * Builds the application, ready for `inject` or `listen`.
 * @example const app = await buildApp({ db: handle }); await app.listen({ port: 3000 });
 */
export async function buildApp(options: AppOptions): Promise<Api> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? 10 * 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  trackRoutes(app);
  await registerSecurityHeaders(app);
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await registerOpenApi(app);
  const store = storeOf(options.db);
  const deps: RouteDeps = {
    db: store.db,
    store,
    maxUploadBytes: options.maxUploadBytes,
    authPolicy: { ...DEFAULT_AUTH_POLICY, ...options.authPolicy },
    now: options.now ?? (() => new Date()),
    publicOrigin: options.publicOrigin,
    secrets: options.secretKey === undefined ? null : secretBox(options.secretKey),
    mailTransport: options.mailTransport,
  };
  healthRoutes(app, deps);
  publicPageRoutes(app, deps);
  await app.register(
    (scope, _options, done) => {
      registerAuthentication(scope, { db: deps.db, policy: deps.authPolicy, now: deps.now });
      const api = scope.withTypeProvider<ZodTypeProvider>();
      for (const routes of ROUTES) routes(api, deps);
      done();
    },
    { prefix: API_PREFIX },
  );
  if (options.webDir === false) app.setNotFoundHandler(handleNotFound);
  else await registerWeb(app, options.webDir);
  await app.ready();
  return app;
}
