// @vitest-environment jsdom
import {
  aProject,
  fakeApi,
  IDEA,
  PRIMARY,
  PRIMARY_2,
  PROJECT_ID,
  renderPage,
  SECONDARY,
  SIGNED_IN,
} from './test-support';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DriverDiagram } from './data';
import { DriverDiagramEditor } from './DriverDiagramEditor';

const diagram: DriverDiagram = aProject().diagram;
const base = `/api/v1/projects/${PROJECT_ID}`;

beforeEach(() => {
  fakeApi.reset();
  fakeApi.on('GET', '/api/v1/auth/session', () => SIGNED_IN);
  fakeApi.on('POST', `${base}/driver-nodes`, (r) => ({
    id: 'new',
    position: 0,
    cycles: 0,
    ...(r.body as object),
  }));
  fakeApi.on('PUT', `${base}/driver-order`, () => diagram);
  fakeApi.on('POST', `${base}/driver-links`, () => diagram);
  fakeApi.on('DELETE', `${base}/driver-links/:from/:to`, () => diagram);
  fakeApi.on('DELETE', `${base}/driver-nodes/:id`, () => diagram);
  fakeApi.on('PATCH', `${base}/driver-nodes/:id`, (r) => ({
    ...diagram.columns.primary[0],
    ...(r.body as object),
  }));
});
afterEach(cleanup);

const render = (editable = true): ReturnType<typeof renderPage> =>
  renderPage(
    <DriverDiagramEditor projectId={PROJECT_ID} diagram={diagram} editable={editable} />,
    '/p',
    '/p',
  );

const status = (): string =>
  [...document.querySelectorAll('[role="status"]')].map((s) => s.textContent).join(' ');

describe('DriverDiagramEditor', () => {
  it('shows three columns as lists with each box’s links in words; read-only without buttons', () => {
    render(false);
    const columns = screen.getAllByRole('region').map((r) => r.getAttribute('aria-labelledby'));
    expect(columns).toEqual(['column-primary', 'column-secondary', 'column-change_idea']);
    const secondary = screen.getByRole('region', { name: 'Secondary drivers' });
    expect(secondary.textContent).toContain('From: Safe staffing at night');
    expect(secondary.textContent).toContain('To change ideas: Night huddle');
    expect(screen.queryAllByRole('button')).toEqual([]);
  });

  it('adds a box linked from one in the column before, and announces it', async () => {
    render();
    const form = screen.getByRole('form', { name: 'Add a change idea' });
    fireEvent.click(within(form).getByRole('button', { name: 'Add the change idea' }));
    expect(await within(form).findByText('Enter the change idea')).toBeTruthy();
    expect(fakeApi.calls('POST', `${base}/driver-nodes`)).toHaveLength(0);
    fireEvent.change(within(form).getByLabelText('New change idea'), { target: { value: 'Bed alarms' } });
    fireEvent.change(within(form).getByLabelText('Linked from (optional)'), { target: { value: SECONDARY } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add the change idea' }));
    await waitFor(() => {
      expect(status()).toContain(
        'Added the change idea “Bed alarms”, linked from “Handover includes falls risk”.',
      );
    });
    expect(fakeApi.calls('POST', `${base}/driver-nodes`)[0]!.body).toEqual({
      kind: 'change_idea',
      text: 'Bed alarms',
      linkFrom: SECONDARY,
    });
  });

  it('moves a box down its column with a button (the first cannot move up)', async () => {
    render();
    expect(
      screen.getByRole<HTMLButtonElement>('button', { name: 'Move up: Safe staffing at night' }).disabled,
    ).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Move down: Safe staffing at night' }));
    await waitFor(() => {
      expect(status()).toContain(
        'Moved “Safe staffing at night” down to position 2 of 2 in primary drivers.',
      );
    });
    expect(fakeApi.calls('PUT', `${base}/driver-order`)[0]!.body).toEqual({
      kind: 'primary',
      ids: [PRIMARY_2, PRIMARY],
    });
    // Focus stays on the box's button, so that the keyboard can move it again.
    await waitFor(() => {
      expect(document.activeElement?.id).toBe(`node-${PRIMARY}-down`);
    });
  });

  it('links and unlinks a box to boxes of the next column with checkboxes', async () => {
    render();
    fireEvent.click(screen.getByRole('button', { name: 'Links: Patients know the risks' }));
    const box = screen.getByRole('group', { name: 'Link “Patients know the risks” to secondary drivers' });
    fireEvent.click(within(box).getByLabelText('Handover includes falls risk'));
    await waitFor(() => {
      expect(fakeApi.calls('POST', `${base}/driver-links`)[0]?.body).toEqual({
        fromId: PRIMARY_2,
        toId: SECONDARY,
      });
    });
    fireEvent.click(screen.getByRole('button', { name: 'Links: Safe staffing at night' }));
    const other = screen.getByRole('group', { name: 'Link “Safe staffing at night” to secondary drivers' });
    const checkbox = within(other).getByLabelText<HTMLInputElement>('Handover includes falls risk');
    expect(checkbox.checked).toBe(true);
    fireEvent.click(checkbox);
    await waitFor(() => {
      expect(fakeApi.calls('DELETE', `${base}/driver-links/${PRIMARY}/${SECONDARY}`)).toHaveLength(1);
    });
    await waitFor(() => {
      expect(status()).toContain(
        'Removed the link from “Safe staffing at night” to “Handover includes falls risk”.',
      );
    });
  });

  it('edits a box’s text, and removes one only after asking', async () => {
    render();
    fireEvent.click(screen.getByRole('button', { name: 'Edit: Night huddle' }));
    const edit = screen.getByRole('form', { name: 'Edit Night huddle' });
    fireEvent.change(within(edit).getByLabelText('Text of the change idea'), {
      target: { value: 'Safety huddle' },
    });
    fireEvent.click(within(edit).getByRole('button', { name: 'Save' }));
    await waitFor(() => {
      expect(fakeApi.calls('PATCH', `${base}/driver-nodes/${IDEA}`)[0]?.body).toEqual({
        text: 'Safety huddle',
      });
    });

    fireEvent.click(screen.getByRole('button', { name: 'Remove: Patients know the risks' }));
    await screen.findByRole('heading', { name: /Remove the primary driver “Patients know the risks”\?/ });
    fireEvent.click(screen.getByRole('button', { name: 'No, keep it' }));
    expect(fakeApi.calls('DELETE', `${base}/driver-nodes/${PRIMARY_2}`)).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'Remove: Patients know the risks' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Yes, remove it' }));
    await waitFor(() => {
      expect(status()).toContain('Removed the primary driver “Patients know the risks”.');
    });
    expect(fakeApi.calls('DELETE', `${base}/driver-nodes/${PRIMARY_2}`)).toHaveLength(1);
  });
});
