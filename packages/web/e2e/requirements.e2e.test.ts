/**
 * Outcome requirements in Chromium against the real server with the demo data (issue 7): the demo
 * commissioner (the quality lead of the demo ICB, which RF4 granted its published data) sets an
 * outcome requirement for RF4 on the shared A&E four-hour measure; RF4's demo QI lead links two of
 * its goals to it — the public A&E goal and an internal ward goal — and, from a project's page, an
 * internal project; the commissioner then sees progress only on what RF4 publishes: the public goal,
 * never the internal goal nor the project until the project is made public. Every page passes
 * axe-core at phone and desktop widths.
 *
 * Each run names its requirement and project with the time; goals a failed earlier run linked to
 * one of its requirements are unlinked first, so the database can be used again.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, checkAccessibility, checkPage, data, DEMO_ANALYST, openPage, pageErrors } from './harness';

const COMMISSIONER = 'demo.commissioner@groundswell.invalid';
const ICB = 'DEMOICB';
const TRUST = 'RF4';
const PREFIX = 'E2E requirement';
const PUBLIC_GOAL = '95% of type 1 A&E patients seen within four hours';
const INTERNAL_GOAL = 'Fewer than 4 falls per 1,000 bed days on Ward 10 (synthetic demo data)';

/** The section of the requirement with this title. */
function requirementCard(page: Page, title: string): ReturnType<Page['locator']> {
  return page.getByRole('region', { name: title, exact: true });
}

beforeAll(async () => {
  const received = await data(
    api().GET('/api/v1/organisations/{ref}/requirements/received', { params: { path: { ref: TRUST } } }),
  );
  const old = new Set(received.items.filter((r) => r.title.startsWith(PREFIX)).map((r) => r.id));
  const goals = await data(
    api().GET('/api/v1/organisations/{ref}/goals', { params: { path: { ref: TRUST } } }),
  );
  for (const goal of goals.items) {
    if (goal.requirementId !== null && old.has(goal.requirementId)) {
      await data(
        api().PATCH('/api/v1/goals/{id}', {
          params: { path: { id: goal.id } },
          body: { requirementId: null },
        }),
      );
    }
  }
});

describe('outcome requirements', () => {
  it('a commissioner sets one; the provider links its goals and a project; the commissioner sees only what the provider publishes', async () => {
    const title = `${PREFIX}: four hours ${new Date().toISOString()}`;
    const fourHour = (
      await data(api().GET('/api/v1/measures', { params: { query: { shared: 'true', limit: 500 } } }))
    ).items.find((m) => m.code === 'ae-4-hour')!;
    expect(fourHour).toBeDefined();

    // 1. The commissioner sets the requirement.
    const icb = await openPage(`/organisations/${ICB}/requirements`, { as: COMMISSIONER });
    await icb.getByRole('button', { name: 'Set an outcome requirement' }).click();
    const form = icb.getByRole('form', { name: /requirement/i });
    await form.getByLabel('Provider’s ODS code').fill(TRUST);
    await form.getByLabel('Measure', { exact: true }).selectOption(fourHour.id);
    await form.getByLabel('Requirement', { exact: true }).fill(title);
    await form.getByLabel('Target (%)').fill('90');
    await form.getByLabel('Due by').fill('2027-03-31');
    await checkAccessibility(icb, 'set a requirement');
    await form.getByRole('button', { name: 'Set the requirement' }).click();
    await requirementCard(icb, title).waitFor();
    const requirement = (
      await data(
        api().GET('/api/v1/organisations/{ref}/requirements/received', { params: { path: { ref: TRUST } } }),
      )
    ).items.find((r) => r.title === title)!;
    expect(requirement).toMatchObject({ target: 0.9, dueBy: '2027-03-31', commissioner: { odsCode: ICB } });

    // 2. RF4's QI lead links a public goal and an internal one to it.
    const trust = await openPage(`/organisations/${TRUST}/requirements`, { as: DEMO_ANALYST });
    const card = requirementCard(trust, title);
    for (const goal of [PUBLIC_GOAL, INTERNAL_GOAL]) {
      await card.getByLabel(`Link one of your goals to “${title}”`).selectOption({ label: goal });
      await card.getByRole('button', { name: 'Link the goal', exact: true }).click();
      await card.locator('li.gs-goal strong').filter({ hasText: goal }).waitFor();
      // Every read after the change has landed: the goal is no longer offered.
      await card.locator('option', { hasText: goal }).waitFor({ state: 'detached' });
    }
    await checkAccessibility(trust, 'requirements received, goals linked');

    // ... and, from an internal project's page, the project.
    const project = await data(
      api().POST('/api/v1/organisations/{ref}/projects', {
        params: { path: { ref: TRUST } },
        body: { title: `${PREFIX} project ${new Date().toISOString()}`, visibility: 'internal' },
      }),
    );
    const projectPage = await openPage(`/projects/${project.id}`, { as: DEMO_ANALYST });
    const linker = projectPage.getByRole('form', { name: 'Link a commissioner’s requirement' });
    await linker.getByLabel('Requirement', { exact: true }).selectOption(requirement.id);
    await linker.getByRole('button', { name: 'Link the requirement' }).click();
    await projectPage.getByText(`Linked the requirement ${title}.`).waitFor();
    await projectPage
      .getByRole('region', { name: 'Commissioners’ requirements it answers' })
      .getByRole('link', { name: title })
      .waitFor();
    await checkAccessibility(projectPage, 'project linked to a requirement');

    // 3. The commissioner sees the public goal, not the internal one nor the internal project.
    const seen = await openPage(`/organisations/${ICB}/requirements`, { as: COMMISSIONER });
    const progress = requirementCard(seen, title);
    await progress.locator('li.gs-goal strong').filter({ hasText: PUBLIC_GOAL }).waitFor();
    const text = (await progress.textContent()) ?? '';
    expect(text).not.toContain(INTERNAL_GOAL);
    expect(text).not.toContain(project.title);
    expect(text).toContain('No projects that you can see are linked to it.');
    await checkPage(seen, 'requirement progress seen by the commissioner');
    expect(pageErrors(seen)).toEqual([]);

    // Once RF4 makes the project public, the commissioner sees it too.
    const visibility = projectPage.getByRole('form', { name: 'Who may see the project' });
    await visibility.getByLabel('Public').check();
    await visibility.getByRole('button', { name: 'Save who may see it' }).click();
    await projectPage.getByText('The project is now public.').waitFor();
    const again = await openPage(`/organisations/${ICB}/requirements`, { as: COMMISSIONER });
    await requirementCard(again, title).getByRole('link', { name: project.title }).waitFor();
    expect(await requirementCard(again, title).textContent()).not.toContain(INTERNAL_GOAL);
    expect(pageErrors(projectPage)).toEqual([]);
  }, 300_000);
});
