// @vitest-environment jsdom
import { apiError, fakeApi, json, renderPage, sessionOf, USER, withRole } from '../test-support/fake-api';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setCsrfToken } from '../api/client';
import type { Goal } from '../components/goals/goals';
import type { Progress, Requirement } from '../components/goals/requirements';
import {
  FALLS,
  FOUR_HOUR,
  goalList,
  ICB,
  ORG,
  PROGRESS,
  PROJECT,
  REQUIREMENT,
} from '../components/goals/test-support';
import RequirementsPage from './RequirementsPage';

/** The demo QI lead, as a QI lead of the ICB. */
const ICB_LEAD = sessionOf({
  ...USER,
  memberships: [
    {
      organisationId: ICB.id,
      odsCode: ICB.odsCode,
      organisationName: ICB.name,
      role: 'qi_lead',
      unitId: null,
    },
  ],
});
const SHARED = {
  id: FOUR_HOUR.measure.id,
  ownerOrganisationId: null,
  code: 'ae-4-hour',
  name: 'A&E four-hour performance',
  description: '',
  unitLabel: '%',
  dataType: 'proportion',
  chartType: 'p',
  spcOptions: {},
  domain: 'effectiveness',
  owner: null,
  source: null,
  visibility: 'public',
  frequency: 'month',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

let requirements: Requirement[];
let progress: Progress;

beforeEach(() => {
  fakeApi.reset();
  setCsrfToken(null);
  requirements = [REQUIREMENT];
  progress = PROGRESS;
  fakeApi.on('GET', '/api/v1/organisations/QMF', () => ICB);
  fakeApi.on('GET', '/api/v1/organisations/RF4', () => ORG);
  fakeApi.on('GET', '/api/v1/organisations/QMF/requirements', () => ({ items: requirements }));
  fakeApi.on('GET', '/api/v1/organisations/RF4/requirements/received', () => ({ items: requirements }));
  fakeApi.on('GET', '/api/v1/requirements/:id/progress', () => progress);
  fakeApi.on('GET', '/api/v1/measures', () => ({ items: [SHARED], nextCursor: null }));
  fakeApi.on('GET', '/api/v1/organisations/RF4/goals', () => goalList([FOUR_HOUR, FALLS]));
});
afterEach(() => {
  cleanup();
});

const render = (ref: string): ReturnType<typeof renderPage> =>
  renderPage(<RequirementsPage />, `/organisations/${ref}/requirements`, '/organisations/:ref/requirements');

function fill(form: HTMLElement, label: string | RegExp, value: string): void {
  fireEvent.change(within(form).getByLabelText(label), { target: { value } });
}

describe('RequirementsPage for a commissioner', () => {
  it('lists the requirements it set with their progress, saying it sees only what providers publish', async () => {
    fakeApi.on('GET', '/api/v1/auth/session', () => ICB_LEAD);
    render('QMF');
    const heading = await screen.findByRole('heading', { level: 3, name: REQUIREMENT.title });
    expect(screen.getByText(/You see only what each provider publishes to you/)).toBeTruthy();
    const section = heading.closest('section')!;
    await within(section).findByText(PROGRESS.measureProgress!.status.reason);
    expect(section.textContent).toContain('Barking, Havering and Redbridge (RF4)');
    expect(section.textContent).toContain('95% by 31 March 2027');
    expect(section.textContent).toContain('75.2% (Oct 2026)');
    expect(within(section).getAllByText('Off track').length).toBe(2);
    expect(section.textContent).toContain(FOUR_HOUR.title);
    expect(within(section).getByRole('link', { name: PROJECT.title }).getAttribute('href')).toBe(
      `/projects/${PROJECT.id}`,
    );
    // A commissioner links no goals: that is the provider's to do.
    expect(within(section).queryByLabelText(/Link one of your goals/)).toBeNull();
  });

  it('sets a requirement for a provider by ODS code, a percentage target sent as a proportion', async () => {
    fakeApi.on('GET', '/api/v1/auth/session', () => ICB_LEAD);
    fakeApi.on('POST', '/api/v1/organisations/QMF/requirements', (request) => {
      const made = { ...REQUIREMENT, id: 'd0000000-0000-4000-8000-000000000002', title: 'Twelve-hour waits' };
      requirements = [...requirements, made];
      return json(201, { ...made, ...(request.body as object), provider: REQUIREMENT.provider });
    });
    render('QMF');
    fireEvent.click(await screen.findByRole('button', { name: 'Set an outcome requirement' }));
    const form = await screen.findByRole('form', { name: 'Set an outcome requirement' });
    fireEvent.click(within(form).getByRole('button', { name: 'Set the requirement' }));
    await within(form).findByText('There is a problem');
    expect([...form.querySelectorAll('.nhsuk-error-summary a')].map((a) => a.getAttribute('href'))).toEqual([
      '#requirement-provider',
      '#requirement-measure',
      '#requirement-title',
      '#requirement-target',
      '#requirement-due',
    ]);
    fill(form, 'Provider’s ODS code', 'rf4');
    fill(form, 'Measure', SHARED.id);
    fill(form, 'Requirement', 'Twelve-hour waits');
    fill(form, 'Target (%)', '98');
    fill(form, 'Due by', '2027-06-30');
    fireEvent.click(within(form).getByRole('button', { name: 'Set the requirement' }));
    expect(
      await screen.findByText(
        'The requirement “Twelve-hour waits” has been set for Barking, Havering and Redbridge.',
      ),
    ).toBeTruthy();
    expect(fakeApi.calls('POST', '/api/v1/organisations/QMF/requirements')[0]!.body).toEqual({
      provider: 'RF4',
      measureId: SHARED.id,
      title: 'Twelve-hour waits',
      description: '',
      target: 0.98,
      dueBy: '2027-06-30',
    });
  });

  it('names the provider field when the provider has not granted access, and removes only after asking', async () => {
    fakeApi.on('GET', '/api/v1/auth/session', () => ICB_LEAD);
    fakeApi.on('POST', '/api/v1/organisations/QMF/requirements', () =>
      apiError(409, 'conflict', 'the provider has not granted this commissioner access', {
        field: 'provider',
      }),
    );
    fakeApi.on(
      'DELETE',
      '/api/v1/organisations/QMF/requirements/:id',
      () => new Response(null, { status: 204 }),
    );
    render('QMF');
    fireEvent.click(await screen.findByRole('button', { name: 'Set an outcome requirement' }));
    const form = await screen.findByRole('form', { name: 'Set an outcome requirement' });
    fill(form, 'Provider’s ODS code', 'RXX');
    fill(form, 'Measure', SHARED.id);
    fill(form, 'Requirement', 'Anything');
    fill(form, 'Target (%)', '50');
    fill(form, 'Due by', '2027-06-30');
    fireEvent.click(within(form).getByRole('button', { name: 'Set the requirement' }));
    const link = await within(form).findByRole('link', { name: /^Provider: the provider has not granted/ });
    expect(link.getAttribute('href')).toBe('#requirement-provider');
    fireEvent.click(within(form).getByRole('button', { name: 'Cancel' }));

    fireEvent.click(
      await screen.findByRole('button', { name: `Remove the requirement “${REQUIREMENT.title}”` }),
    );
    expect(fakeApi.calls('DELETE', `/api/v1/organisations/QMF/requirements/${REQUIREMENT.id}`)).toHaveLength(
      0,
    );
    requirements = [];
    fireEvent.click(await screen.findByRole('button', { name: 'Yes, remove it' }));
    expect(await screen.findByText(`The requirement “${REQUIREMENT.title}” has been removed.`)).toBeTruthy();
    expect(fakeApi.calls('DELETE', `/api/v1/organisations/QMF/requirements/${REQUIREMENT.id}`)).toHaveLength(
      1,
    );
  });
});

describe('RequirementsPage for a provider', () => {
  it('shows the requirements received and lets a goal manager link a goal to one', async () => {
    fakeApi.on('GET', '/api/v1/auth/session', () => sessionOf(withRole('qi_lead')));
    let linked: Goal | null = null;
    fakeApi.on('PATCH', '/api/v1/goals/:id', (request) => {
      linked = { ...FALLS, requirementId: (request.body as { requirementId: string }).requirementId };
      progress = { ...PROGRESS, goals: [...PROGRESS.goals, linked] };
      return { ...linked, aim: null, parent: null, children: [], projects: [] };
    });
    render('RF4');
    const heading = await screen.findByRole('heading', { level: 3, name: REQUIREMENT.title });
    expect(
      screen.getByText(/A commissioner sees only what Barking, Havering and Redbridge publishes/),
    ).toBeTruthy();
    const section = heading.closest('section')!;
    expect(section.textContent).toContain('North East London ICB (QMF)');
    const select = await within(section).findByLabelText(`Link one of your goals to “${REQUIREMENT.title}”`);
    fireEvent.click(within(section).getByRole('button', { name: 'Link the goal' }));
    expect(await within(section).findByText('Choose the goal that answers this requirement')).toBeTruthy();
    fireEvent.change(select, { target: { value: FALLS.id } });
    fireEvent.click(within(section).getByRole('button', { name: 'Link the goal' }));
    await waitFor(() => {
      expect(section.textContent).toContain(FALLS.title);
    });
    expect(fakeApi.calls('PATCH', `/api/v1/goals/${FALLS.id}`)[0]!.body).toEqual({
      requirementId: REQUIREMENT.id,
    });
    expect(linked).not.toBeNull();
  });

  it('offers staff no linking, and says so', async () => {
    fakeApi.on('GET', '/api/v1/auth/session', () => sessionOf(withRole('staff')));
    render('RF4');
    await screen.findByRole('heading', { level: 3, name: REQUIREMENT.title });
    expect(await screen.findByText(/to link goals to requirements/)).toBeTruthy();
    expect(screen.queryByLabelText(/Link one of your goals/)).toBeNull();
  });
});
