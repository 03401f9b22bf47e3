/**
 * Every page of the route table (src/app/routes.tsx), opened in Chromium with real ids from the
 * demo data: it loads without a script error, shows one h1 and no error page, passes axe-core at
 * phone and desktop widths, and is photographed at both. The checks do not depend on what a page
 * shows, so they hold as the pages grow; a route added to the table must be added to ROUTES in
 * routes-table.ts. This file checks that, and every other route (routes-more.e2e.test.ts the rest).
 */
import { describe, expect, it } from 'vitest';
import { checkRoutes, ROUTES, tablePatterns } from './routes-table';

describe('the route table', () => {
  it('lists every route of src/app/routes.tsx here', () => {
    expect(ROUTES.map((route) => route.pattern).sort()).toEqual(tablePatterns().sort());
  });
});

// The first, third… route; routes-more.e2e.test.ts checks the others.
checkRoutes(0);
