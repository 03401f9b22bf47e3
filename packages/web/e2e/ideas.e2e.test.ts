/**
 * Staff ideas and notifications in Chromium against the real server with the demo data (issue 8).
 *
 * 1. A nurse at phone width (375 × 812), RF4's demo staff member, goes from her organisation's page
 *    to its ideas and submits an anonymous idea for the ward the demo unit lead leads; the idea
 *    says "Anonymous" to everyone and is not hers even to her. Another member (the demo improver)
 *    votes for it. The unit lead triages it: taken forward as a QI project, with a reason. The idea
 *    links to the project, the project back to the idea, and the list shows the reason to everyone
 *    ("you said, we did").
 * 2. The nurse submits a named idea; the QI lead decides not to take it forward, with a reason; the
 *    nurse sees the count in the header, reads the notification, and follows it to the idea.
 *
 * Every page passes axe-core. Each run names its ideas with the time, so the shared database can
 * be used again.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  api,
  checkAccessibility,
  checkPage,
  data,
  DEMO_ANALYST,
  navigatedTo,
  openPage,
  pageErrors,
  pageReady,
} from './harness';

const STAFF = 'demo.staff@groundswell.invalid';
const IMPROVER = 'demo.improver@groundswell.invalid';
const UNIT_LEAD = 'demo.unitlead@groundswell.invalid';
const TRUST = 'RF4';
const PHONE_WIDTH = 375;
/** Four people, a dozen pages and axe-core on each: minutes on a busy two-core machine. */
const JOURNEY_TIMEOUT_MS = 360_000;

/** Whether the page is wider than the window (content that only scrolls sideways). */
function overflowsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
}

/** The id at the end of the page's address (`/ideas/:id`, `/projects/:id`). */
function idOf(page: Page, kind: 'ideas' | 'projects'): string {
  const match = new RegExp(`^/${kind}/([0-9a-f-]{36})$`).exec(new URL(page.url()).pathname);
  if (match === null) throw new Error(`not a page of ${kind}: ${page.url()}`);
  return match[1]!;
}

/** The ward the demo unit lead leads, as their session says (signed in on `page`). */
async function leadsWard(page: Page): Promise<{ id: string; name: string }> {
  const session = (await (
    await page.request.get(new URL('/api/v1/auth/session', page.url()).toString())
  ).json()) as {
    user: { memberships: { odsCode: string; role: string; unitId: string | null }[] };
  };
  const unitId = session.user.memberships.find((m) => m.odsCode === TRUST && m.role === 'unit_lead')?.unitId;
  if (unitId == null) throw new Error('the demo unit lead leads no unit of RF4');
  const units = await data(
    api().GET('/api/v1/organisations/{ref}/units', { params: { path: { ref: TRUST } } }),
  );
  const flat = (list: typeof units.items): typeof units.items =>
    list.flatMap((u) => [u, ...flat(u.children)]);
  const ward = flat(units.items).find((u) => u.id === unitId)!;
  return { id: ward.id, name: ward.name };
}

/** Opens the nurse's phone-sized page at `path`. */
async function asNurse(path: string): Promise<Page> {
  const page = await openPage(path, { width: PHONE_WIDTH, as: STAFF });
  await page.setViewportSize({ width: PHONE_WIDTH, height: 812 });
  return page;
}

/** Submits an idea on the nurse's open "Submit an idea" page; returns the idea's id from the confirmation. */
async function submit(
  page: Page,
  idea: { problem: string; proposal: string; unitId?: string; anonymous: boolean },
): Promise<string> {
  await page.getByLabel('The problem', { exact: true }).fill(idea.problem);
  await page.getByLabel('Your idea', { exact: true }).fill(idea.proposal);
  if (idea.unitId !== undefined) await page.getByLabel('Unit', { exact: true }).selectOption(idea.unitId);
  if (idea.anonymous) await page.getByLabel('Submit anonymously').check();
  await page.getByRole('button', { name: 'Submit the idea' }).click();
  await page.getByRole('heading', { name: 'Idea submitted' }).waitFor();
  const href = await page.getByRole('link', { name: 'See your idea' }).getAttribute('href');
  return /^\/ideas\/([0-9a-f-]{36})$/.exec(href ?? '')![1]!;
}

