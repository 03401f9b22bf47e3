/**
 * @module components/measure/test-support
 * For the measure page's component tests (jsdom): a mocked `fetch` that answers by method and
 * path and records every request with its body (import this module before any module that imports
 * the API client, which takes `fetch` when it is created), a series fixture analysed by the real
 * SPC engine and sent through JSON as the API sends it, and a render with a query cache and router.
 */
import { attributeChart, runChart, xmr } from '@groundswell/spc';
import type { SpcAnalysis } from '@groundswell/spc';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { RenderResult } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { vi } from 'vitest';
import type { Session } from '../../api/session';
import type { Annotation, Observation, Organisation, SeriesAnalysis, UnitNode } from './data';

// The client is created with `baseUrl: ''`: resolve its relative URLs as a browser would.
const NodeRequest = globalThis.Request;
globalThis.Request = class extends NodeRequest {
  constructor(input: RequestInfo | URL, init?: RequestInit) {
    super(typeof input === 'string' ? new URL(input, 'http://localhost').href : input, init);
  }
};

/** The `fetch` every request goes to: give it answers with {@link answer}. */
export const fetchMock = vi.fn<(request: Request) => Promise<Response>>();
globalThis.fetch = fetchMock as unknown as typeof fetch;

/** A request the page made. */
export interface Call {
  readonly method: string;
  readonly path: string;
  readonly search: string;
  readonly body: unknown;
}

/** Every request since the last {@link answer}, in order. */
export const calls: Call[] = [];

/** An answer: a JSON body (status 200), `{ status, body }`, or `'pending'` (never settles). */
export type Answer = unknown;

/**
 * Answers requests by `METHOD /path` (or `/path` for any method; the longest matching prefix
 * wins). A function is called with the request's body and path.
 */
