/**
 * @module public/service
 * The public pages, fast without being stale. An organisation's version is two cheap queries: the
 * public's dashboard check (dashboard/service.ts: the digest of every series the public may read,
 * one query) and the digest of its public goals, projects and profile (`readPublicExtrasVersion`),
 * read at most once a second per organisation (`DEFAULT_VERSION_TTL_MS`), concurrent requests
 * sharing one read. The entity tag is made from both and today's date (a goal's status
 * depends on it), so that any change to what the pages show is a new tag on every server, and an
 * unchanged page is a 304. Rendered pages are cached per tag (HTML and its gzip); a page whose tag
 * moved on is rendered again in one read-only snapshot. Everything is read as the public reads it,
 * whoever asks.
 */
import { promisify } from 'node:util';
import { gzip as gzipCallback } from 'node:zlib';
import { LruCache } from '../analysis/cache.js';
import { PUBLIC } from '../auth/principal.js';
import { entityTag } from '../dashboard/conditional.js';
import { DashboardService } from '../dashboard/service.js';
import type { DashboardView } from '../dashboard/schemas.js';
import type { Database } from '../db/types.js';
import { DataError } from '../errors.js';
import { isoDay } from '../goals/service.js';
import { organisationPageContent, seriesPageContent } from './content.js';
import type { PublicOrganisationRef, SeriesPageContent } from './content.js';
import { readPublicExtrasVersion } from './repository.js';

const gzip = promisify(gzipCallback);

/** The version of the pages' form: part of every entity tag (change it when the HTML changes). */
export const PUBLIC_FORMAT = 'public-1';

/**
 * How long a version read is used again (milliseconds, by this process's monotonic clock), and for
 * as long again while it is read anew: a change shows on this server's pages within two seconds.
 * (Browsers and shared caches may keep a page for `Cache-Control: max-age` longer, five minutes.)
 */
export const DEFAULT_VERSION_TTL_MS = 1000;

/** A rendered response. */
export interface RenderedBody {
  readonly etag: string;
  readonly body: Buffer;
  readonly gzip: Buffer;
  /** Headers that depend on the content (a download's file name, its licence). */
  readonly headers: Readonly<Record<string, string>>;
}

/** What a render makes. */
export interface Made {
  readonly body: string;
  readonly headers?: Readonly<Record<string, string>> | undefined;
}

/** What the per-request check found: the organisation and the current entity tag. */
export interface PublicCheck {
  readonly organisation: PublicOrganisationRef;
  /** The tag of the organisation's public content (each response's tag adds its own key). */
  readonly version: string;
}

/** The public pages of one server process, with their caches. */
export class PublicPages {
  readonly #db: Database;
  readonly #now: () => Date;
  readonly #dashboards: DashboardService;
  readonly #rendered: LruCache<string, RenderedBody>;
  readonly #building = new Map<string, Promise<RenderedBody>>();
  readonly #versions = new LruCache<string, { at: number; check: PublicCheck }>({ maxEntries: 10_000 });
  readonly #reading = new Map<string, Promise<PublicCheck | undefined>>();
  readonly #versionTtlMs: number;

  constructor(
    db: Database,
    now: () => Date,
    { versionTtlMs = DEFAULT_VERSION_TTL_MS, maxBytes = 32 * 2 ** 20 } = {},
  ) {
    this.#db = db;
    this.#now = now;
    this.#versionTtlMs = versionTtlMs;
    this.#dashboards = new DashboardService(db, { maxResponseBytes: 16 * 2 ** 20 });
    this.#rendered = new LruCache({ maxBytes, sizeOf: (r) => r.body.length + r.gzip.length });
  }

