// @vitest-environment jsdom
import {
  anIdeaDetail,
  apiError,
  CSRF,
  fakeApi,
  IDEA_ID,
  json,
  MEDICINE_ID,
  ORG_ID,
  ORGANISATION,
  PROJECT_ID,
  renderPage,
  sessionOf,
  SIGNED_OUT,
  SURGERY_ID,
  USER,
  withRole,
} from '../components/ideas/test-support';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SessionUser } from '../api/session';
import type { IdeaDetail, TriageInput } from '../components/ideas/data';
import IdeaPage from './IdeaPage';

const IDEA = `/api/v1/ideas/${IDEA_ID}`;
let idea: IdeaDetail;

/** A unit lead of `unitId` in RF4. */
function unitLead(unitId: string): SessionUser {
  const [first] = USER.memberships;
  return {
    ...USER,
    displayName: 'Demo ward sister',
    memberships: [{ ...first!, role: 'unit_lead', unitId }],
  };
}

beforeEach(() => {
  fakeApi.reset();
  idea = anIdeaDetail();
  fakeApi.on('GET', '/api/v1/auth/session', () => sessionOf(withRole('staff')));
  fakeApi.on('GET', IDEA, () => idea);
  fakeApi.on('GET', `/api/v1/organisations/${ORG_ID}`, () => ORGANISATION);
  fakeApi.on('GET', `/api/v1/organisations/${ORG_ID}/units`, () => ({
    items: [
      {
        id: MEDICINE_ID,
        organisationId: ORG_ID,
        parentId: null,
        kind: 'division',
        name: 'Medicine',
        createdAt: ORGANISATION.createdAt,
        children: [
          {
            id: idea.unit!.id,
            organisationId: ORG_ID,
            parentId: MEDICINE_ID,
            kind: 'ward',
            name: 'Ward 10',
            createdAt: ORGANISATION.createdAt,
            children: [],
          },
        ],
      },
      {
        id: SURGERY_ID,
        organisationId: ORG_ID,
        parentId: null,
        kind: 'ward',
        name: 'Surgical ward',
        createdAt: ORGANISATION.createdAt,
        children: [],
      },
    ],
  }));
  fakeApi.on('GET', `/api/v1/projects/${PROJECT_ID}`, () => ({
    id: PROJECT_ID,
    title: 'Keys for the night coordinator',
  }));
});
afterEach(cleanup);

const render = (): ReturnType<typeof renderPage> =>
  renderPage(<IdeaPage />, `/ideas/${IDEA_ID}`, '/ideas/:id');

async function heading(): Promise<void> {
  await screen.findByRole('heading', { level: 1, name: /Give a second set of controlled drug keys/ });
}