describe('staff ideas', () => {
  it(
    'a nurse at phone width submits an anonymous idea, another votes, the unit lead makes it a project linked both ways',
    async () => {
      const lead = await openPage('/', { as: UNIT_LEAD });
      const ward = await leadsWard(lead);
      const stamp = new Date().toISOString();
      const proposal = `A second set of controlled drug keys for the night coordinator (${stamp})`;

      // From the organisation's page to its ideas, then "Submit an idea".
      const nurse = await asNurse(`/organisations/${TRUST}`);
      await nurse.getByRole('link', { name: 'Ideas', exact: true }).click();
      await navigatedTo(nurse, `/organisations/${TRUST}/ideas`);
      expect(await nurse.locator('h1').textContent()).toContain('Ideas');
      await nurse.getByRole('region', { name: 'Ideas' }).waitFor();
      await checkAccessibility(nurse, 'ideas at 375 px');
      await nurse.getByRole('link', { name: 'Submit an idea' }).click();
      await navigatedTo(nurse, `/organisations/${TRUST}/ideas/new`);
      // Four controls and a button: quick on a phone.
      expect(await nurse.locator('main form').locator('textarea, select, input').count()).toBe(4);
      expect(await nurse.getByText('nobody, administrators included, can find out').count()).toBe(1);
      await checkAccessibility(nurse, 'submit an idea at 375 px');

      const id = await submit(nurse, {
        problem:
          'Patients wait for pain relief at night while the nurse in charge, who holds the keys, is busy.',
        proposal,
        unitId: ward.id,
        anonymous: true,
      });
      expect(await nurse.locator('main').textContent()).toContain(
        'you will not be told when its status changes',
      );
      expect(await overflowsSideways(nurse)).toBe(false);
      await checkAccessibility(nurse, 'idea submitted at 375 px');

      // The idea says "Anonymous"; nothing sent ties it to her, not even for her.
      await nurse.getByRole('link', { name: 'See your idea' }).click();
      await navigatedTo(nurse, `/ideas/${id}`);
      expect(await nurse.locator('main dl').textContent()).toContain('Anonymous');
      expect(await nurse.locator('main dl').textContent()).not.toContain('(you)');
      const stored = await data(api().GET('/api/v1/ideas/{id}', { params: { path: { id } } }));
      expect(stored).toMatchObject({ author: 'Anonymous', anonymous: true, mine: false, status: 'new' });
      expect(stored.unit).toEqual({ id: ward.id, name: ward.name });
      expect(await overflowsSideways(nurse)).toBe(false);
      await checkAccessibility(nurse, 'anonymous idea at 375 px');

      // Another member votes for it.
      const improver = await openPage(`/ideas/${id}`, { as: IMPROVER });
      await improver.getByRole('button', { name: 'Vote for this idea' }).click();
      await improver.getByText('You voted for this idea: it has 1 vote.').waitFor();
      expect((await data(api().GET('/api/v1/ideas/{id}', { params: { path: { id } } }))).voteCount).toBe(1);

      // The unit lead takes it forward as a QI project, with a reason.
      const reason = `Pharmacy agreed to a second key set; ${ward.name} tests it first.`;
      await lead.goto(new URL(`/ideas/${id}`, lead.url()).toString());
      await pageReady(lead);
      const triage = lead.getByRole('region', { name: 'Triage' });
      await checkAccessibility(lead, 'idea with the triage form');
      await triage.getByLabel('Taken forward', { exact: true }).check();
      await triage.getByLabel('Start a QI project from this idea').check();
      await triage.getByLabel('Reason', { exact: true }).fill(reason);
      await triage.getByRole('button', { name: 'Save the decision' }).click();
      await triage.getByText('The idea is now taken forward. A QI project was started from it.').waitFor();
      const triaged = await data(api().GET('/api/v1/ideas/{id}', { params: { path: { id } } }));
      expect(triaged).toMatchObject({ status: 'taken_forward', statusReason: reason, voteCount: 1 });
      expect(triaged.projectId).not.toBeNull();

      // The idea links to the project, and the project back to the idea.
      await triage.getByRole('link', { name: 'Open the new project' }).click();
      await navigatedTo(lead, `/projects/${triaged.projectId!}`);
      expect(idOf(lead, 'projects')).toBe(triaged.projectId);
      const origin = lead.getByRole('region', { name: 'The idea it came from' });
      await origin.getByRole('link', { name: proposal }).click();
      await navigatedTo(lead, `/ideas/${id}`);
      await lead.getByText(`You said, we did: ${reason}`).waitFor();
      expect(
        await lead
          .getByRole('link', { name: new RegExp(stamp.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) })
          .getAttribute('href'),
      ).toBe(`/projects/${triaged.projectId!}`);
      await checkPage(lead, 'idea taken forward as a project');

      // Everyone sees the reason in the list ("you said, we did").
      await nurse.goto(new URL(`/organisations/${TRUST}/ideas?status=taken_forward`, nurse.url()).toString());
      await pageReady(nurse);
      const card = nurse.locator('.gs-idea-card').filter({ hasText: proposal });
      await card.waitFor();
      expect(await card.textContent()).toContain('Taken forward');
      expect(await card.textContent()).toContain(`You said, we did: ${reason}`);
      expect(await card.textContent()).toContain('1 vote');
      await checkPage(nurse, 'ideas taken forward');
      for (const page of [nurse, improver, lead]) expect(pageErrors(page)).toEqual([]);
    },
    JOURNEY_TIMEOUT_MS,
  );

  it(
    'the author of a named idea is told in the app when its status changes',
    async () => {
      const proposal = `Start the night handover at the bedside (${new Date().toISOString()})`;
      const nurse = await asNurse(`/organisations/${TRUST}/ideas/new`);
      const id = await submit(nurse, {
        problem: 'Handover runs late every night.',
        proposal,
        anonymous: false,
      });
      expect(
        await nurse
          .locator('main')
          .getByRole('link', { name: 'notifications', exact: true })
          .getAttribute('href'),
      ).toBe('/notifications');
      const mine = await data(api().GET('/api/v1/ideas/{id}', { params: { path: { id } } }));
      expect(mine).toMatchObject({ author: 'Demo ward nurse (staff)', anonymous: false });

      // The QI lead decides, with a reason.
      const reason = 'The bedside handover pilot on Ward 12 covers this; join it.';
      const qiLead = await openPage(`/ideas/${id}`, { as: DEMO_ANALYST });
      const triage = qiLead.getByRole('region', { name: 'Triage' });
      await triage.getByLabel('Not taken forward', { exact: true }).check();
      await triage.getByRole('button', { name: 'Save the decision' }).click();
      await triage.getByText('There is a problem').waitFor();
      await triage.getByLabel('Reason', { exact: true }).fill(reason);
      await triage.getByRole('button', { name: 'Save the decision' }).click();
      await triage.getByText('The idea is now not taken forward.').waitFor();

      // The nurse sees the count in the header, reads the notification and follows it to the idea.
      await nurse.goto(new URL(`/organisations/${TRUST}`, nurse.url()).toString());
      await pageReady(nurse);
      const header = nurse
        .getByRole('navigation', { name: 'Account' })
        .getByRole('link', { name: /^Notifications, \d+ unread$/ });
      await header.waitFor();
      await header.click();
      await navigatedTo(nurse, '/notifications');
      const item = nurse.locator('.gs-notification').filter({ hasText: proposal });
      expect(await item.textContent()).toContain(`is now not taken forward: ${reason}`);
      expect(await item.textContent()).toContain('Unread');
      expect(await overflowsSideways(nurse)).toBe(false);
      await checkPage(nurse, 'notifications');
      await item.getByRole('link', { name: /^Read more/ }).click();
      await navigatedTo(nurse, `/ideas/${id}`);
      await nurse.getByText(`You said, we did: ${reason}`).waitFor();
      const notifications = await nurse.request.get(new URL('/api/v1/notifications', nurse.url()).toString());
      const list = (await notifications.json()) as { items: { link: string; readAt: string | null }[] };
      expect(list.items.find((n) => n.link === `/ideas/${id}`)?.readAt).not.toBeNull();
      for (const page of [nurse, qiLead]) expect(pageErrors(page)).toEqual([]);
    },
    JOURNEY_TIMEOUT_MS,
  );
});