  /**
   * The organisation and the version of everything its public pages show; undefined for an
   * unknown organisation (never an error: the route answers its one "not found"). A version read
   * in the last `versionTtlMs` is used again; one up to twice as old is used while it is read again
   * in the background; concurrent checks of one organisation share one read. Under load, requests
   * run no query and never wait for one.
   */
  async check(ref: string): Promise<PublicCheck | undefined> {
    const key = ref.toLowerCase();
    const recent = this.#versions.get(key);
    const age = recent === undefined ? Infinity : performance.now() - recent.at;
    if (recent !== undefined && age < this.#versionTtlMs) return recent.check;
    let reading = this.#reading.get(key);
    if (reading === undefined) {
      reading = this.#readCheck(ref).finally(() => this.#reading.delete(key));
      this.#reading.set(key, reading);
    }
    if (recent !== undefined && age < 2 * this.#versionTtlMs) {
      // Read again in the background; meanwhile the version of a moment ago answers.
      reading.catch(() => undefined);
      return recent.check;
    }
    return reading;
  }

  async #readCheck(ref: string): Promise<PublicCheck | undefined> {
    const at = performance.now();
    let check;
    try {
      check = await this.#dashboards.check(PUBLIC, ref, {});
    } catch (error) {
      if (error instanceof DataError && (error.code === 'not_found' || error.code === 'invalid_input')) {
        return undefined;
      }
      throw error;
    }
    const { organisation } = check.version;
    const extras = await readPublicExtrasVersion(this.#db, organisation.id);
    const result = {
      organisation: { id: organisation.id, odsCode: organisation.odsCode, name: organisation.name },
      version: entityTag([PUBLIC_FORMAT, check.etag, extras, isoDay(this.#now())]),
    };
    // Kept only for organisations that exist (unknown references are not remembered).
    this.#versions.set(ref.toLowerCase(), { at, check: result });
    return result;
  }

  /** The entity tag of one response (`key`: which page or file, and the origin it names). */
  tagOf(check: PublicCheck, key: string): string {
    return entityTag([check.version, key]);
  }

  /** A cached response, if it is the current one. */
  cached(check: PublicCheck, key: string): RenderedBody | undefined {
    const hit = this.#rendered.get(`${check.organisation.id} ${key}`);
    return hit?.etag === this.tagOf(check, key) ? hit : undefined;
  }

  /** Renders (or joins a render under way of) the response `key`, and caches it under its tag. */
  async render(check: PublicCheck, key: string, make: () => Promise<Made>): Promise<RenderedBody> {
    const hit = this.cached(check, key);
    if (hit !== undefined) return hit;
    const etag = this.tagOf(check, key);
    const flight = `${check.organisation.id} ${key} ${etag}`;
    let building = this.#building.get(flight);
    if (building === undefined) {
      building = (async () => {
        const made = await make();
        const body = Buffer.from(made.body);
        const rendered = { etag, body, gzip: await gzip(body), headers: made.headers ?? {} };
        this.#rendered.set(`${check.organisation.id} ${key}`, rendered);
        return rendered;
      })().finally(() => this.#building.delete(flight));
      this.#building.set(flight, building);
    }
    return building;
  }

  /** The public's dashboard of the organisation (the series its page lists). */
  async #series(check: PublicCheck): Promise<DashboardView['series']> {
    const dashboardCheck = await this.#dashboards.check(PUBLIC, check.organisation.id, {});
    const body = await this.#dashboards.body(PUBLIC, check.organisation.id, {}, dashboardCheck);
    return (JSON.parse(body.json.toString('utf8')) as DashboardView).series;
  }

  /** What the organisation's page shows. */
  async organisationContent(
    check: PublicCheck,
  ): Promise<Awaited<ReturnType<typeof organisationPageContent>>> {
    const series = await this.#series(check);
    return organisationPageContent(this.#db, check.organisation, series, this.#now());
  }

  /** A published series of the organisation, or undefined (unknown, another's, or not public). */
  seriesContent(check: PublicCheck, seriesId: string): Promise<SeriesPageContent | undefined> {
    return seriesPageContent(this.#db, check.organisation, seriesId);
  }

  /** Now, by the app's clock. */
  now(): Date {
    return this.#now();
  }
}
