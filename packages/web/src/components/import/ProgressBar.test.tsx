// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { formatBytes, ProgressBar, progressText } from './ProgressBar';

afterEach(cleanup);

describe('the progress bar', () => {
  it('is a labelled progressbar with its progress in words', () => {
    render(<ProgressBar label="Importing falls.csv" done={4500} total={10000} unit="rows" />);
    const bar = screen.getByRole('progressbar', { name: 'Importing falls.csv' });
    expect(bar.getAttribute('value')).toBe('4500');
    expect(bar.getAttribute('max')).toBe('10000');
    expect(screen.getByRole('status').textContent).toBe('4,500 of 10,000 rows (45%)');
  });

  it('is indeterminate while the total is not known', () => {
    render(<ProgressBar label="Checking" done={1200} total={null} unit="rows" />);
    const bar = screen.getByRole('progressbar', { name: 'Checking' });
    expect(bar.hasAttribute('value')).toBe(false);
    expect(screen.getByRole('status').textContent).toBe('1,200 rows so far');
  });

  it('shows an upload in sizes, never past 100%', () => {
    expect(progressText({ done: 3 * 1024 * 1024, total: 6 * 1024 * 1024, unit: 'bytes' })).toBe(
      '3.0 MB of 6.0 MB (50%)',
    );
    expect(progressText({ done: 700, total: 500, unit: 'rows' })).toBe('500 of 500 rows (100%)');
    expect(formatBytes(512)).toBe('512 bytes');
    expect(formatBytes(34 * 1024)).toBe('34 KB');
  });
});