export function answer(routes: Record<string, Answer>): void {
  calls.length = 0;
  const keys = Object.keys(routes).sort((a, b) => b.length - a.length);
  fetchMock.mockImplementation(async (request: Request) => {
    const url = new URL(request.url);
    const text = request.method === 'GET' ? '' : await request.text();
    const body: unknown = text === '' ? undefined : JSON.parse(text);
    calls.push({ method: request.method, path: url.pathname, search: url.search, body });
    const key = keys.find((k) => {
      const space = k.indexOf(' ');
      const method = space < 0 ? undefined : k.slice(0, space);
      return (
        (method === undefined || method === request.method) && url.pathname.startsWith(k.slice(space + 1))
      );
    });
    if (key === undefined) return json(404, { error: { code: 'not_found', message: 'no route' } });
    const route = routes[key];
    const result =
      typeof route === 'function' ? (route as (b: unknown, p: string) => Answer)(body, url.pathname) : route;
    if (result === 'pending') return new Promise<Response>(() => {});
    if (typeof result === 'object' && result !== null && 'status' in result && 'body' in result) {
      return json(result.status as number, result.body);
    }
    return json(200, result);
  });
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/** The requests other than reads. */
export function writes(): Call[] {
  return calls.filter((c) => c.method !== 'GET');
}

/** Renders `element` at `path` (matched by `route`) with a fresh query cache (no retries). */
export function renderRoute(
  route: string,
  path: string,
  element: React.ReactNode,
): RenderResult & { client: QueryClient } {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const router = createMemoryRouter(
    [
      { path: route, element },
      { path: '*', element: <p>Elsewhere</p> },
    ],
    { initialEntries: [path] },
  );
  return {
    client,
    ...render(
      <QueryClientProvider client={client}>
        <RouterProvider router={router} />
      </QueryClientProvider>,
    ),
  };
}

/** Renders a component with a fresh query cache (no router). */
export function renderWithClient(element: React.ReactNode): RenderResult & { client: QueryClient } {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return { client, ...render(<QueryClientProvider client={client}>{element}</QueryClientProvider>) };
}

export const SERIES_ID = '11111111-1111-4111-8111-111111111111';
export const MEASURE_ID = '22222222-2222-4222-8222-222222222222';
export const ORG_ID = '33333333-3333-4333-8333-333333333333';
export const DIVISION_ID = '44444444-4444-4444-8444-444444444444';
export const WARD_ID = '55555555-5555-4555-8555-555555555555';

export const ORGANISATION: Organisation = {
  id: ORG_ID,
  odsCode: 'RF4',
  name: 'Barking Test Trust',
  kind: 'provider',
  createdAt: '2024-01-01T00:00:00.000Z',
};

const node = (
  id: string,
  parentId: string | null,
  kind: UnitNode['kind'],
  name: string,
  children: UnitNode[],
): UnitNode => ({
  id,
  organisationId: ORG_ID,
  parentId,
  kind,
  name,
  createdAt: '2024-01-01T00:00:00.000Z',
  children,
});

export const UNITS: UnitNode[] = [
  node(DIVISION_ID, null, 'division', 'Medicine', [node(WARD_ID, DIVISION_ID, 'ward', 'Ward 10', [])]),
];

/** `n` months from January 2023. */
export function months(n: number): string[] {
  return Array.from(
    { length: n },
    (_, i) => `${2023 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01`,
  );
}

/** 24 months of a proportion, dropping after the 16th (a 95% target missed). */
export const NUMERATORS = [
  80, 82, 79, 81, 83, 80, 78, 82, 81, 80, 79, 83, 82, 80, 81, 79, 72, 70, 71, 69, 70, 68, 71, 69,
];
export const DENOMINATORS = NUMERATORS.map(() => 100);

/** The stored points of the proportion series. */
export function observations(ghostAt: readonly string[] = []): Observation[] {
  return months(NUMERATORS.length).map((period, i) => ({
    period,
    value: null,
    numerator: NUMERATORS[i]!,
    denominator: DENOMINATORS[i]!,
    ghost: ghostAt.includes(period),
    importId: null,
    recordedBy: '00000000-0000-4000-8000-000000000001',
    recordedAt: '2025-01-01T00:00:00.000Z',
  }));
}

/** What the API sends of an analysis: its JSON (no columns). */
export function asJson(analysis: SpcAnalysis): SeriesAnalysis['analysis'] {
  return JSON.parse(JSON.stringify(analysis)) as SeriesAnalysis['analysis'];
}

export interface ViewOptions {
  /** A shared (national) measure (default) or the organisation's own. */
  readonly shared?: boolean;
  readonly synthetic?: boolean;
  readonly unitId?: string | null;
  /** Only the first `n` points. */
  readonly points?: number;
  readonly seriesOptions?: SeriesAnalysis['series']['spcOptions'];
}

/** `GET /series/{id}/analysis` of a proportion measure (p′ chart, 95% target), as the engine computes it. */
export function aView(options: ViewOptions = {}): SeriesAnalysis {
  const n = options.points ?? NUMERATORS.length;
  const periods = months(n);
  const targets = periods.map(() => 0.95);
  const direction = options.seriesOptions?.direction ?? 'increase';
  const rebaseAt = options.seriesOptions?.rebaseAt ?? [];
  const engineOptions = { direction, rebaseAt, preset: options.seriesOptions?.preset ?? 'mdc' } as const;
  const analysis =
    n < 13
      ? runChart(
          { values: NUMERATORS.slice(0, n).map((v, i) => v / DENOMINATORS[i]!), periods, targets },
          engineOptions,
        )
      : attributeChart(
          'pp',
          { numerators: NUMERATORS.slice(0, n), denominators: DENOMINATORS.slice(0, n), periods, targets },
          engineOptions,
        );
  if (n < 13) {
    analysis.warnings.unshift({
      code: 'too_few_points',
      message: `${n} points: at least 13 are needed for limits, so this is a run chart`,
    });
  }
  const json = asJson(analysis);
  return {
    series: {
      id: SERIES_ID,
      measureId: MEASURE_ID,
      organisationId: ORG_ID,
      unitId: options.unitId === undefined ? WARD_ID : options.unitId,
      spcOptions: options.seriesOptions ?? null,
      createdAt: '2024-01-01T00:00:00.000Z',
    },
    measure: {
      id: MEASURE_ID,
      ownerOrganisationId: options.shared === false ? ORG_ID : null,
      code: 'ae-4-hour',
      name: options.synthetic === true ? 'Seen within 4 hours (synthetic demo data)' : 'Seen within 4 hours',
      description: 'Share of attendances seen within 4 hours.',
      unitLabel: '%',
      dataType: 'proportion',
      chartType: 'pp',
      spcOptions: { direction: 'increase' },
      domain: 'effectiveness',
      owner: 'Urgent care team',
      source:
        options.synthetic === true
          ? 'Synthetic demo data generated by Groundswell (fixed seed); not real figures'
          : 'NHS England',
      visibility: 'public',
      frequency: 'month',
      createdAt: '2024-01-01T00:00:00.000Z',
      updatedAt: '2024-01-01T00:00:00.000Z',
    },
    synthetic: options.synthetic === true,
    targets: [
      {
        id: '66666666-6666-4666-8666-666666666666',
        measureId: MEASURE_ID,
        organisationId: null,
        effectiveFrom: '2016-04-01',
        value: 0.95,
      },
    ],
    icons: { variation: json.summary.variation, assurance: json.summary.assurance },
    analysis: json,
  };
}

export const NOTE: Annotation = {
  id: '77777777-7777-4777-8777-777777777777',
  seriesId: SERIES_ID,
  period: '2024-05-01',
  text: 'New triage model',
  author: 'A. Analyst',
  authorId: null,
  createdAt: '2024-06-02T10:00:00.000Z',
};

type Role = NonNullable<Session['user']>['memberships'][number]['role'];

/** A session of someone with `role` in the test organisation (null: signed out). */
export function sessionAs(role: Role | null): Session {
  if (role === null) return { user: null, csrfToken: null, expiresAt: null, demoSignIn: false };
  return {
    user: {
      id: '20000000-0000-4000-8000-000000000001',
      email: 'someone@groundswell.invalid',
      displayName: 'Sam Someone',
      platformAdmin: false,
      demo: false,
      memberships: [
        {
          organisationId: ORG_ID,
          odsCode: 'RF4',
          organisationName: 'Barking Test Trust',
          role,
          unitId: null,
        },
      ],
    },
    csrfToken: 'csrf',
    expiresAt: '2026-11-26T12:00:00.000Z',
    demoSignIn: false,
  };
}

/** The routes of a loaded measure page, seen by `session` (a QI lead of the organisation unless given). */
export function pageRoutes(
  view: SeriesAnalysis,
  notes: Annotation[] = [],
  points = observations(),
  session: Session = sessionAs('qi_lead'),
): Record<string, Answer> {
  return {
    'GET /api/v1/auth/session': session,
    [`GET /api/v1/series/${SERIES_ID}/analysis`]: view,
    [`GET /api/v1/series/${SERIES_ID}/annotations`]: { items: notes },
    [`GET /api/v1/series/${SERIES_ID}/observations`]: {
      items: points.slice(0, view.analysis.points.length),
      nextCursor: null,
    },
    [`GET /api/v1/organisations/${ORG_ID}/units`]: { items: UNITS },
    [`GET /api/v1/organisations/${ORG_ID}`]: ORGANISATION,
  };
}

/** xmr, re-exported for tests that build their own analyses. */
export { xmr };
