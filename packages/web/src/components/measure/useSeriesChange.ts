/**
 * @module components/measure/useSeriesChange
 * What every form of the measure page does with a change to its series (a note, a ghosted point,
 * a recalculation, a target, the method): sends it, one at a time; then says what was done and
 * reads the series again, or puts the API's problems on the form's fields.
 */
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { SpcOptions } from './data';
import { saveSeriesOptions, useRefresh } from './data';
import { byId, problemsOf } from '../form';
import type { FieldProblem } from '../form';

export interface SeriesChangeOptions<TInput, TResult> {
  /** The series the page shows: read again after the change. */
  readonly seriesId: string;
  /** Sends the change. */
  readonly request: (input: TInput) => Promise<TResult>;
  /** The success message. */
  readonly done: (result: TResult, input: TInput) => string;
  /** Anything else to do on success, before the series is read again (emptying a field). */
  readonly onSaved?: ((result: TResult) => void) | undefined;
  /** The API's fields and the controls that show them, as {@link problemsOf} takes them. */
  readonly fields: Parameters<typeof problemsOf>[1];
  /** The control for a problem with a field the form does not show. */
  readonly fallback: string;
}

export interface SeriesChange<TInput> {
  /** The problems shown: the form's own checks, or the API's. */
  readonly problems: FieldProblem[];
  /** The problems by control id. */
  readonly errors: Record<string, string>;
  /** The success message of the last change, or null. */
  readonly done: string | null;
  /** A change is under way (until the series has been read again). */
  readonly pending: boolean;
  readonly setProblems: (problems: FieldProblem[]) => void;
  /** Starts a submission: false while a change is under way, otherwise clears the success message. */
  readonly begin: () => boolean;
  /** Sends the change. */
  readonly save: (input: TInput) => void;
}

export function useSeriesChange<TInput, TResult>({
  seriesId,
  request,
  done: message,
  onSaved,
  fields,
  fallback,
}: SeriesChangeOptions<TInput, TResult>): SeriesChange<TInput> {
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const refresh = useRefresh(seriesId);
  const mutation = useMutation({
    mutationFn: request,
    onSuccess: async (result, input) => {
      setProblems([]);
      setDone(message(result, input));
      onSaved?.(result);
      await refresh();
    },
    onError: (error) => {
      setDone(null);
      setProblems(problemsOf(error, fields, fallback));
    },
  });
  return {
    problems,
    errors: byId(problems),
    done,
    pending: mutation.isPending,
    setProblems,
    begin: () => {
      if (mutation.isPending) return false;
      setDone(null);
      return true;
    },
    save: (input) => {
      mutation.mutate(input);
    },
  };
}

/** A change to the series' own SPC options, and the success message that says what it did. */
export interface OptionsChange {
  readonly options: SpcOptions | null;
  readonly message: string;
}

/** {@link useSeriesChange} for the forms that replace the series' own SPC options. */
export function useSeriesOptionsChange(
  seriesId: string,
  fields: SeriesChangeOptions<OptionsChange, unknown>['fields'],
  fallback: string,
): SeriesChange<OptionsChange> {
  return useSeriesChange({
    seriesId,
    request: (change: OptionsChange) => saveSeriesOptions(seriesId, change.options),
    done: (_, change) => change.message,
    fields,
    fallback,
  });
}
