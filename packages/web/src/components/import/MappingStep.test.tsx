// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { anImport } from './fixtures';
import type { ImportMapping } from './mapping';
import { MappingStep } from './MappingStep';

afterEach(cleanup);

const SAMPLE = [
  ['2024-01-01', 'Medicine / Ward 10', 'demo-falls', '4', '900'],
  ['2024-02-01', 'Medicine / Ward 10', 'demo-falls', '6', '880'],
];
const MEASURES = [
  { code: 'demo-falls', name: 'Inpatient falls', dataType: 'rate' as const, shared: false },
  { code: 'ae-attendances', name: 'A&E attendances', dataType: 'count' as const, shared: true },
];

function renderStep(
  initial: Partial<ImportMapping> | null,
  onSubmit: (mapping: ImportMapping) => Promise<void> = () => Promise.resolve(),
): void {
  render(
    <MappingStep
      imported={anImport()}
      sample={SAMPLE}
      initial={initial}
      measures={MEASURES}
      units={['Medicine', 'Medicine / Ward 10']}
      onSubmit={onSubmit}
      onStartAgain={() => undefined}
    />,
  );
}

const select = (label: string): HTMLSelectElement => screen.getByLabelText(label, { exact: true });

describe('the mapping step', () => {
  it('shows each column with its first values and the suggested choice', () => {
    renderStep({ period: { column: 'Month' }, measure: { column: 'Measure' }, value: { column: 'Falls' } });
    expect(select('Month').value).toBe('period');
    expect(select('Falls').value).toBe('value');
    expect(select('Bed days').value).toBe('');
    expect(select('Month').getAttribute('aria-describedby')).toBe('column-0-hint');
    expect(screen.getByText(/Column 1 of 5/).closest('div')!.textContent).toContain('2024-01-01, 2024-02-01');
    // A measure column is chosen: no "measure for every row".
    expect(screen.queryByLabelText('Measure for every row')).toBeNull();
  });

  it('sends the mapping chosen, numerator and denominator and a fixed measure included', async () => {
    const onSubmit = vi.fn(() => Promise.resolve());
    renderStep(
      { period: { column: 'Month' }, measure: { column: 'Measure' }, value: { column: 'Falls' } },
      onSubmit,
    );
    fireEvent.change(select('Measure'), { target: { value: '' } });
    fireEvent.change(select('Measure for every row'), { target: { value: 'demo-falls' } });
    expect(screen.getByText(/Inpatient falls is a rate measure: it needs a numerator/)).toBeTruthy();
    fireEvent.change(select('Falls'), { target: { value: 'numerator' } });
    fireEvent.change(select('Bed days'), { target: { value: 'denominator' } });
    fireEvent.change(select('Unit for every row'), { target: { value: 'Medicine / Ward 10' } });
    fireEvent.click(screen.getByRole('button', { name: 'Check the data' }));
    await waitFor(() => {
      expect(onSubmit).toHaveBeenCalledTimes(1);
    });
    expect(onSubmit).toHaveBeenCalledWith({
      period: { column: 'Month' },
      numerator: { column: 'Falls' },
      denominator: { column: 'Bed days' },
      measure: { value: 'demo-falls' },
      unit: { value: 'Medicine / Ward 10' },
    });
  });

  it('lists what is missing in an error summary linking to each field, and beside the fields', () => {
    const onSubmit = vi.fn(() => Promise.resolve());
    renderStep(null, onSubmit);
    fireEvent.click(screen.getByRole('button', { name: 'Check the data' }));
    expect(onSubmit).not.toHaveBeenCalled();
    const summary = screen.getByRole('alert');
    expect(within(summary).getByRole('heading', { name: 'There is a problem' })).toBeTruthy();
    const links = within(summary).getAllByRole('link');
    expect(links.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['Choose the column that holds each row’s period (a date)', '#column-0'],
      ['Choose the column of values, or the numerator and denominator columns', '#column-0'],
      [
        'Choose the column that names each row’s measure, or the measure every row belongs to',
        '#fixed-measure',
      ],
    ]);
    expect(select('Month').getAttribute('aria-describedby')).toBe('column-0-hint column-0-error');
    expect(document.getElementById('fixed-measure-error')!.textContent).toContain(
      'Choose the column that names',
    );
    fireEvent.click(links[2]!);
    expect(document.activeElement).toBe(select('Measure for every row'));
  });

  it('shows the server’s refusal and lets the person try again', async () => {
    const onSubmit = vi.fn(() => Promise.reject(new Error('measure: the file has no column "Measure"')));
    renderStep(
      { period: { column: 'Month' }, measure: { column: 'Measure' }, value: { column: 'Falls' } },
      onSubmit,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Check the data' }));
    expect(await screen.findByText('measure: the file has no column "Measure"')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'The mapping was not accepted' })).toBeTruthy();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Check the data' }).disabled).toBe(false);
  });
});
