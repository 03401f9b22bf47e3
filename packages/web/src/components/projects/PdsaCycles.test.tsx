// @vitest-environment jsdom
import {
  apiError,
  aProject,
  CYCLE,
  fakeApi,
  IDEA,
  json,
  PROJECT_ID,
  renderPage,
  SIGNED_IN,
} from './test-support';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PdsaCycles } from './PdsaCycles';

const project = aProject();
const base = `/api/v1/projects/${PROJECT_ID}`;

beforeEach(() => {
  fakeApi.reset();
  fakeApi.on('GET', '/api/v1/auth/session', () => SIGNED_IN);
});
afterEach(cleanup);

const render = (editable = true): ReturnType<typeof renderPage> =>
  renderPage(
    <PdsaCycles
      projectId={PROJECT_ID}
      cycles={project.cycles}
      changeIdeas={project.diagram.columns.change_idea}
      editable={editable}
    />,
    '/p',
    '/p',
  );

describe('PdsaCycles', () => {
  it('lists the cycles in time order with plan, prediction, study and decision', () => {
    render(false);
    const cycle = screen.getByRole('heading', { name: 'PDSA 1: Night huddle (adopt)' }).closest('li')!;
    expect(cycle.textContent).toContain('Prediction');
    expect(cycle.textContent).toContain('Fewer falls');
    expect(cycle.textContent).toContain('Started on10 February 2026');
    expect(cycle.textContent).toContain('DecisionAdopt');
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('records a cycle for a change idea: a title is needed; dates and the decision are sent as null when empty', async () => {
    fakeApi.on('POST', `${base}/change-ideas/:node/cycles`, () => json(201, project.cycles[0]));
    render();
    fireEvent.click(screen.getByRole('button', { name: 'Record a PDSA cycle: Night huddle' }));
    const form = screen.getByRole('form', { name: 'Record a PDSA cycle for “Night huddle”' });
    fireEvent.click(within(form).getByRole('button', { name: 'Record the cycle' }));
    expect((await within(form).findAllByText('Enter a title for the cycle')).length).toBeGreaterThan(0);
    fireEvent.change(within(form).getByLabelText('Title'), { target: { value: 'Second huddle test' } });
    fireEvent.change(within(form).getByLabelText('Prediction'), { target: { value: 'Two fewer falls' } });
    fireEvent.change(within(form).getByLabelText('Started on'), { target: { value: '2026-03-02' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Record the cycle' }));
    await waitFor(() => {
      expect(fakeApi.calls('POST', `${base}/change-ideas/${IDEA}/cycles`)).toHaveLength(1);
    });
    expect(fakeApi.calls('POST', `${base}/change-ideas/${IDEA}/cycles`)[0]!.body).toEqual({
      title: 'Second huddle test',
      plan: '',
      prediction: 'Two fewer falls',
      plannedStart: null,
      doNotes: '',
      startedOn: '2026-03-02',
      study: '',
      act: '',
      decision: null,
      endedOn: null,
    });
    expect(
      await screen.findByText('Recorded the PDSA cycle “Second huddle test” for “Night huddle”.'),
    ).toBeTruthy();
  });

  it('updates a cycle, asks for the study before a decision, and shows the server’s refusal', async () => {
    fakeApi.on('PATCH', `${base}/cycles/:id`, () =>
      apiError(400, 'invalid_input', 'The end must be on or after the start.', { field: 'endedOn' }),
    );
    render();
    fireEvent.click(screen.getByRole('button', { name: 'Update PDSA 1: Night huddle' }));
    const form = screen.getByRole('form', { name: 'Update PDSA 1: Night huddle' });
    fireEvent.change(within(form).getByLabelText('What the data showed, against the prediction'), {
      target: { value: '' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Save the cycle' }));
    expect(
      (await within(form).findAllByText('Write what the study showed before deciding')).length,
    ).toBeGreaterThan(0);
    fireEvent.change(within(form).getByLabelText('What the data showed, against the prediction'), {
      target: { value: 'No falls' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Save the cycle' }));
    const link = await within(form).findByRole('link', { name: /The end must be on or after the start/ });
    expect(link.getAttribute('href')).toBe(`#cycle-${CYCLE}-endedOn`);
  });

  it('deletes a cycle after asking, and keeps it when the answer is no', async () => {
    fakeApi.on('DELETE', `${base}/cycles/:id`, () => new Response(null, { status: 204 }));
    render();
    fireEvent.click(screen.getByRole('button', { name: 'Delete PDSA 1: Night huddle' }));
    expect(screen.getByRole('heading', { name: /Delete PDSA 1: Night huddle\?/ })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'No, keep it' }));
    expect(fakeApi.calls('DELETE', `${base}/cycles/${CYCLE}`)).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'Delete PDSA 1: Night huddle' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, delete the cycle' }));
    expect(
      await screen.findByText('Deleted the PDSA cycle “Night huddle”: it is no longer marked on the charts.'),
    ).toBeTruthy();
    expect(fakeApi.calls('DELETE', `${base}/cycles/${CYCLE}`)).toHaveLength(1);
  });

  it('offers no delete to those who do not work on the project', () => {
    render(false);
    expect(screen.queryByRole('button', { name: /Delete PDSA/ })).toBeNull();
  });
});
