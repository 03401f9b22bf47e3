// @vitest-environment jsdom
import { apiError, aProject, fakeApi, json, PROJECT_ID, renderPage, SIGNED_IN } from './test-support';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TeamSection } from './TeamSection';

const LEAD = '20000000-0000-4000-8000-000000000001';
const AMY = '20000000-0000-4000-8000-0000000000a1';
const BEN = '20000000-0000-4000-8000-0000000000b2';
const project = aProject({
  team: [
    { userId: LEAD, displayName: 'Demo QI lead', role: 'lead' },
    { userId: BEN, displayName: 'Ben Porter', role: 'member' },
  ],
});
const people = [
  { id: LEAD, name: 'Demo QI lead', unit: null },
  { id: AMY, name: 'Amy Nurse', unit: { id: '40000000-0000-4000-8000-000000000001', name: 'Ward 10' } },
  { id: BEN, name: 'Ben Porter', unit: null },
];

beforeEach(() => {
  fakeApi.reset();
  fakeApi.on('GET', '/api/v1/auth/session', () => SIGNED_IN);
  fakeApi.on('GET', '/api/v1/organisations/RF4/people', (request) => {
    const q = (request.query.get('q') ?? '').toLowerCase();
    return { items: people.filter((p) => p.name.toLowerCase().includes(q)) };
  });
});
afterEach(cleanup);

const render = (editable = true): ReturnType<typeof renderPage> =>
  renderPage(<TeamSection project={project} editable={editable} />, '/p', '/p');

describe('TeamSection', () => {
  it('lists the team with their parts, and no controls for those who do not manage the project', () => {
    render(false);
    expect(screen.getByText('Demo QI lead (lead)')).toBeTruthy();
    expect(screen.getByText('Ben Porter (member)')).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
    expect(fakeApi.calls('GET', '/api/v1/organisations/RF4/people')).toHaveLength(0);
  });

  it('finds people by name (not those already in the team) and adds one with a part', async () => {
    fakeApi.on('POST', `/api/v1/projects/${PROJECT_ID}/team`, () => json(201, { items: [] }));
    render();
    const form = screen.getByRole('form', { name: 'Add someone to the team' });
    fireEvent.click(within(form).getByRole('button', { name: 'Add to the team' }));
    expect((await within(form).findAllByText('Choose the person to add')).length).toBeGreaterThan(0);
    fireEvent.change(within(form).getByLabelText('Find a person by name'), { target: { value: 'amy' } });
    await waitFor(() => {
      expect(fakeApi.calls('GET', '/api/v1/organisations/RF4/people').at(-1)!.query.get('q')).toBe('amy');
    });
    const person = within(form).getByLabelText<HTMLSelectElement>('Person');
    await waitFor(() => {
      expect([...person.options].map((o) => o.textContent)).toEqual([
        'Choose one of 1 person',
        'Amy Nurse (Ward 10)',
      ]);
    });
    fireEvent.change(person, { target: { value: AMY } });
    fireEvent.change(within(form).getByLabelText('Their part'), { target: { value: 'coach' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add to the team' }));
    await waitFor(() => {
      expect(fakeApi.calls('POST', `/api/v1/projects/${PROJECT_ID}/team`)).toHaveLength(1);
    });
    expect(fakeApi.calls('POST', `/api/v1/projects/${PROJECT_ID}/team`)[0]!.body).toEqual({
      userId: AMY,
      role: 'coach',
    });
    expect(await screen.findByText('Added Amy Nurse to the team as coach.')).toBeTruthy();
  });

  it('changes a part and removes someone', async () => {
    fakeApi.on('PATCH', `/api/v1/projects/${PROJECT_ID}/team/:user`, () => ({ items: [] }));
    fakeApi.on('DELETE', `/api/v1/projects/${PROJECT_ID}/team/:user`, () => ({ items: [] }));
    render();
    const ben = screen.getByRole('form', { name: 'Ben Porter’s part' });
    fireEvent.change(within(ben).getByLabelText('Ben Porter'), { target: { value: 'sponsor' } });
    fireEvent.click(within(ben).getByRole('button', { name: 'Change the part of Ben Porter' }));
    expect(await screen.findByText('Ben Porter is now sponsor of the project.')).toBeTruthy();
    expect(fakeApi.calls('PATCH', `/api/v1/projects/${PROJECT_ID}/team/${BEN}`)[0]!.body).toEqual({
      role: 'sponsor',
    });
    fireEvent.click(within(ben).getByRole('button', { name: 'Remove Ben Porter from the team' }));
    expect(await screen.findByText('Ben Porter is no longer in the team.')).toBeTruthy();
    expect(fakeApi.calls('DELETE', `/api/v1/projects/${PROJECT_ID}/team/${BEN}`)).toHaveLength(1);
  });

  it('says why the last lead cannot step down', async () => {
    fakeApi.on('DELETE', `/api/v1/projects/${PROJECT_ID}/team/:user`, () =>
      apiError(409, 'conflict', 'a project needs a lead: make someone else its lead first', {
        field: 'userId',
        reason: 'last_lead',
      }),
    );
    render();
    const lead = screen.getByRole('form', { name: 'Demo QI lead’s part' });
    fireEvent.click(within(lead).getByRole('button', { name: 'Remove Demo QI lead from the team' }));
    expect(await screen.findByText(/a project needs a lead: make someone else its lead first/)).toBeTruthy();
    expect(screen.getByText('The team could not be changed')).toBeTruthy();
  });
});
