// @vitest-environment jsdom
import {
  apiError,
  CSRF,
  fakeApi,
  json,
  renderPage,
  sessionOf,
  SIGNED_IN,
  SIGNED_OUT,
  withRole,
} from '../test-support/fake-api';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setCsrfToken } from '../api/client';
import type { Goal } from '../components/goals/goals';
import {
  AIM,
  DASHBOARD,
  FALLS,
  FOUR_HOUR,
  goalList,
  LOOSE,
  ORG,
  PROJECT,
} from '../components/goals/test-support';
import GoalsPage from './GoalsPage';

const EXECUTIVE = sessionOf(withRole('executive'));
let goals: Goal[];

beforeEach(() => {
  fakeApi.reset();
  setCsrfToken(null);
  goals = [FOUR_HOUR, FALLS, LOOSE];
  fakeApi.on('GET', '/api/v1/auth/session', () => EXECUTIVE);
  fakeApi.on('GET', '/api/v1/organisations/RF4', () => ORG);
  fakeApi.on('GET', '/api/v1/organisations/RF4/aims', () => ({ items: [AIM] }));
  fakeApi.on('GET', '/api/v1/organisations/RF4/goals', () => goalList(goals, { [FOUR_HOUR.id]: [PROJECT] }));
  fakeApi.on('GET', '/api/v1/organisations/RF4/dashboard', () => DASHBOARD);
});
afterEach(() => {
  cleanup();
});

const render = (): ReturnType<typeof renderPage> =>
  renderPage(<GoalsPage />, '/organisations/RF4/goals', '/organisations/:ref/goals');

function fill(form: HTMLElement, label: string | RegExp, value: string): void {
  fireEvent.change(within(form).getByLabelText(label), { target: { value } });
}

function card(title: string): HTMLElement {
  return screen.getByRole('heading', { name: title }).closest('article')!;
}

