// @vitest-environment jsdom
import {
  aProject,
  CSRF,
  currentUrl,
  fakeApi,
  json,
  PROJECT_ID,
  renderPage,
  sessionOf,
  SIGNED_IN,
  SIGNED_OUT,
  USER,
} from '../components/projects/test-support';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setCsrfToken } from '../api/client';
import type { Project } from '../components/projects/data';
import ProjectPage from './ProjectPage';

let project: Project;

beforeEach(() => {
  fakeApi.reset();
  setCsrfToken(null);
  project = aProject();
  fakeApi.on('GET', '/api/v1/auth/session', () => SIGNED_IN);
  fakeApi.on('GET', '/api/v1/projects/:id', () => project);
  fakeApi.on('GET', '/api/v1/organisations/RF4/dashboard', () => ({ series: [] }));
  fakeApi.on('GET', '/api/v1/organisations/RF4/goals', () => ({ items: GOALS }));
});

const GOALS = [
  { id: '75000000-0000-4000-8000-000000000001', title: 'Halve falls with harm by March 2027' },
  { id: '75000000-0000-4000-8000-000000000002', title: 'Four-hour standard at 95%' },
];
afterEach(cleanup);

const render = (): ReturnType<typeof renderPage> =>
  renderPage(<ProjectPage />, `/projects/${PROJECT_ID}`, '/projects/:id');

