// @vitest-environment jsdom
import { apiError, aProject, fakeApi, json, PROJECT_ID, renderPage, SIGNED_IN } from './test-support';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NewMeasureForm } from './NewMeasureForm';

const url = `/api/v1/projects/${PROJECT_ID}/measures`;

beforeEach(() => {
  fakeApi.reset();
  fakeApi.on('GET', '/api/v1/auth/session', () => SIGNED_IN);
});
afterEach(cleanup);

const render = (): ReturnType<typeof renderPage> =>
  renderPage(<NewMeasureForm project={aProject()} />, '/p', '/p');

describe('NewMeasureForm', () => {
  it('needs what is measured, then sends the chart kind, direction, unit, frequency and kind', async () => {
    fakeApi.on('POST', url, () => json(201, { seriesId: 'x', measureId: 'y', items: [] }));
    render();
    const form = screen.getByRole('form', { name: 'Create a measure for the project' });
    expect(form.textContent).toContain('It is recorded for Ward 10');
    fireEvent.click(within(form).getByRole('button', { name: 'Create the measure' }));
    expect((await within(form).findAllByText('Enter what is measured')).length).toBeGreaterThan(0);
    expect(fakeApi.calls('POST', url)).toHaveLength(0);
    fireEvent.change(within(form).getByLabelText('What is measured'), {
      target: { value: ' Huddles held at night ' },
    });
    fireEvent.change(within(form).getByLabelText('What kind of number'), { target: { value: 'proportion' } });
    fireEvent.change(within(form).getByLabelText('What the numbers count (optional)'), {
      target: { value: 'nights' },
    });
    fireEvent.change(within(form).getByLabelText('Which way is better'), { target: { value: 'increase' } });
    fireEvent.change(within(form).getByLabelText('How often'), { target: { value: 'day' } });
    fireEvent.change(within(form).getByLabelText('What it shows'), { target: { value: 'process' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Create the measure' }));
    await waitFor(() => {
      expect(fakeApi.calls('POST', url)).toHaveLength(1);
    });
    expect(fakeApi.calls('POST', url)[0]!.body).toEqual({
      name: 'Huddles held at night',
      dataType: 'proportion',
      unitLabel: 'nights',
      direction: 'increase',
      frequency: 'day',
      kind: 'process',
    });
    expect(
      await screen.findByText('Created Huddles held at night as process measure for Ward 10.'),
    ).toBeTruthy();
    expect(within(form).getByLabelText<HTMLInputElement>('What is measured').value).toBe('');
  });

  it('puts the server’s refusal on the field it names', async () => {
    fakeApi.on('POST', url, () =>
      apiError(400, 'invalid_input', 'name must not be blank', { field: 'name' }),
    );
    render();
    const form = screen.getByRole('form', { name: 'Create a measure for the project' });
    fireEvent.change(within(form).getByLabelText('What is measured'), { target: { value: 'x' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Create the measure' }));
    const link = await within(form).findByRole('link', { name: /name must not be blank/ });
    expect(link.getAttribute('href')).toBe('#new-measure-name');
  });
});
