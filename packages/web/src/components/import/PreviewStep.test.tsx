// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { anImport, aPreview, badDates } from './fixtures';
import { PreviewStep } from './PreviewStep';

afterEach(cleanup);

function renderPreview(
  preview: ReturnType<typeof aPreview>,
  handlers: Partial<Parameters<typeof PreviewStep>[0]> = {},
): void {
  render(
    <PreviewStep
      imported={anImport({ status: 'previewed', preview })}
      organisation="Barking, Havering and Redbridge (RF4)"
      onChangeMapping={() => undefined}
      onCorrected={() => Promise.resolve()}
      onCommit={() => Promise.resolve()}
      onDiscard={() => undefined}
      {...handlers}
    />,
  );
}

describe('the preview step', () => {
  it('sums up the problems by kind and lists each by row and column', () => {
    const problems = [
      ...badDates(2),
      {
        row: 4,
        column: 'Falls',
        code: 'not_a_number',
        message: 'Row 4, column "Falls": "three" is not a number',
      },
    ];
    renderPreview(aPreview({ problemCount: 3, problems, added: 0, changed: 0 }));
    const summary = screen.getByRole('alert');
    expect(within(summary).getByRole('heading').textContent).toBe('There are 3 problems in the file');
    expect(
      within(summary)
        .getAllByRole('link')
        .map((a) => [a.textContent, a.getAttribute('href')]),
    ).toEqual([
      ['2 periods that are not dates (“Month”)', '#problems'],
      ['1 cell that is not a number (“Falls”)', '#problems'],
    ]);
    const table = screen.getByRole('table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(
      rows.map((row) =>
        within(row)
          .getAllByRole('cell')
          .map((cell) => cell.textContent),
      ),
    ).toEqual([
      ['Row 2', 'Column Month', 'Problem "2024-13-01" is not a date: write 2024-03-01'],
      ['Row 3', 'Column Month', 'Problem "2024-13-02" is not a date: write 2024-03-01'],
      ['Row 4', 'Column Falls', 'Problem "three" is not a number'],
    ]);
    expect(screen.queryByRole('button', { name: 'Import the data' })).toBeNull();
    expect(screen.getByLabelText('Corrected file')).toBeTruthy();
  });

  it('pages through many problems, and says when only the first were kept', () => {
    renderPreview(aPreview({ problemCount: 1500, problems: badDates(60), added: 0, changed: 0 }));
    expect(screen.getByText(/The first 60 of 1,500 problems are listed/)).toBeTruthy();
    expect(within(screen.getByRole('alert')).getByRole('link').textContent).toBe(
      'At least 60 periods that are not dates (“Month”)',
    );
    const firstRow = (): string | null =>
      within(screen.getByRole('table')).getAllByRole('row')[1]!.querySelector('td')!.textContent;
    expect(firstRow()).toBe('Row 2');
    expect(screen.getByText('Showing problems 1 to 25 of 60')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Previous/ })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: /Next page of problems/ }));
    expect(firstRow()).toBe('Row 27');
    fireEvent.click(screen.getByRole('button', { name: /Next page of problems/ }));
    expect(screen.getByText('Showing problems 51 to 60 of 60')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Next page of problems/ })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: /Previous page of problems/ }));
    expect(firstRow()).toBe('Row 27');
  });

  it('goes back to the columns when asked', () => {
    const onChangeMapping = vi.fn();
    renderPreview(aPreview({ problemCount: 1, problems: badDates(1), added: 0, changed: 0 }), {
      onChangeMapping,
    });
    fireEvent.click(screen.getByRole('button', { name: 'Change what the columns hold' }));
    expect(onChangeMapping).toHaveBeenCalledTimes(1);
  });

  it('shows what a clean file will add, change and leave alone, and imports it', () => {
    const onCommit = vi.fn(() => Promise.resolve());
    renderPreview(aPreview({ added: 1234, changed: 1, unchanged: 2 }), { onCommit });
    const facts = Object.fromEntries(
      [...document.querySelectorAll('.nhsuk-summary-list__row')].map((row) => [
        row.querySelector('dt')!.textContent,
        row.querySelector('dd')!.textContent,
      ]),
    );
    expect(facts['Will add']).toBe('1,234 points');
    expect(facts['Will change']).toMatch(/^1 point/);
    expect(facts['Will leave unchanged']).toBe('2 points');
    expect(facts.Periods).toBe('1 Jan 2024 to 1 Apr 2024');
    expect(facts.Organisation).toBe('Barking, Havering and Redbridge (RF4)');
    fireEvent.click(screen.getByRole('button', { name: 'Import the data' }));
    expect(onCommit).toHaveBeenCalledTimes(1);
  });

  it('shows why the import could not start', async () => {
    renderPreview(aPreview(), {
      onCommit: () => Promise.reject(new Error('the import is running already; wait for it to finish')),
    });
    fireEvent.click(screen.getByRole('button', { name: 'Import the data' }));
    expect(await screen.findByText('the import is running already; wait for it to finish')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'The import could not start' })).toBeTruthy();
  });

  it('warns when the same file was imported before', () => {
    renderPreview(
      aPreview({
        added: 0,
        changed: 0,
        unchanged: 4,
        sameFile: [
          {
            importId: '30000000-0000-4000-8000-000000000001',
            fileName: 'falls.csv',
            status: 'succeeded',
            startedAt: '2024-04-02T09:00:00Z',
          },
        ],
      }),
    );
    expect(screen.getByRole('heading', { name: 'This file was imported before' })).toBeTruthy();
    expect(screen.getByText(/imported on 2 Apr 2024/)).toBeTruthy();
    expect(screen.getByText(/importing it changes nothing/)).toBeTruthy();
  });
});
