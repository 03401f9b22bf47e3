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
  USER,
  withRole,
} from '../test-support/fake-api';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../api/client';
import type { Invitation, Member } from '../components/members/members';
import MembersPage from './MembersPage';

const ORG = {
  id: '00000000-0000-4000-8000-0000000000f4',
  odsCode: 'RF4',
  name: 'Barking, Havering and Redbridge',
  kind: 'provider',
  createdAt: '2026-01-01T00:00:00.000Z',
};
const WARD = {
  id: '40000000-0000-4000-8000-000000000001',
  organisationId: ORG.id,
  parentId: null,
  kind: 'ward',
  name: 'Ward 10',
  createdAt: '2026-01-01T00:00:00.000Z',
  children: [],
};
const SELF: Member = {
  userId: USER.id,
  email: USER.email,
  displayName: USER.displayName,
  role: 'administrator',
  unitId: null,
  unitName: null,
  status: 'active',
  platformAdmin: false,
  lastSignInAt: '2026-11-26T09:00:00.000Z',
  joinedAt: '2026-01-01T00:00:00.000Z',
};
const ALICE: Member = {
  ...SELF,
  userId: '50000000-0000-4000-8000-000000000001',
  email: 'alice@example.nhs.uk',
  displayName: 'Alice Nurse',
  role: 'staff',
  lastSignInAt: null,
};
const PENDING: Invitation = {
  id: '60000000-0000-4000-8000-000000000001',
  email: 'bob@example.nhs.uk',
  role: 'improver',
  unitId: null,
  unitName: null,
  invitedBy: 'Demo QI lead',
  createdAt: '2026-11-25T09:00:00.000Z',
  expiresAt: '2026-12-02T09:00:00.000Z',
};
const LINK = 'http://localhost:3000/invitations/the-secret-of-the-link';
const ADMIN = sessionOf(withRole('administrator'));

let members: Member[];
let invitations: Invitation[];

