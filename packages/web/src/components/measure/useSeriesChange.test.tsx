// @vitest-environment jsdom
import { answer, SERIES_ID, writes } from './test-support';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiFailure } from '../../api/client';
import { seriesKeys } from './data';
import { useSeriesChange, useSeriesOptionsChange } from './useSeriesChange';
import type { SeriesChange, SeriesChangeOptions } from './useSeriesChange';

const FIELDS = { text: { id: 'note-text', label: 'Note' } };

afterEach(cleanup);

/** The hook in a fresh query cache holding the series' analysis and a dashboard. */
function setup<T>(
  options: Partial<SeriesChangeOptions<string, T>> & Pick<SeriesChangeOptions<string, T>, 'request'>,
): { client: QueryClient; result: { current: SeriesChange<string> } } {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  client.setQueryData(seriesKeys.analysis(SERIES_ID), { stale: false });
  client.setQueryData(['dashboard', 'org'], { stale: false });
  const { result } = renderHook(
    () =>
      useSeriesChange<string, T>({
        seriesId: SERIES_ID,
        done: (_, input) => `Saved ${input}.`,
        fields: FIELDS,
        fallback: 'note-period',
        ...options,
      }),
    { wrapper: ({ children }) => <QueryClientProvider client={client}>{children}</QueryClientProvider> },
  );
  return { client, result };
}

/** Saves 'first', which succeeds, and waits for its message. */
async function saveFirst(result: { current: SeriesChange<string> }): Promise<void> {
  act(() => {
    result.current.save('first');
  });
  await waitFor(() => {
    expect(result.current.done).toBe('Saved first.');
  });
}

describe('useSeriesChange', () => {
  it('on success: says what was done, clears the problems, runs onSaved and reads the series again', async () => {
    const onSaved = vi.fn();
    const request = vi.fn((input: string) => Promise.resolve({ echoed: input }));
    const { client, result } = setup({ request, onSaved });
    act(() => {
      result.current.setProblems([{ id: 'note-text', message: 'Enter the note' }]);
    });
    expect(result.current.errors).toEqual({ 'note-text': 'Enter the note' });
    act(() => {
      expect(result.current.begin()).toBe(true);
      result.current.save('the note');
    });
    await waitFor(() => {
      expect(result.current.done).toBe('Saved the note.');
    });
    expect(result.current.pending).toBe(false);
    expect(result.current.problems).toEqual([]);
    expect(request).toHaveBeenCalledWith('the note', expect.anything());
    expect(onSaved).toHaveBeenCalledWith({ echoed: 'the note' });
    expect(client.getQueryState(seriesKeys.analysis(SERIES_ID))?.isInvalidated).toBe(true);
    expect(client.getQueryState(['dashboard', 'org'])?.isInvalidated).toBe(true);
  });

  it('on failure: puts the API’s issues on their controls (others on the fallback) and drops the success message', async () => {
    let fail = false;
    const { result } = setup({
      request: (input: string) =>
        fail
          ? Promise.reject(
              new ApiFailure(400, 'invalid_input', 'Invalid', [
                { field: 'text', message: 'Too long' },
                { field: 'author', message: 'Required' },
              ]),
            )
          : Promise.resolve(input),
    });
    await saveFirst(result);
    fail = true;
    act(() => {
      result.current.save('second');
    });
    await waitFor(() => {
      expect(result.current.problems).toEqual([
        { id: 'note-text', message: 'Note: Too long' },
        { id: 'note-period', message: 'author: Required' },
      ]);
    });
    expect(result.current.done).toBeNull();
    expect(result.current.errors['note-text']).toBe('Note: Too long');
  });

  it('begin() clears the last message, and refuses a second submission while a change is under way', async () => {
    let settle: (value: string) => void = () => undefined;
    let pending = false;
    const { result } = setup({
      request: (input: string) =>
        pending ? new Promise<string>((resolve) => (settle = resolve)) : Promise.resolve(input),
    });
    await saveFirst(result);
    pending = true;
    act(() => {
      expect(result.current.begin()).toBe(true);
      result.current.save('second');
    });
    await waitFor(() => {
      expect(result.current.pending).toBe(true);
    });
    expect(result.current.done).toBeNull();
    expect(result.current.begin()).toBe(false);
    act(() => {
      settle('second');
    });
    await waitFor(() => {
      expect(result.current.done).toBe('Saved second.');
    });
    expect(result.current.pending).toBe(false);
  });
});

describe('useSeriesOptionsChange', () => {
  it('replaces the series’ own SPC options and says the change’s own message', async () => {
    answer({ [`PATCH /api/v1/series/${SERIES_ID}`]: { id: SERIES_ID } });
    const client = new QueryClient();
    const { result } = renderHook(() => useSeriesOptionsChange(SERIES_ID, {}, 'method-preset'), {
      wrapper: ({ children }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>,
    });
    act(() => {
      result.current.save({ options: { direction: 'decrease' }, message: 'Lower is better now.' });
    });
    await waitFor(() => {
      expect(result.current.done).toBe('Lower is better now.');
    });
    expect(writes().map((c) => [c.method, c.path, c.body])).toEqual([
      ['PATCH', `/api/v1/series/${SERIES_ID}`, { spcOptions: { direction: 'decrease' } }],
    ]);
  });
});