describe('GoalsPage', () => {
  it('shows a board member the counts by status, each aim and its goals as the cascade, with status and reason', async () => {
    render();
    const aim = await screen.findByRole('heading', { level: 2, name: /Safe, timely and kind care/ });
    expect(screen.getByRole('heading', { level: 1, name: /Goals/ })).toBeTruthy();
    // Counts by status, each in words as well as colour.
    const summary = screen.getByRole('list', { name: /3 goals by status/ });
    expect(
      within(summary)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['0 On track', '1 At risk', '1 Off track', '1 No data']);

    // The aim's section holds the organisation goal, and nested under it the unit goal serving it.
    const section = aim.closest('section')!;
    const top = within(section).getByRole('heading', { level: 3, name: FOUR_HOUR.title });
    const nested = within(section).getByRole('list', { name: `Goals serving “${FOUR_HOUR.title}”` });
    expect(within(nested).getByRole('heading', { level: 4, name: FALLS.title })).toBeTruthy();
    expect(top).toBeTruthy();

    const four = card(FOUR_HOUR.title);
    expect(within(four).getByText('Off track').className).toContain('nhsuk-tag--red');
    expect(four.textContent).toContain(FOUR_HOUR.status.reason);
    expect(four.textContent).toContain('95% by 31 March 2027');
    expect(four.textContent).toContain('75.2% (Oct 2026)');
    expect(four.textContent).toContain('Common cause variation');
    expect(
      within(four)
        .getByRole('link', { name: /A&E four-hour performance/ })
        .getAttribute('href'),
    ).toBe(`/series/${FOUR_HOUR.seriesId}`);
    expect(within(four).getByRole('link', { name: PROJECT.title }).getAttribute('href')).toBe(
      `/projects/${PROJECT.id}`,
    );
    const falls = card(FALLS.title);
    expect(within(falls).getByText('At risk').className).toContain('nhsuk-tag--yellow');
    expect(falls.textContent).toContain('4 falls by 31 March 2027');
    expect(falls.textContent).toContain('None linked');

    // A goal under no aim has its own section; no data is said in words.
    const loose = screen.getByRole('heading', { level: 2, name: 'Goals under no strategic aim' });
    expect(within(loose.closest('section')!).getByText('No data')).toBeTruthy();
    // An executive manages goals.
    expect(screen.getByRole('button', { name: 'Add a goal' })).toBeTruthy();
  });

  it('offers no changes to someone signed out or without the role', async () => {
    fakeApi.on('GET', '/api/v1/auth/session', () => SIGNED_OUT);
    render();
    await screen.findByRole('heading', { level: 3, name: FOUR_HOUR.title });
    expect(await screen.findByRole('link', { name: 'Sign in to add and change goals' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Add a goal|Change|Remove/ })).toBeNull();
    cleanup();
    fakeApi.on('GET', '/api/v1/auth/session', () => sessionOf(withRole('staff')));
    render();
    expect(await screen.findByText(/You need the role of QI lead, executive or administrator/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Remove/ })).toBeNull();
  });

  it('adds a goal on one of the organisation’s series: a percentage target sent as a proportion, the new status shown', async () => {
    fakeApi.on('GET', '/api/v1/auth/session', () => SIGNED_IN);
    const added: Goal = {
      ...FALLS,
      id: '80000000-0000-4000-8000-000000000009',
      parentGoalId: null,
      title: 'Four in five would recommend Ward 12',
      measure: { ...FALLS.measure, name: 'Friends and Family Test: would recommend', dataType: 'proportion' },
      target: 0.8,
      status: { status: 'on_track', code: 'passing', reason: 'The process consistently meets the target.' },
    };
    fakeApi.on('POST', '/api/v1/organisations/RF4/goals', () => {
      goals = [...goals, added];
      return json(201, { ...added, aim: null, parent: null, children: [], projects: [] });
    });
    render();
    fireEvent.click(await screen.findByRole('button', { name: 'Add a goal' }));
    const form = await screen.findByRole('form', { name: 'Add a goal' });
    // Nothing filled in: every problem named, linked to its field, and nothing sent.
    await within(form).findByLabelText('Measure');
    fireEvent.click(within(form).getByRole('button', { name: 'Add the goal' }));
    await within(form).findByText('There is a problem');
    expect([...form.querySelectorAll('.nhsuk-error-summary a')].map((a) => a.getAttribute('href'))).toEqual([
      '#goal-series',
      '#goal-title',
      '#goal-target',
      '#goal-deadline',
    ]);
    expect(fakeApi.calls('POST', '/api/v1/organisations/RF4/goals')).toHaveLength(0);

    fill(form, 'Measure', DASHBOARD.series[0]!.id);
    expect(within(form).getByLabelText('Target (%)')).toBeTruthy();
    fill(form, 'Goal', added.title);
    fill(form, 'Target (%)', '80');
    fill(form, 'Deadline', '2027-03-31');
    fill(form, 'The goal it serves (optional)', FOUR_HOUR.id);
    fireEvent.click(within(form).getByRole('button', { name: 'Add the goal' }));
    expect(
      await screen.findByText(`The goal “${added.title}” has been added: its status is on track.`),
    ).toBeTruthy();
    const call = fakeApi.calls('POST', '/api/v1/organisations/RF4/goals')[0]!;
    expect(call.headers.get('X-CSRF-Token')).toBe(CSRF);
    expect(call.body).toEqual({
      seriesId: DASHBOARD.series[0]!.id,
      title: added.title,
      target: 0.8,
      deadline: '2027-03-31',
      aimId: AIM.id,
      parentGoalId: FOUR_HOUR.id,
      visibility: 'internal',
    });
    // The list is read again: the new goal with its derived status.
    const made = await screen.findByRole('heading', { name: added.title });
    expect(within(made.closest('article')!).getByText('On track')).toBeTruthy();
  });

  it('shows the API’s refusal in an error summary naming the field', async () => {
    fakeApi.on('PATCH', '/api/v1/goals/:id', () =>
      apiError(400, 'invalid_input', 'parentGoalId must be a goal of the organisation as a whole', {
        field: 'parentGoalId',
      }),
    );
    render();

    fireEvent.click(await screen.findByRole('button', { name: `Change the goal “${FALLS.title}”` }));
    const form = await screen.findByRole('form', { name: `Change the goal “${FALLS.title}”` });
    expect(within(form).getByLabelText<HTMLInputElement>('Goal').value).toBe(FALLS.title);
    expect(within(form).getByLabelText<HTMLInputElement>('Target').value).toBe('4');
    fill(form, 'Target', '3');
    fireEvent.click(within(form).getByRole('button', { name: 'Save the goal' }));
    const link = await within(form).findByRole('link', {
      name: /^The goal it serves: parentGoalId must be a goal/,
    });
    expect(link.getAttribute('href')).toBe('#goal-parent');
    expect(fakeApi.calls('PATCH', `/api/v1/goals/${FALLS.id}`)[0]!.body).toMatchObject({
      target: 3,
      parentGoalId: FOUR_HOUR.id,
    });
  });

  it('removes a goal only after asking; “No” sends nothing and gives focus back', async () => {
    fakeApi.on('DELETE', '/api/v1/goals/:id', () => new Response(null, { status: 204 }));
    render();
    const remove = await screen.findByRole('button', { name: `Remove the goal “${LOOSE.title}”` });
    fireEvent.click(remove);
    const question = await screen.findByRole('heading', { name: /Remove the goal “A goal under no aim”\?/ });
    fireEvent.click(within(question.closest('section')!).getByRole('button', { name: 'No, keep it' }));
    await waitFor(() => {
      expect(document.activeElement?.id).toBe(remove.id);
    });
    expect(fakeApi.calls('DELETE', `/api/v1/goals/${LOOSE.id}`)).toHaveLength(0);

    fireEvent.click(screen.getByRole('button', { name: `Remove the goal “${LOOSE.title}”` }));
    fireEvent.click(await screen.findByRole('button', { name: 'Yes, remove the goal' }));
    goals = [FOUR_HOUR, FALLS];
    expect(await screen.findByText(`The goal “${LOOSE.title}” has been removed.`)).toBeTruthy();
    expect(fakeApi.calls('DELETE', `/api/v1/goals/${LOOSE.id}`)).toHaveLength(1);
  });

  it('adds and changes a strategic aim', async () => {
    fakeApi.on('POST', '/api/v1/organisations/RF4/aims', (request) =>
      json(201, { ...AIM, id: '70000000-0000-4000-8000-000000000002', ...(request.body as object) }),
    );
    fakeApi.on('PATCH', '/api/v1/organisations/RF4/aims/:id', (request) => ({
      ...AIM,
      ...(request.body as object),
    }));
    render();
    fireEvent.click(await screen.findByRole('button', { name: 'Add a strategic aim' }));
    let form = await screen.findByRole('form', { name: 'Add a strategic aim' });
    fireEvent.click(within(form).getByRole('button', { name: 'Add the aim' }));
    expect(await within(form).findByRole('link', { name: 'Enter the aim' })).toBeTruthy();
    fill(form, 'Aim', 'Become the safest trust');
    fireEvent.click(within(form).getByRole('button', { name: 'Add the aim' }));
    expect(await screen.findByText('The aim “Become the safest trust” has been added.')).toBeTruthy();
    expect(fakeApi.calls('POST', '/api/v1/organisations/RF4/aims')[0]!.body).toEqual({
      title: 'Become the safest trust',
      description: '',
      visibility: 'internal',
    });

    fireEvent.click(screen.getByRole('button', { name: `Change the aim “${AIM.title}”` }));
    form = await screen.findByRole('form', { name: `Change the aim “${AIM.title}”` });
    fill(form, 'Who can see it', 'internal');
    fireEvent.click(within(form).getByRole('button', { name: 'Save the aim' }));
    await screen.findByText(`The aim “${AIM.title}” has been saved.`);
    expect(fakeApi.calls('PATCH', `/api/v1/organisations/RF4/aims/${AIM.id}`)[0]!.body).toMatchObject({
      visibility: 'internal',
    });
  });
});