beforeEach(() => {
  fakeApi.reset();
  setCsrfToken(null);
  members = [SELF, ALICE];
  invitations = [PENDING];
  fakeApi.on('GET', '/api/v1/auth/session', () => ADMIN);
  fakeApi.on('GET', '/api/v1/organisations/RF4', () => ORG);
  fakeApi.on('GET', '/api/v1/organisations/RF4/units', () => ({ items: [WARD] }));
  fakeApi.on('GET', '/api/v1/organisations/RF4/members', () => ({ items: members, nextCursor: null }));
  fakeApi.on('GET', '/api/v1/organisations/RF4/invitations', () => ({ items: invitations }));
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const render = (): ReturnType<typeof renderPage> =>
  renderPage(<MembersPage />, '/organisations/RF4/members', '/organisations/:ref/members');

function fill(label: string | RegExp, value: string): void {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

async function memberTable(): Promise<HTMLElement> {
  const heading = await screen.findByRole('heading', { name: 'Members', level: 2 });
  await screen.findByText('Alice Nurse');
  return heading.parentElement!.querySelector<HTMLElement>('table.gs-members')!;
}

describe('MembersPage', () => {
  it('asks someone signed out to sign in, and tells others they need to be an administrator', async () => {
    fakeApi.on('GET', '/api/v1/auth/session', () => SIGNED_OUT);
    render();
    expect(await screen.findByRole('link', { name: 'Sign in to manage its members' })).toBeTruthy();
    cleanup();
    fakeApi.on('GET', '/api/v1/auth/session', () => SIGNED_IN);
    render();
    const needed = await screen.findByText(/You need the role of administrator/);
    expect(needed.textContent).toContain('to manage its members');
    expect(fakeApi.calls('GET', '/api/v1/organisations/RF4/members')).toHaveLength(0);
  });

  it('lists the members with role, account and last sign-in; one’s own row has no actions', async () => {
    render();
    const table = await memberTable();
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(rows[1]!.textContent).toContain('(you)');
    expect(within(rows[1]!).queryAllByRole('button')).toEqual([]);
    expect(rows[2]!.textContent).toContain('alice@example.nhs.uk');
    expect(rows[2]!.textContent).toContain('Never');
    expect(
      within(rows[2]!)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Change role (Alice Nurse)', 'Deactivate (Alice Nurse)', 'Remove (Alice Nurse)']);
    expect(screen.getByText('bob@example.nhs.uk')).toBeTruthy();
  });

  it('filters by text, role and account state', async () => {
    render();
    await memberTable();
    const filters = screen.getByRole('form', { name: 'Filter the members' });
    fireEvent.change(within(filters).getByLabelText('Name or email contains'), { target: { value: 'ali' } });
    fireEvent.change(within(filters).getByLabelText('Role'), { target: { value: 'staff' } });
    fireEvent.change(within(filters).getByLabelText('Account'), { target: { value: 'deactivated' } });
    fireEvent.click(screen.getByRole('button', { name: 'Filter' }));
    await waitFor(() => {
      expect(fakeApi.calls('GET', '/api/v1/organisations/RF4/members').length).toBeGreaterThan(1);
    });
    const last = fakeApi.calls('GET', '/api/v1/organisations/RF4/members').at(-1)!;
    expect(Object.fromEntries(last.query)).toMatchObject({
      search: 'ali',
      role: 'staff',
      status: 'deactivated',
    });
  });

  it('checks the invitation, asks for a unit lead’s unit, and shows the link once with a copy button', async () => {
    fakeApi.on('POST', '/api/v1/organisations/RF4/invitations', (request) => {
      const body = request.body as { email: string; role: Invitation['role']; unitId?: string };
      const made: Invitation = {
        ...PENDING,
        id: '60000000-0000-4000-8000-000000000002',
        email: body.email,
        role: body.role,
        unitId: body.unitId ?? null,
        unitName: body.unitId === undefined ? null : 'Ward 10',
      };
      invitations = [...invitations, made];
      return json(201, { ...made, path: '/invitations/the-secret-of-the-link', url: LINK });
    });
    const writeText = vi.fn<(text: string) => Promise<void>>(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    render();
    await memberTable();
    expect(screen.getByText(/It cannot send email yet/)).toBeTruthy();
    const form = screen.getByRole('form', { name: 'Invite someone' });
    fireEvent.change(within(form).getByLabelText('Role'), { target: { value: 'unit_lead' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Make the invitation link' }));
    await screen.findByText('There is a problem');
    expect(
      [...document.querySelectorAll('.nhsuk-error-summary a')].map((a) => a.getAttribute('href')),
    ).toEqual(['#invite-email', '#invite-unit']);
    expect(fakeApi.calls('POST', '/api/v1/organisations/RF4/invitations')).toHaveLength(0);

    fireEvent.change(within(form).getByLabelText('Email address'), {
      target: { value: 'carol@example.nhs.uk' },
    });
    fireEvent.change(within(form).getByLabelText('Unit they lead'), { target: { value: WARD.id } });
    fireEvent.click(within(form).getByRole('button', { name: 'Make the invitation link' }));
    const heading = await screen.findByRole('heading', { name: 'Invitation link for carol@example.nhs.uk' });
    const call = fakeApi.calls('POST', '/api/v1/organisations/RF4/invitations')[0]!;
    expect(call.headers.get('X-CSRF-Token')).toBe(CSRF);
    expect(call.body).toEqual({ email: 'carol@example.nhs.uk', role: 'unit_lead', unitId: WARD.id });
    const panel = heading.closest('section')!;
    expect(panel.textContent).toContain('Copy the link now: it is shown only once.');
    expect(panel.textContent).toContain('Groundswell cannot send email yet');
    expect(within(panel).getByLabelText<HTMLInputElement>('Invitation link').value).toBe(LINK);
    fireEvent.click(within(panel).getByRole('button', { name: 'Copy the link' }));
    expect(writeText).toHaveBeenCalledWith(LINK);
    // The pending list shows the invitation, never its link.
    await screen.findByText('carol@example.nhs.uk', { selector: 'td > span' });
    const pending = screen.getByRole('heading', { name: 'Pending invitations' }).parentElement!;
    expect(pending.querySelector('table')!.textContent).not.toContain('the-secret-of-the-link');
  });

  it('shows the server’s 409 for someone already a member on the email field', async () => {
    fakeApi.on('POST', '/api/v1/organisations/RF4/invitations', () =>
      apiError(409, 'conflict', 'alice@example.nhs.uk is already a member of Barking.', { field: 'email' }),
    );
    render();
    await memberTable();
    fill('Email address', 'alice@example.nhs.uk');
    fireEvent.click(screen.getByRole('button', { name: 'Make the invitation link' }));
    const link = await screen.findByRole('link', { name: /already a member/ });
    expect(link.getAttribute('href')).toBe('#invite-email');
  });

  it('changes a role, and removes after asking (No puts focus back)', async () => {
    fakeApi.on('PATCH', '/api/v1/organisations/RF4/members/:id', (request) => ({
      ...ALICE,
      ...(request.body as object),
    }));
    fakeApi.on('DELETE', '/api/v1/organisations/RF4/members/:id', () => {
      members = [SELF];
      return { member: ALICE, sessionsEnded: 1 };
    });
    render();
    await memberTable();
    fireEvent.click(screen.getByRole('button', { name: 'Change role (Alice Nurse)' }));
    const form = await screen.findByRole('form', { name: 'Change the role of Alice Nurse' });
    fireEvent.change(within(form).getByLabelText('Role'), { target: { value: 'qi_lead' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save the role' }));
    await screen.findByText('Alice Nurse is now a QI lead.');
    expect(fakeApi.calls('PATCH', `/api/v1/organisations/RF4/members/${ALICE.userId}`)[0]!.body).toEqual({
      role: 'qi_lead',
    });

    fireEvent.click(screen.getByRole('button', { name: 'Remove (Alice Nurse)' }));
    await screen.findByRole('heading', { name: /Remove Alice Nurse\?/ });
    fireEvent.click(screen.getByRole('button', { name: 'No, keep them' }));
    await waitFor(() => {
      expect(document.activeElement?.id).toBe(`member-remove-${ALICE.userId}`);
    });
    expect(fakeApi.calls('DELETE', `/api/v1/organisations/RF4/members/${ALICE.userId}`)).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'Remove (Alice Nurse)' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Yes, remove them' }));
    await screen.findByText('Alice Nurse has been removed.');
    await waitFor(() => {
      expect(screen.queryByText('alice@example.nhs.uk')).toBeNull();
    });
  });

  it('shows the server’s refusal of removing the last administrator in the question', async () => {
    fakeApi.on('DELETE', '/api/v1/organisations/RF4/members/:id', () =>
      apiError(409, 'conflict', 'Alice Nurse is the last administrator of Barking.'),
    );
    render();
    await memberTable();
    fireEvent.click(screen.getByRole('button', { name: 'Remove (Alice Nurse)' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Yes, remove them' }));
    expect((await screen.findByRole('alert')).textContent).toContain('last administrator');
  });

  it('deactivates and reactivates an account after asking', async () => {
    fakeApi.on('POST', '/api/v1/organisations/RF4/members/:id/deactivate', () => {
      members = [SELF, { ...ALICE, status: 'deactivated' }];
      return { member: members[1], sessionsEnded: 2 };
    });
    render();
    await memberTable();
    fireEvent.click(screen.getByRole('button', { name: 'Deactivate (Alice Nurse)' }));
    const question = await screen.findByRole('heading', { name: /Deactivate the account of Alice Nurse\?/ });
    expect(question.closest('section')!.textContent).toContain('API tokens stop working');
    fireEvent.click(screen.getByRole('button', { name: 'Yes, deactivate it' }));
    await screen.findByText('The account of Alice Nurse has been deactivated.');
    expect(await screen.findByRole('button', { name: 'Reactivate (Alice Nurse)' })).toBeTruthy();
  });

  it('withdraws a pending invitation after asking', async () => {
    fakeApi.on('DELETE', '/api/v1/organisations/RF4/invitations/:id', () => {
      invitations = [];
      return PENDING;
    });
    render();
    await memberTable();
    fireEvent.click(screen.getByRole('button', { name: 'Withdraw the invitation of bob@example.nhs.uk' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Yes, withdraw it' }));
    await screen.findByText(/The invitation of bob@example.nhs.uk has been withdrawn/);
    expect(await screen.findByText('There are no pending invitations.')).toBeTruthy();
    expect(
      fakeApi
        .calls('DELETE', `/api/v1/organisations/RF4/invitations/${PENDING.id}`)[0]!
        .headers.get('X-CSRF-Token'),
    ).toBe(CSRF);
  });
});
