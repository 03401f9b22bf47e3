// @vitest-environment jsdom
import {
  anIdea,
  apiError,
  fakeApi,
  IDEA_ID,
  json,
  ORGANISATION,
  renderPage,
  sessionOf,
  SIGNED_OUT,
  UNITS,
  WARD_ID,
  withRole,
} from '../components/ideas/test-support';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SubmitIdeaInput } from '../components/ideas/data';
import NewIdeaPage from './NewIdeaPage';

const POST = '/api/v1/organisations/RF4/ideas';

beforeEach(() => {
  fakeApi.reset();
  fakeApi.on('GET', '/api/v1/auth/session', () => sessionOf(withRole('staff')));
  fakeApi.on('GET', '/api/v1/organisations/RF4', () => ORGANISATION);
  fakeApi.on('GET', '/api/v1/organisations/RF4/units', () => UNITS);
  fakeApi.on('POST', POST, (request) => {
    const body = request.body as SubmitIdeaInput;
    return json(
      201,
      anIdea({
        problem: body.problem,
        proposal: body.proposal,
        anonymous: body.anonymous,
        author: body.anonymous ? 'Anonymous' : 'Demo QI lead',
        mine: !body.anonymous,
        voteCount: 0,
      }),
    );
  });
});
afterEach(cleanup);

const render = (): ReturnType<typeof renderPage> =>
  renderPage(<NewIdeaPage />, '/organisations/RF4/ideas/new', '/organisations/:ref/ideas/new');

async function fill(problem: string, proposal: string): Promise<void> {
  fireEvent.change(await screen.findByLabelText('The problem'), { target: { value: problem } });
  fireEvent.change(screen.getByLabelText('Your idea'), { target: { value: proposal } });
}

describe('NewIdeaPage', () => {
  it('needs the problem and the proposal before anything is sent', async () => {
    render();
    fireEvent.click(await screen.findByRole('button', { name: 'Submit the idea' }));
    const summary = await screen.findByRole('link', { name: 'Describe the problem' });
    expect(summary.getAttribute('href')).toBe('#idea-problem');
    expect(screen.getByRole('link', { name: 'Say what you propose' }).getAttribute('href')).toBe(
      '#idea-proposal',
    );
    expect(screen.getByLabelText('The problem').getAttribute('aria-describedby')).toContain(
      'idea-problem-error',
    );
    expect(fakeApi.calls('POST', POST)).toHaveLength(0);
  });

  it('submits an anonymous idea for a unit, explains honestly what anonymous means, and links to the idea', async () => {
    render();
    const anonymous = await screen.findByLabelText('Submit anonymously');
    const explanation = document.getElementById(anonymous.getAttribute('aria-describedby')!)!;
    expect(explanation.textContent).toContain('Your name is not stored with the idea');
    expect(explanation.textContent).toContain('administrators included');
    expect(explanation.textContent).toContain('you will not be told when its status changes');
    await fill('  Keys are with the nurse in charge at night.  ', 'A second set of keys for the coordinator');
    await screen.findByRole('option', { name: '— Ward 10' });
    fireEvent.change(screen.getByLabelText('Unit'), { target: { value: WARD_ID } });
    fireEvent.click(anonymous);
    fireEvent.click(screen.getByRole('button', { name: 'Submit the idea' }));

    await screen.findByRole('heading', { name: 'Idea submitted' });
    expect(fakeApi.calls('POST', POST)[0]!.body).toEqual({
      problem: 'Keys are with the nurse in charge at night.',
      proposal: 'A second set of keys for the coordinator',
      unitId: WARD_ID,
      anonymous: true,
    });
    expect(screen.getByRole('link', { name: 'See your idea' }).getAttribute('href')).toBe(
      `/ideas/${IDEA_ID}`,
    );
    expect(document.body.textContent).toContain('you will not be told when its status changes');
    expect(screen.queryByRole('link', { name: 'notifications' })).toBeNull();
    await waitFor(() => {
      expect(document.activeElement?.className).toContain('nhsuk-panel');
    });
  });

  it('submits a named idea for the whole organisation, and says the author will be notified', async () => {
    render();
    await fill('Handover runs late.', 'Start the night handover at the bedside');
    fireEvent.click(screen.getByRole('button', { name: 'Submit the idea' }));
    await screen.findByRole('heading', { name: 'Idea submitted' });
    expect(fakeApi.calls('POST', POST)[0]!.body).toEqual({
      problem: 'Handover runs late.',
      proposal: 'Start the night handover at the bedside',
      unitId: null,
      anonymous: false,
    });
    expect(screen.getByRole('link', { name: 'notifications' }).getAttribute('href')).toBe('/notifications');
    fireEvent.click(screen.getByRole('button', { name: 'Submit another idea' }));
    expect((await screen.findByLabelText<HTMLTextAreaElement>('The problem')).value).toBe('');
  });

  it('puts the server’s refusal on the field it names', async () => {
    fakeApi.on('POST', POST, () =>
      apiError(404, 'not_found', 'the unit does not exist in this organisation', { field: 'unitId' }),
    );
    render();
    await fill('A problem.', 'A proposal');
    fireEvent.click(await screen.findByRole('button', { name: 'Submit the idea' }));
    const link = await screen.findByRole('link', { name: 'the unit does not exist in this organisation' });
    expect(link.getAttribute('href')).toBe('#idea-unit');
  });

  it('asks someone signed out to sign in, and someone of another organisation for the role', async () => {
    fakeApi.on('GET', '/api/v1/auth/session', () => SIGNED_OUT);
    render();
    expect(await screen.findByRole('link', { name: 'Sign in to submit an idea' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Submit the idea' })).toBeNull();
    cleanup();
    const other = withRole('staff', '00000000-0000-4000-8000-0000000000aa');
    fakeApi.on('GET', '/api/v1/auth/session', () =>
      sessionOf({ ...other, memberships: other.memberships.map((m) => ({ ...m, odsCode: 'RQM' })) }),
    );
    render();
    expect((await screen.findByText(/You need the role of/)).textContent).toContain('to submit an idea');
  });
});
