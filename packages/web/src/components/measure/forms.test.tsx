// @vitest-environment jsdom
import { answer, calls, MEASURE_ID, ORG_ID, renderWithClient, SERIES_ID, writes } from './test-support';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seriesKeys } from './data';
import { valueFormat } from './format';
import { GhostForm } from './GhostForm';
import { MethodForm } from './MethodForm';
import { NoteForm } from './NoteForm';
import { RebaseForm } from './RebaseForm';
import { isoDate, TargetForm } from './TargetForm';

const PERIODS = ['2024-01-01', '2024-02-01', '2024-03-01'];
const PERCENT = valueFormat({ dataType: 'proportion', chartType: 'pp', unitLabel: '%' });
const NATIONAL = {
  id: '66666666-6666-4666-8666-666666666666',
  measureId: MEASURE_ID,
  organisationId: null,
  effectiveFrom: '2016-04-01',
  value: 0.95,
};

beforeEach(() => {
  localStorage.clear();
});
afterEach(cleanup);

/** The error summary's links, and the field each points at. */
function summaryLinks(): [string, string | null][] {
  const summary = screen.getByRole('alert');
  return within(summary)
    .getAllByRole('link')
    .map((a) => [a.textContent, a.getAttribute('href')]);
}

describe('NoteForm', () => {
  it('shows what is missing in an error summary that takes focus, and beside each field', () => {
    answer({});
    renderWithClient(<NoteForm seriesId={SERIES_ID} periods={PERIODS} />);
    fireEvent.click(screen.getByRole('button', { name: 'Add note' }));
    expect(summaryLinks()).toEqual([['Enter the note', '#note-text']]);
    expect(document.activeElement).toBe(screen.getByRole('alert').parentElement);
    const text = screen.getByLabelText('Note');
    expect(text.getAttribute('aria-describedby')).toBe('note-text-hint note-text-error');
    expect(document.getElementById('note-text-error')!.textContent).toBe('Error: Enter the note');
    expect(text.className).toContain('nhsuk-textarea--error');
    // The link moves focus to its field.
    fireEvent.click(within(screen.getByRole('alert')).getByRole('link', { name: 'Enter the note' }));
    expect(document.activeElement).toBe(text);
    expect(writes()).toHaveLength(0);
  });

  it('puts the API’s 400 issues beside their fields', async () => {
    answer({
      [`POST /api/v1/series/${SERIES_ID}/annotations`]: {
        status: 400,
        body: {
          error: {
            code: 'invalid_input',
            message: 'text: Too big',
            details: {
              field: 'text',
              issues: [{ field: 'text', message: 'must be at most 4000 characters' }],
            },
          },
        },
      },
    });
    renderWithClient(<NoteForm seriesId={SERIES_ID} periods={PERIODS} />);
    fireEvent.change(screen.getByLabelText('Note'), { target: { value: 'Ward closed for a deep clean' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add note' }));
    await waitFor(() => {
      expect(summaryLinks()).toEqual([['Note: must be at most 4000 characters', '#note-text']]);
    });
    expect(document.getElementById('note-text-error')!.textContent).toContain(
      'must be at most 4000 characters',
    );
  });

  it('adds the note to the chosen period, says so, and reads the series again', async () => {
    answer({
      [`POST /api/v1/series/${SERIES_ID}/annotations`]: (body: unknown) => ({
        status: 201,
        body: {
          id: '77777777-7777-4777-8777-777777777777',
          seriesId: SERIES_ID,
          authorId: null,
          author: 'Sam Signed-in',
          createdAt: '2024-06-01T00:00:00.000Z',
          ...(body as object),
        },
      }),
    });
    const { client } = renderWithClient(<NoteForm seriesId={SERIES_ID} periods={PERIODS} />);
    client.setQueryData(seriesKeys.analysis(SERIES_ID), { stale: false });
    fireEvent.change(screen.getByLabelText('Period'), { target: { value: '2024-02-01' } });
    fireEvent.change(screen.getByLabelText('Note'), { target: { value: '  New triage model ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add note' }));
    expect(await screen.findByText('Note added to February 2024.')).toBeTruthy();
    expect(writes()).toEqual([
      {
        method: 'POST',
        path: `/api/v1/series/${SERIES_ID}/annotations`,
        search: '',
        body: { period: '2024-02-01', text: 'New triage model' },
      },
    ]);
    expect(client.getQueryState(seriesKeys.analysis(SERIES_ID))?.isInvalidated).toBe(true);
    expect(screen.getByLabelText<HTMLTextAreaElement>('Note').value).toBe('');
  });
});

describe('GhostForm', () => {
  it('ghosts the chosen point, or includes a ghosted one again', async () => {
    answer({
      [`PATCH /api/v1/series/${SERIES_ID}/observations/`]: (body: unknown, path: string) => ({
        period: path.split('/').at(-1),
        value: 3,
        numerator: null,
        denominator: null,
        ghost: (body as { ghost: boolean }).ghost,
        importId: null,
        recordedBy: null,
        recordedAt: '2024-06-01T00:00:00.000Z',
      }),
    });
    const points = [
      { period: '2024-01-01', ghost: false },
      { period: '2024-02-01', ghost: true },
    ];
    renderWithClient(<GhostForm seriesId={SERIES_ID} points={points} />);
    // The latest point is chosen first: it is ghosted, so the button brings it back.
    fireEvent.click(screen.getByRole('button', { name: 'Include this point again' }));
    expect(await screen.findByText('February 2024 is included in the calculations again.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Point'), { target: { value: '2024-01-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Ghost this point' }));
    await screen.findByText(/January 2024 is ghosted/);
    expect(writes().map((c) => [c.method, c.path, c.body])).toEqual([
      ['PATCH', `/api/v1/series/${SERIES_ID}/observations/2024-02-01`, { ghost: false }],
      ['PATCH', `/api/v1/series/${SERIES_ID}/observations/2024-01-01`, { ghost: true }],
    ]);
  });

  it('shows a 404 from the API beside the point', async () => {
    answer({
      [`PATCH /api/v1/series/${SERIES_ID}/observations/`]: {
        status: 404,
        body: {
          error: {
            code: 'not_found',
            message: 'the series has no point for this period',
            details: { field: 'period' },
          },
        },
      },
    });
    renderWithClient(<GhostForm seriesId={SERIES_ID} points={[{ period: '2024-01-01', ghost: false }]} />);
    fireEvent.click(screen.getByRole('button', { name: 'Ghost this point' }));
    await waitFor(() => {
      expect(summaryLinks()).toEqual([['the series has no point for this period', '#ghost-period']]);
    });
    expect(document.getElementById('ghost-period-error')!.textContent).toContain('no point for this period');
  });
});

describe('RebaseForm', () => {
  it('adds a recalculation to this chart’s own options, keeping its other options, and removes one', async () => {
    answer({ [`PATCH /api/v1/series/${SERIES_ID}`]: { id: SERIES_ID } });
    renderWithClient(
      <RebaseForm
        seriesId={SERIES_ID}
        own={{ direction: 'decrease', rebaseAt: ['2024-02-01'] }}
        rebaseAt={['2024-02-01']}
        periods={[...PERIODS, '2024-04-01']}
      />,
    );
    const select = screen.getByLabelText<HTMLSelectElement>('Recalculate the limits from');
    // Neither the first point nor one already recalculated from can be chosen.
    expect([...select.options].map((o) => o.value)).toEqual(['2024-04-01', '2024-03-01']);
    fireEvent.change(select, { target: { value: '2024-03-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Recalculate limits' }));
    await screen.findByText('Limits recalculated from March 2024.');
    fireEvent.click(screen.getByRole('button', { name: 'Remove the recalculation from February 2024' }));
    await screen.findByText('The recalculation from February 2024 is removed.');
    expect(writes().map((c) => c.body)).toEqual([
      { spcOptions: { direction: 'decrease', rebaseAt: ['2024-02-01', '2024-03-01'] } },
      { spcOptions: { direction: 'decrease', rebaseAt: [] } },
    ]);
  });

  it('shows the field the API names (a 400 without a list of issues) beside the point', async () => {
    answer({
      [`PATCH /api/v1/series/${SERIES_ID}`]: {
        status: 400,
        body: {
          error: {
            code: 'invalid_input',
            message: 'Option baseline.points: must be a whole number of at least 12 (got 5)',
            details: { field: 'spcOptions.baseline.points' },
          },
        },
      },
    });
    renderWithClient(<RebaseForm seriesId={SERIES_ID} own={null} rebaseAt={[]} periods={PERIODS} />);
    fireEvent.click(screen.getByRole('button', { name: 'Recalculate limits' }));
    await waitFor(() => {
      expect(summaryLinks()).toEqual([
        ['Option baseline.points: must be a whole number of at least 12 (got 5)', '#rebase-period'],
      ]);
    });
  });
});

describe('MethodForm', () => {
  it('saves the method and direction as this chart’s own, and can go back to the measure’s', async () => {
    answer({ [`PATCH /api/v1/series/${SERIES_ID}`]: { id: SERIES_ID } });
    renderWithClient(
      <MethodForm
        seriesId={SERIES_ID}
        own={{ rebaseAt: ['2024-02-01'], direction: 'increase' }}
        preset="mdc"
        direction="increase"
        shared
      />,
    );
    expect(screen.getByText(/applies to this chart only, not to other organisations’ charts/)).toBeTruthy();
    fireEvent.click(screen.getByLabelText(/^NHS-R/));
    fireEvent.click(screen.getByLabelText('Lower is better'));
    fireEvent.click(screen.getByRole('button', { name: 'Save method and direction' }));
    await screen.findByText(/This chart now uses the NHS-R method, lower is better/);
    fireEvent.click(screen.getByRole('button', { name: 'Use the measure’s method and direction' }));
    await screen.findByText(/uses the measure’s own method and direction again/);
    expect(writes().map((c) => c.body)).toEqual([
      { spcOptions: { rebaseAt: ['2024-02-01'], direction: 'decrease', preset: 'nhsr' } },
      { spcOptions: { rebaseAt: ['2024-02-01'] } },
    ]);
  });

  it('shows a 400 naming spcOptions.direction beside the direction', async () => {
    answer({
      [`PATCH /api/v1/series/${SERIES_ID}`]: {
        status: 400,
        body: {
          error: {
            code: 'invalid_input',
            message: 'spcOptions.direction: Invalid option',
            details: {
              field: 'spcOptions.direction',
              issues: [{ field: 'spcOptions.direction', message: 'Invalid option' }],
            },
          },
        },
      },
    });
    renderWithClient(
      <MethodForm seriesId={SERIES_ID} own={null} preset="mdc" direction="neutral" shared={false} />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Save method and direction' }));
    await waitFor(() => {
      expect(summaryLinks()).toEqual([['Improvement direction: Invalid option', '#method-direction']]);
    });
    const fieldset = screen.getByRole('group', { name: 'Improvement direction' });
    expect(fieldset.getAttribute('aria-describedby')).toBe('method-direction-hint method-direction-error');
    expect(fieldset.closest('.nhsuk-form-group')!.className).toContain('nhsuk-form-group--error');
  });
});

describe('TargetForm', () => {
  const saved = (body: unknown): object => ({
    id: '88888888-8888-4888-8888-888888888888',
    measureId: MEASURE_ID,
    organisationId: null,
    ...(body as object),
  });

  it('sets a shared measure’s target on the organisation’s own timeline, keeping the national steps before it', async () => {
    answer({ [`PUT /api/v1/measures/${MEASURE_ID}/targets`]: saved });
    renderWithClient(
      <TargetForm
        measureId={MEASURE_ID}
        shared
        organisationId={ORG_ID}
        organisationName="Barking Test Trust"
        targets={[NATIONAL]}
        format={PERCENT}
        seriesId={SERIES_ID}
      />,
    );
    fireEvent.change(screen.getByLabelText('Month'), { target: { value: '4' } });
    fireEvent.change(screen.getByLabelText('Year'), { target: { value: '2025' } });
    fireEvent.change(screen.getByLabelText('Target, as a percentage'), { target: { value: '78' } });
    fireEvent.click(screen.getByRole('button', { name: 'Set target' }));
    await screen.findByText('The target is 78% from 1 April 2025.');
    expect(writes().map((c) => c.body)).toEqual([
      { effectiveFrom: '2016-04-01', value: 0.95, organisationId: ORG_ID },
      { effectiveFrom: '2025-04-01', value: 0.78, organisationId: ORG_ID },
    ]);
  });

  it('once the organisation has its own timeline, adds to it; "no target" sends null', async () => {
    answer({ [`PUT /api/v1/measures/${MEASURE_ID}/targets`]: saved });
    renderWithClient(
      <TargetForm
        measureId={MEASURE_ID}
        shared
        organisationId={ORG_ID}
        organisationName="Barking Test Trust"
        targets={[{ ...NATIONAL, organisationId: ORG_ID }]}
        format={PERCENT}
        seriesId={SERIES_ID}
      />,
    );
    fireEvent.change(screen.getByLabelText('Month'), { target: { value: '1' } });
    fireEvent.change(screen.getByLabelText('Year'), { target: { value: '2026' } });
    fireEvent.click(screen.getByLabelText('No target from this date'));
    fireEvent.click(screen.getByRole('button', { name: 'Set target' }));
    await screen.findByText('No target from 1 January 2026.');
    expect(writes().map((c) => c.body)).toEqual([
      { effectiveFrom: '2026-01-01', value: null, organisationId: ORG_ID },
    ]);
  });

  it('an organisation’s own measure sets the measure’s timeline', async () => {
    answer({ [`PUT /api/v1/measures/${MEASURE_ID}/targets`]: saved });
    renderWithClient(
      <TargetForm
        measureId={MEASURE_ID}
        shared={false}
        organisationId={ORG_ID}
        organisationName="Barking Test Trust"
        targets={[]}
        format={valueFormat({ dataType: 'value', chartType: 'xmr', unitLabel: 'falls' })}
        seriesId={SERIES_ID}
      />,
    );
    fireEvent.change(screen.getByLabelText('Month'), { target: { value: '4' } });
    fireEvent.change(screen.getByLabelText('Year'), { target: { value: '2025' } });
    fireEvent.change(screen.getByLabelText('Target (falls)'), { target: { value: '4.5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Set target' }));
    await screen.findByText('The target is 4.5 falls from 1 April 2025.');
    expect(writes().map((c) => c.body)).toEqual([{ effectiveFrom: '2025-04-01', value: 4.5 }]);
  });

  it('refuses a date that does not exist and a percentage over 100, beside the fields', () => {
    answer({});
    renderWithClient(
      <TargetForm
        measureId={MEASURE_ID}
        shared
        organisationId={ORG_ID}
        organisationName={undefined}
        targets={[]}
        format={PERCENT}
        seriesId={SERIES_ID}
      />,
    );
    fireEvent.change(screen.getByLabelText('Day'), { target: { value: '31' } });
    fireEvent.change(screen.getByLabelText('Month'), { target: { value: '2' } });
    fireEvent.change(screen.getByLabelText('Year'), { target: { value: '2025' } });
    fireEvent.change(screen.getByLabelText('Target, as a percentage'), { target: { value: '120' } });
    fireEvent.click(screen.getByRole('button', { name: 'Set target' }));
    expect(summaryLinks().map(([, href]) => href)).toEqual(['#target-day', '#target-value']);
    expect(document.getElementById('target-date-error')!.textContent).toContain('real date');
    expect(document.getElementById('target-value-error')!.textContent).toContain('between 0 and 100');
    expect(calls).toHaveLength(0);
  });
});

describe('isoDate', () => {
  it('reads day, month and year boxes as a real date only', () => {
    expect(isoDate('1', '4', '2025')).toBe('2025-04-01');
    expect(isoDate(' 09', '12 ', '2024')).toBe('2024-12-09');
    expect(isoDate('29', '2', '2023')).toBeNull();
    expect(isoDate('1', '13', '2025')).toBeNull();
    expect(isoDate('1', '4', '25')).toBeNull();
    expect(isoDate('', '4', '2025')).toBeNull();
  });
});