describe('IdeaPage', () => {
  it('shows the problem, the proposal, the unit, the author and the status, with no triage for staff', async () => {
    render();
    await heading();
    const facts = document.querySelector('main dl.nhsuk-summary-list')!;
    expect(facts.textContent).toContain(idea.problem);
    expect(facts.textContent).toContain(idea.proposal);
    expect(facts.textContent).toContain('UnitWard 10');
    expect(facts.textContent).toContain('Demo ward nurse (staff)');
    expect(screen.getByText('New', { selector: 'strong' })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Votes' }).textContent).toContain('2 votes.');
    expect(screen.getByText('No comments yet.')).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Triage' })).toBeNull();
    expect(screen.queryByText(/You said, we did/)).toBeNull();
    const crumbs = await screen.findByRole('navigation', { name: 'Breadcrumb' });
    expect(within(crumbs).getByRole('link', { name: 'Ideas' }).getAttribute('href')).toBe(
      '/organisations/RF4/ideas',
    );
  });

  it('shows an idea taken forward: the reason for everyone, and the project it became', async () => {
    idea = anIdeaDetail({
      status: 'taken_forward',
      statusReason: 'Pharmacy agreed; we start on Ward 10.',
      triagedAt: '2026-11-24T10:00:00.000Z',
      projectId: PROJECT_ID,
      anonymous: true,
      author: 'Anonymous',
    });
    render();
    await heading();
    expect(screen.getByText('Taken forward', { selector: 'strong' })).toBeTruthy();
    expect(document.body.textContent).toContain('since 24 November 2026');
    expect(document.body.textContent).toContain('You said, we did: Pharmacy agreed; we start on Ward 10.');
    const project = await screen.findByRole('link', { name: 'Keys for the night coordinator' });
    expect(project.getAttribute('href')).toBe(`/projects/${PROJECT_ID}`);
    expect(screen.getByText(/^Anonymous/, { selector: 'dd' })).toBeTruthy();
  });

  it('votes with the CSRF token, then withdraws the vote', async () => {
    fakeApi.on('POST', `${IDEA}/vote`, () => {
      idea = { ...idea, voteCount: 3, votedByMe: true };
      return idea;
    });
    fakeApi.on('DELETE', `${IDEA}/vote`, () => {
      idea = { ...idea, voteCount: 2, votedByMe: false };
      return idea;
    });
    render();
    await heading();
    fireEvent.click(await screen.findByRole('button', { name: 'Vote for this idea' }));
    await screen.findByText('You voted for this idea: it has 3 votes.');
    expect(fakeApi.calls('POST', `${IDEA}/vote`)[0]!.headers.get('X-CSRF-Token')).toBe(CSRF);
    await waitFor(() => {
      expect(screen.getByRole('region', { name: 'Votes' }).textContent).toContain(
        '3 votes, including yours.',
      );
    });
    fireEvent.click(screen.getByRole('button', { name: 'Withdraw your vote' }));
    await screen.findByText('You withdrew your vote: it has 2 votes.');
    expect(fakeApi.calls('DELETE', `${IDEA}/vote`)).toHaveLength(1);
  });

  it('adds a comment signed with one’s name, refusing an empty one', async () => {
    fakeApi.on('POST', `${IDEA}/comments`, (request) => {
      const comment = {
        id: '77000000-0000-4000-8000-000000000001',
        author: 'Demo QI lead',
        text: (request.body as { text: string }).text,
        createdAt: '2026-11-26T09:00:00.000Z',
      };
      idea = { ...idea, commentCount: 1, comments: [comment] };
      return json(201, comment);
    });
    render();
    await heading();
    fireEvent.click(await screen.findByRole('button', { name: 'Add the comment' }));
    expect((await screen.findByRole('link', { name: 'Write your comment' })).getAttribute('href')).toBe(
      '#comment-text',
    );
    expect(fakeApi.calls('POST', `${IDEA}/comments`)).toHaveLength(0);
    fireEvent.change(screen.getByLabelText('Your comment'), {
      target: { value: '  Yes, and the keys log too.  ' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Add the comment' }));
    await screen.findByText('Your comment was added.');
    expect(fakeApi.calls('POST', `${IDEA}/comments`)[0]!.body).toEqual({
      text: 'Yes, and the keys log too.',
    });
    const comments = screen.getByRole('region', { name: 'Comments' });
    await waitFor(() => {
      expect(comments.textContent).toContain('Demo QI lead, 26 Nov 2026');
    });
    expect(comments.textContent).toContain('Yes, and the keys log too.');
    expect(screen.getByLabelText<HTMLTextAreaElement>('Your comment').value).toBe('');
  });

  it('lets a QI lead triage: a reason is needed to decide, and taking it forward can start a project', async () => {
    fakeApi.on('GET', '/api/v1/auth/session', () => sessionOf(withRole('qi_lead')));
    fakeApi.on('POST', `${IDEA}/triage`, (request) => {
      const body = request.body as TriageInput;
      idea = {
        ...idea,
        status: body.status,
        statusReason: body.reason ?? '',
        triagedAt: '2026-11-26T09:00:00.000Z',
        projectId: body.takeForwardAsProject === true ? PROJECT_ID : idea.projectId,
      };
      return idea;
    });
    render();
    await heading();
    const triage = await screen.findByRole('region', { name: 'Triage' });
    expect(within(triage).getByLabelText<HTMLInputElement>('Under review').checked).toBe(true);
    expect(within(triage).queryByLabelText('Start a QI project from this idea')).toBeNull();

    fireEvent.click(within(triage).getByLabelText('Not taken forward'));
    fireEvent.click(within(triage).getByRole('button', { name: 'Save the decision' }));
    expect(
      (
        await within(triage).findByRole('link', {
          name: 'Give a reason for marking the idea not taken forward',
        })
      ).getAttribute('href'),
    ).toBe('#triage-reason');
    expect(fakeApi.calls('POST', `${IDEA}/triage`)).toHaveLength(0);

    fireEvent.click(within(triage).getByLabelText('Taken forward'));
    fireEvent.click(within(triage).getByLabelText('Start a QI project from this idea'));
    fireEvent.change(within(triage).getByLabelText('Reason'), {
      target: { value: 'Pharmacy agreed; Ward 10 tests it first.' },
    });
    fireEvent.click(within(triage).getByRole('button', { name: 'Save the decision' }));
    await within(triage).findByText('The idea is now taken forward. A QI project was started from it.');
    expect(fakeApi.calls('POST', `${IDEA}/triage`)[0]!.body).toEqual({
      status: 'taken_forward',
      reason: 'Pharmacy agreed; Ward 10 tests it first.',
      takeForwardAsProject: true,
    });
    expect(within(triage).getByRole('link', { name: 'Open the new project' }).getAttribute('href')).toBe(
      `/projects/${PROJECT_ID}`,
    );
    expect(
      (await screen.findByRole('link', { name: 'Keys for the night coordinator' })).getAttribute('href'),
    ).toBe(`/projects/${PROJECT_ID}`);
    expect(document.body.textContent).toContain('You said, we did: Pharmacy agreed; Ward 10 tests it first.');
    expect(within(triage).queryByLabelText('Start a QI project from this idea')).toBeNull();
  });

  it('shows the server’s refusal of a triage on the field it names', async () => {
    fakeApi.on('GET', '/api/v1/auth/session', () => sessionOf(withRole('qi_lead')));
    fakeApi.on('POST', `${IDEA}/triage`, () =>
      apiError(409, 'conflict', 'this idea is already a project', { field: 'takeForwardAsProject' }),
    );
    render();
    const triage = await screen.findByRole('region', { name: 'Triage' });
    fireEvent.click(within(triage).getByLabelText('Taken forward'));
    fireEvent.click(within(triage).getByLabelText('Start a QI project from this idea'));
    fireEvent.change(within(triage).getByLabelText('Reason'), { target: { value: 'Yes.' } });
    fireEvent.click(within(triage).getByRole('button', { name: 'Save the decision' }));
    const link = await within(triage).findByRole('link', { name: 'this idea is already a project' });
    expect(link.getAttribute('href')).toBe('#triage-project');
  });

  it('offers triage to the lead of the idea’s unit or a unit above it, not to another unit’s lead', async () => {
    fakeApi.on('GET', '/api/v1/auth/session', () => sessionOf(unitLead(MEDICINE_ID)));
    render();
    await heading();
    expect(await screen.findByRole('region', { name: 'Triage' })).toBeTruthy();
    cleanup();
    fakeApi.on('GET', '/api/v1/auth/session', () => sessionOf(unitLead(SURGERY_ID)));
    render();
    await heading();
    await screen.findByRole('button', { name: 'Vote for this idea' });
    expect(screen.queryByRole('region', { name: 'Triage' })).toBeNull();
  });

  it('says an idea one may not read cannot be found, and asks someone signed out to sign in to vote', async () => {
    fakeApi.on('GET', IDEA, () => apiError(404, 'not_found', 'no idea has this id', { field: 'id' }));
    render();
    expect((await screen.findByRole('alert')).textContent).toContain('no idea has this id');
    cleanup();
    fakeApi.on('GET', IDEA, () => idea);
    fakeApi.on('GET', '/api/v1/auth/session', () => SIGNED_OUT);
    render();
    await heading();
    expect(await screen.findByRole('link', { name: 'Sign in to vote' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Sign in to comment' })).toBeTruthy();
  });
});
