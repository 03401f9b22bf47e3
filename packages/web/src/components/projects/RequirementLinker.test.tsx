// @vitest-environment jsdom
import { aProject, fakeApi, PROJECT_ID, renderPage, SIGNED_IN } from './test-support';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Requirement } from '../goals/requirements';
import { RequirementLinker } from './RequirementLinker';

const ICB = { id: '00000000-0000-4000-8000-0000000000c1', odsCode: 'DEMOICB', name: 'Demo ICB' };
const RF4 = { id: '00000000-0000-4000-8000-0000000000f4', odsCode: 'RF4', name: 'Barking' };
const requirement = (id: string, title: string): Requirement => ({
  id,
  commissioner: ICB,
  provider: RF4,
  measureId: '22222222-2222-4222-8222-222222222222',
  title,
  description: '',
  target: 0.9,
  dueBy: '2027-03-31',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
});
const A = requirement('80000000-0000-4000-8000-00000000000a', 'Four hours for 90%');
const B = requirement('80000000-0000-4000-8000-00000000000b', 'Fewer falls');
let linked = [A];

beforeEach(() => {
  linked = [A];
  fakeApi.reset();
  fakeApi.on('GET', '/api/v1/auth/session', () => SIGNED_IN);
  fakeApi.on('GET', `/api/v1/projects/${PROJECT_ID}/requirements`, () => ({ items: linked }));
  fakeApi.on('GET', '/api/v1/organisations/RF4/requirements/received', () => ({ items: [A, B] }));
});
afterEach(cleanup);

const render = (editable: boolean): ReturnType<typeof renderPage> =>
  renderPage(<RequirementLinker project={aProject()} editable={editable} />, '/p', '/p');

describe('RequirementLinker', () => {
  it('lists the requirements the project answers; readers without goal.manage get no controls', async () => {
    render(false);
    expect(await screen.findByText('Four hours for 90%')).toBeTruthy();
    expect(screen.getByText(/set by Demo ICB, due by 31 March 2027/)).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
    expect(fakeApi.calls('GET', '/api/v1/organisations/RF4/requirements/received')).toHaveLength(0);
  });

  it('links one of the requirements the organisation received (not those linked) and unlinks', async () => {
    fakeApi.on('PUT', '/api/v1/requirements/:id/projects/:project', () => {
      linked = [A, B];
      return new Response(null, { status: 204 });
    });
    fakeApi.on('DELETE', '/api/v1/requirements/:id/projects/:project', () => {
      linked = [B];
      return new Response(null, { status: 204 });
    });
    render(true);
    const form = screen.getByRole('form', { name: 'Link a commissioner’s requirement' });
    const select = within(form).getByLabelText<HTMLSelectElement>('Requirement');
    await waitFor(() => {
      expect([...select.options].map((o) => o.textContent)).toEqual([
        'Choose a requirement',
        'Fewer falls (Demo ICB, by 31 March 2027)',
      ]);
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Link the requirement' }));
    expect(
      await within(form).findByText('Choose a requirement', {
        selector: '.nhsuk-error-message *, .nhsuk-error-message',
      }),
    ).toBeTruthy();
    fireEvent.change(select, { target: { value: B.id } });
    fireEvent.click(within(form).getByRole('button', { name: 'Link the requirement' }));
    expect(await screen.findByText('Linked the requirement Fewer falls.')).toBeTruthy();
    expect(fakeApi.calls('PUT', `/api/v1/requirements/${B.id}/projects/${PROJECT_ID}`)).toHaveLength(1);
    fireEvent.click(await screen.findByRole('button', { name: 'Unlink the requirement Four hours for 90%' }));
    expect(await screen.findByText('Unlinked the requirement Four hours for 90%.')).toBeTruthy();
    expect(fakeApi.calls('DELETE', `/api/v1/requirements/${A.id}/projects/${PROJECT_ID}`)).toHaveLength(1);
    await waitFor(() => {
      expect(screen.queryByRole('link', { name: 'Four hours for 90%' })).toBeNull();
    });
  });
});