describe('ProjectPage', () => {
  it('tells the story: aim, stage and team, diagram as lists, cycles, the chart with the cycles marked', async () => {
    render();
    await screen.findByRole('heading', { level: 1, name: /Fewer falls at night/ });
    expect(
      screen.getByText('Reduce falls at night by 30% by 31 March 2027', { selector: 'p.nhsuk-body-l' }),
    ).toBeTruthy();
    expect(screen.getByText('Demo QI lead (lead)')).toBeTruthy();
    const primary = screen.getByRole('region', { name: 'Primary drivers' });
    expect(within(primary).getAllByRole('listitem')[0]!.textContent).toContain('Safe staffing at night');
    expect(within(primary).getAllByRole('listitem')[0]!.textContent).toContain(
      'Handover includes falls risk',
    );
    expect(screen.getByRole('heading', { name: 'PDSA 1: Night huddle (adopt)' })).toBeTruthy();
    // The chart: the cycle on its point (a numbered badge whose title names it), the other listed apart.
    const chart = screen.getByRole('region', { name: /Inpatient falls/ });
    const badges = [...chart.querySelectorAll('svg .annotation title')].map((t) => t.textContent);
    expect(badges).toEqual(['Note 1: PDSA 1: Night huddle (adopt)']);
    expect(chart.textContent).toContain('10 February 2026: PDSA 1: Night huddle (adopt)');
    expect(chart.textContent).toContain('Outside the chart’s periods so far');
    expect(chart.textContent).toContain('PDSA 2: Later test');
    const download = screen.getByRole('link', { name: 'Download the driver diagram (SVG)' });
    expect(download.getAttribute('href')).toBe(`/api/v1/projects/${PROJECT_ID}/driver-diagram.svg`);
  });

  it('lets the lead change the stage, and publish a finished project with lessons', async () => {
    fakeApi.on('PATCH', '/api/v1/projects/:id', (request) => {
      project = { ...project, ...(request.body as Partial<Project>) };
      return project;
    });
    fakeApi.on('POST', '/api/v1/projects/:id/publish', () => {
      project = { ...project, publishedAt: '2026-11-26T09:00:00.000Z' };
      return project;
    });
    render();
    await screen.findByRole('heading', { level: 1, name: /Fewer falls at night/ });
    expect(screen.queryByRole('button', { name: 'Publish to the library' })).toBeNull();
    fireEvent.change(await screen.findByLabelText('Stage'), { target: { value: 'complete' } });
    fireEvent.click(screen.getByRole('button', { name: 'Change the stage' }));
    await waitFor(() => {
      expect(fakeApi.calls('PATCH', `/api/v1/projects/${PROJECT_ID}`)[0]?.body).toEqual({
        stage: 'complete',
      });
    });
    expect(fakeApi.calls('PATCH', `/api/v1/projects/${PROJECT_ID}`)[0]!.headers.get('X-CSRF-Token')).toBe(
      CSRF,
    );
    const lessons = await screen.findByLabelText('What the team learned');
    fireEvent.change(lessons, { target: { value: 'Huddles work.' } });
    fireEvent.change(screen.getByLabelText('Topics'), { target: { value: 'Falls, Night staffing, falls' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the lessons and topics' }));
    await waitFor(() => {
      expect(fakeApi.calls('PATCH', `/api/v1/projects/${PROJECT_ID}`)[1]?.body).toEqual({
        lessons: 'Huddles work.',
        topics: ['falls', 'night staffing'],
      });
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Publish to the library' }));
    expect(await screen.findByRole('button', { name: 'Take it out of the library' })).toBeTruthy();
    expect(fakeApi.calls('POST', `/api/v1/projects/${PROJECT_ID}/publish`)).toHaveLength(1);
  });

  it('lets the lead link the project to a goal of the organisation, and unlink it', async () => {
    fakeApi.on('PUT', '/api/v1/projects/:id/goals/:goalId', () => {
      project = { ...project, goals: [{ ...GOALS[0]!, target: 0.5, deadline: '2027-03-31' }] };
      return project;
    });
    fakeApi.on('DELETE', '/api/v1/projects/:id/goals/:goalId', () => {
      project = { ...project, goals: [] };
      return project;
    });
    render();
    await screen.findByRole('heading', { level: 1, name: /Fewer falls at night/ });
    const form = await screen.findByRole('form', { name: 'Link a goal' });
    fireEvent.click(within(form).getByRole('button', { name: 'Link the goal' }));
    await waitFor(() => {
      expect(form.querySelector('.nhsuk-error-message')?.textContent).toContain('Choose a goal');
    });
    expect(fakeApi.calls('PUT', `/api/v1/projects/${PROJECT_ID}/goals/${GOALS[0]!.id}`)).toHaveLength(0);
    await within(form).findByRole('option', { name: GOALS[0]!.title });
    fireEvent.change(within(form).getByLabelText('Goal'), { target: { value: GOALS[0]!.id } });
    fireEvent.click(within(form).getByRole('button', { name: 'Link the goal' }));
    expect(await screen.findByRole('button', { name: `Unlink the goal ${GOALS[0]!.title}` })).toBeTruthy();
    expect(fakeApi.calls('PUT', `/api/v1/projects/${PROJECT_ID}/goals/${GOALS[0]!.id}`)).toHaveLength(1);
    // A linked goal is no longer offered.
    expect(within(form).queryByRole('option', { name: GOALS[0]!.title })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: `Unlink the goal ${GOALS[0]!.title}` }));
    expect(await screen.findByText('It serves none of the organisation’s goals yet.')).toBeTruthy();
    expect(fakeApi.calls('DELETE', `/api/v1/projects/${PROJECT_ID}/goals/${GOALS[0]!.id}`)).toHaveLength(1);
  });

  it('lets the lead change the title, problem and aim', async () => {
    fakeApi.on('PATCH', '/api/v1/projects/:id', (request) => {
      const body = request.body as {
        title: string;
        aimWhat: string;
        aimHowMuch: string;
        aimByWhen: string | null;
      };
      project = {
        ...project,
        title: body.title,
        aim: { what: body.aimWhat, howMuch: body.aimHowMuch, byWhen: body.aimByWhen },
      };
      return project;
    });
    render();
    await screen.findByRole('heading', { level: 1, name: /Fewer falls at night/ });
    const form = await screen.findByRole('form', { name: 'Change the title, problem or aim' });
    fireEvent.change(within(form).getByLabelText('Title'), { target: { value: ' ' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save the aim' }));
    expect(await within(form).findByRole('link', { name: 'Enter a title for the project' })).toBeTruthy();
    fireEvent.change(within(form).getByLabelText('Title'), { target: { value: 'No falls at night' } });
    fireEvent.change(within(form).getByLabelText('By how much'), { target: { value: 'by half' } });
    fireEvent.change(within(form).getByLabelText('By when'), { target: { value: '' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save the aim' }));
    await screen.findByRole('heading', { level: 1, name: /No falls at night/ });
    expect(fakeApi.calls('PATCH', `/api/v1/projects/${PROJECT_ID}`)[0]!.body).toEqual({
      title: 'No falls at night',
      problem: 'Falls at night doubled.',
      aimWhat: 'Reduce falls at night',
      aimHowMuch: 'by half',
      aimByWhen: null,
    });
    expect(screen.getByText('Reduce falls at night by half', { selector: 'p.nhsuk-body-l' })).toBeTruthy();
  });

  it('is read-only for someone outside it, who may copy a published project into an organisation of theirs', async () => {
    project = aProject({
      publishedAt: '2026-11-01T09:00:00.000Z',
      stage: 'complete',
      lessons: 'Huddles work.',
    });
    const outsider = {
      ...USER,
      id: '20000000-0000-4000-8000-000000000099',
      memberships: [
        {
          organisationId: 'a0000000-0000-4000-8000-000000000001',
          odsCode: 'RXX',
          organisationName: 'Riverside Trust',
          role: 'staff' as const,
          unitId: null,
        },
        {
          organisationId: 'a0000000-0000-4000-8000-000000000002',
          odsCode: 'RYY',
          organisationName: 'Yonder Trust',
          role: 'improver' as const,
          unitId: null,
        },
      ],
    };
    fakeApi.on('GET', '/api/v1/auth/session', () => sessionOf(outsider));
    fakeApi.on('POST', '/api/v1/library/projects/:id/copy', () =>
      json(201, aProject({ id: '70000000-0000-4000-8000-000000000042' })),
    );
    render();
    await screen.findByRole('heading', { level: 1, name: /Fewer falls at night/ });
    expect(screen.queryByRole('button', { name: /Move up/ })).toBeNull();
    expect(screen.queryByRole('form', { name: 'Add a primary driver' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Record a PDSA cycle/ })).toBeNull();
    expect(screen.getByText('Huddles work.')).toBeTruthy();
    const copy = await screen.findByRole('form', { name: 'Copy to my organisation' });
    fireEvent.change(within(copy).getByLabelText('Organisation'), { target: { value: 'RYY' } });
    fireEvent.click(within(copy).getByRole('button', { name: 'Copy to my organisation' }));
    await waitFor(() => {
      expect(currentUrl(screen as never)).toBe('/projects/70000000-0000-4000-8000-000000000042');
    });
    expect(fakeApi.calls('POST', `/api/v1/library/projects/${PROJECT_ID}/copy`)[0]!.body).toEqual({
      organisationRef: 'RYY',
    });
  });

  it('asks someone signed out to sign in to copy a published project', async () => {
    project = aProject({ publishedAt: '2026-11-01T09:00:00.000Z', stage: 'complete' });
    fakeApi.on('GET', '/api/v1/auth/session', () => SIGNED_OUT);
    render();
    expect(
      await screen.findByRole('link', { name: 'Sign in to copy this project to your organisation' }),
    ).toBeTruthy();
  });

  it('says so when the project cannot be read', async () => {
    fakeApi.on('GET', '/api/v1/projects/:id', () =>
      json(404, { error: { code: 'not_found', message: 'There is no project with this id.' } }),
    );
    render();
    expect((await screen.findByRole('alert')).textContent).toContain('There is no project with this id.');
  });
});
