/**
 * @module components/import/test-support
 * For component tests (jsdom): the shared fake of the HTTP API behind the real typed client
 * (test-support/fake-api), a fake XMLHttpRequest for uploads, and a render with the router and
 * query client the pages need.
 * Import it before any module that imports `api/client` (which takes `fetch` when it loads).
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { RenderResult } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';

export {
  currentUrl,
  FakeApi,
  fakeApi,
  json,
  sessionOf,
  SIGNED_IN,
  SIGNED_OUT,
  withRole,
} from '../../test-support/fake-api';
export type { Received } from '../../test-support/fake-api';

/** An upload in flight through the fake XMLHttpRequest, answered by the test. */
export class FakeXhr {
  static last: FakeXhr | null = null;
  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: unknown = null;
  status = 0;
  responseText = '';
  readonly upload: { onprogress: ((event: ProgressEvent) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;

  open(method: string, url: string): void {
    this.method = method;
    this.url = url;
  }

  setRequestHeader(name: string, value: string): void {
    this.headers[name.toLowerCase()] = value;
  }

  send(body: unknown): void {
    this.body = body;
    FakeXhr.last = this;
  }

  abort(): void {
    this.onabort?.();
  }

  /** Reports bytes sent. */
  progress(loaded: number, total: number): void {
    this.upload.onprogress?.({ loaded, total, lengthComputable: true } as ProgressEvent);
  }

  /** Answers the upload. */
  respond(status: number, body: unknown): void {
    this.status = status;
    this.responseText = JSON.stringify(body);
    this.onload?.();
  }
}

/** Puts the fake XMLHttpRequest in place (for upload tests). */
export function installFakeXhr(): void {
  FakeXhr.last = null;
  globalThis.XMLHttpRequest = FakeXhr as unknown as typeof XMLHttpRequest;
}

/** Shows the router's current URL, so a test can read what the page put there. */
function LocationProbe(): React.JSX.Element {
  const location = useLocation();
  return <output data-testid="location">{`${location.pathname}${location.search}`}</output>;
}

/** Renders `element` at `url` (matched by `path`) with a fresh query client and the router. */
export function renderAt(element: ReactNode, url: string, path: string): RenderResult {
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  return render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[url]}>
        <Routes>
          <Route path={path} element={element} />
          <Route path="*" element={<p>Another page</p>} />
        </Routes>
        <LocationProbe />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}
