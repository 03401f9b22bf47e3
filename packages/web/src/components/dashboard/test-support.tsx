/**
 * @module components/dashboard/test-support
 * For the dashboard's component tests (jsdom): a mocked `fetch` (import this module before any
 * module that imports the API client, which takes `fetch` when it is created), dashboard fixtures
 * shaped as the API sends them, and a render with the query cache and a router.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { RenderResult } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { vi } from 'vitest';
import type { Schema } from '../../api/client';
import { ASSURANCES, VARIATIONS } from './format';

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

/** The URLs fetched so far (path and query). */
export function fetchedUrls(): string[] {
  return fetchMock.mock.calls.map(([request]) => {
    const url = new URL(request.url);
    return `${url.pathname}${url.search}`;
  });
}

/**
 * Answers requests by path (a prefix of the path, longest first): a JSON body with status 200, or
 * `{ status, body }` for another status, or `'pending'` for a promise that never settles.
 */
export function answer(routes: Record<string, unknown>): void {
  const prefixes = Object.keys(routes).sort((a, b) => b.length - a.length);
  fetchMock.mockImplementation((request: Request) => {
    const path = new URL(request.url).pathname;
    const prefix = prefixes.find((p) => path === p || path.startsWith(p));
    if (prefix === undefined)
      return Promise.resolve(json(404, { error: { code: 'not_found', message: 'no route' } }));
    const route = routes[prefix];
    if (route === 'pending') return new Promise<Response>(() => {});
    if (typeof route === 'object' && route !== null && 'status' in route && 'body' in route) {
      return Promise.resolve(json(route.status as number, route.body));
    }
    return Promise.resolve(json(200, route));
  });
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/** Renders `element` at `path`, matched by `route`, with a fresh query cache (no retries). */
export function renderRoute(route: string, path: string, element: React.ReactNode): RenderResult {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const router = createMemoryRouter(
    [
      { path: route, element },
      { path: '*', element: <p>Elsewhere</p> },
    ],
    { initialEntries: [path] },
  );
  return render(
    <QueryClientProvider client={client}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
}

type Series = Schema<'DashboardSeries'>;
type Dashboard = Schema<'Dashboard'>;

export const ORGANISATION = {
  id: '11111111-1111-4111-8111-111111111111',
  odsCode: 'RF4',
  name: 'Barking Test Trust',
  kind: 'provider' as const,
};

const PERIODS = Array.from({ length: 12 }, (_, i) => `2024-${String(i + 1).padStart(2, '0')}-01`);

/** A series as the dashboard sends it, with twelve monthly points; override any part. */
export function aSeries(overrides: Partial<Series> & { id: string }): Series {
  return {
    measure: {
      id: '22222222-2222-4222-8222-222222222222',
      ownerOrganisationId: null,
      code: 'falls',
      name: 'Falls per 1,000 bed days',
      domain: 'safety',
      dataType: 'rate',
      chartType: 'up',
      direction: 'decrease',
      unitLabel: 'falls per 1,000 bed days',
      visibility: 'internal',
      synthetic: false,
    },
    unit: null,
    pointCount: 12,
    latest: { period: '2024-12-01', value: null, numerator: 4, denominator: 1000, ghost: false },
    target: 5,
    icons: { variation: 'improvement_low', assurance: 'pass' },
    warnings: [],
    annotationCount: 0,
    sparkline: {
      offset: 0,
      periods: PERIODS,
      values: [7, 6.5, 7.2, 6.8, 7.1, 6.9, 5, 4.8, 4.5, 4.2, 4.1, 4],
      mean: Array<number>(12).fill(6),
      lower: Array<number>(12).fill(4.5),
      upper: Array<number>(12).fill(7.5),
      target: Array<number>(12).fill(5),
      improvement: [8, 9, 10, 11],
      concern: [],
      neither: [],
      ghosts: [],
      annotated: [],
    },
    ...overrides,
  };
}

export const FALLS = aSeries({ id: 'aaaaaaaa-0000-4000-8000-000000000001' });

export const RECOMMEND = aSeries({
  id: 'aaaaaaaa-0000-4000-8000-000000000002',
  measure: {
    ...FALLS.measure,
    id: '33333333-3333-4333-8333-333333333333',
    ownerOrganisationId: ORGANISATION.id,
    code: 'demo-fft',
    name: 'Patients who would recommend the ward (synthetic demo data)',
    domain: 'experience',
    dataType: 'proportion',
    chartType: 'pp',
    direction: 'increase',
    unitLabel: '%',
    synthetic: true,
  },
  unit: { id: '44444444-4444-4444-8444-444444444444', name: 'Ward 10' },
  target: null,
  icons: { variation: 'common_cause', assurance: null },
  sparkline: {
    ...FALLS.sparkline,
    values: [0.91, 0.92, 0.9, 0.93, 0.92, 0.91, 0.92, 0.9, 0.93, 0.92, 0.91, 0.925],
    mean: Array<number>(12).fill(0.92),
    lower: Array<number>(12).fill(0.88),
    upper: Array<number>(12).fill(0.96),
    target: null,
    improvement: [],
  },
});

export const ULCERS = aSeries({
  id: 'aaaaaaaa-0000-4000-8000-000000000003',
  measure: {
    ...FALLS.measure,
    id: '55555555-5555-4555-8555-555555555555',
    code: 'ulcers',
    name: 'Pressure ulcers',
    dataType: 'count',
    chartType: 'c',
    unitLabel: 'pressure ulcers',
  },
  unit: { id: '66666666-6666-4666-8666-666666666666', name: 'Ward 12' },
  pointCount: 8,
  target: 3,
  icons: { variation: 'none', assurance: null },
  warnings: [
    {
      code: 'too_few_points',
      message: '8 points: at least 15 are needed for limits, so this is a run chart',
    },
  ],
  sparkline: {
    ...FALLS.sparkline,
    periods: PERIODS.slice(4),
    values: [2, 3, 1, 4, 2, 3, 2, 5],
    mean: Array<number>(8).fill(2.5),
    lower: Array<null>(8).fill(null),
    upper: Array<null>(8).fill(null),
    target: Array<number>(8).fill(3),
    improvement: [],
  },
});

/** Every cell of the matrix, with these series in theirs. */
export function matrixOf(series: readonly Series[]): Dashboard['matrix'] {
  return VARIATIONS.flatMap((variation) =>
    ASSURANCES.map((assurance) => {
      const ids = series
        .filter((s) => s.icons.variation === variation && s.icons.assurance === assurance)
        .map((s) => s.id);
      return { variation, assurance, count: ids.length, seriesIds: ids };
    }),
  );
}

/** A dashboard of these series (default: falls, recommend, ulcers). */
export function aDashboard(
  series: readonly Series[] = [FALLS, RECOMMEND, ULCERS],
  total = series.length,
): Dashboard {
  return { organisation: ORGANISATION, total, matrix: matrixOf(series), series: [...series] };
}

/** RF4's unit tree: Medicine with Ward 10 and Ward 12 under it, and Surgery. */
export const UNIT_TREE = {
  items: [
    {
      id: '77777777-7777-4777-8777-777777777777',
      organisationId: ORGANISATION.id,
      parentId: null,
      kind: 'division' as const,
      name: 'Medicine',
      createdAt: '2024-01-01T00:00:00.000Z',
      children: [
        {
          id: RECOMMEND.unit!.id,
          organisationId: ORGANISATION.id,
          parentId: '77777777-7777-4777-8777-777777777777',
          kind: 'ward' as const,
          name: 'Ward 10',
          createdAt: '2024-01-01T00:00:00.000Z',
          children: [],
        },
        {
          id: ULCERS.unit!.id,
          organisationId: ORGANISATION.id,
          parentId: '77777777-7777-4777-8777-777777777777',
          kind: 'ward' as const,
          name: 'Ward 12',
          createdAt: '2024-01-01T00:00:00.000Z',
          children: [],
        },
      ],
    },
    {
      id: '88888888-8888-4888-8888-888888888888',
      organisationId: ORGANISATION.id,
      parentId: null,
      kind: 'division' as const,
      name: 'Surgery',
      createdAt: '2024-01-01T00:00:00.000Z',
      children: [],
    },
  ],
};
