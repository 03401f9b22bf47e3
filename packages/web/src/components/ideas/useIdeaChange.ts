/**
 * @module components/ideas/useIdeaChange
 * One change to an idea at a time (a vote, a comment, triage): runs it, reads the idea and the
 * lists again, and says what changed in words for the page's live region; a failure is kept to
 * show.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { refreshIdeas } from './data';

export interface IdeaChange<T> {
  /** Runs `action`; once done, announces `message` (or the words made from its result). Resolves its result, or undefined when it failed. */
  readonly run: (
    action: () => Promise<T>,
    message: string | ((result: T) => string),
  ) => Promise<T | undefined>;
  readonly pending: boolean;
  readonly error: unknown;
  readonly announcement: string;
}

export function useIdeaChange<T = unknown>(): IdeaChange<T> {
  const client = useQueryClient();
  const [announcement, setAnnouncement] = useState('');
  const mutation = useMutation({
    mutationFn: ({ action }: { action: () => Promise<T>; message: string | ((result: T) => string) }) =>
      action(),
    onSuccess: async (result, { message }) => {
      setAnnouncement(typeof message === 'string' ? message : message(result));
      await refreshIdeas(client);
    },
  });
  return {
    run: async (action, message) => {
      if (mutation.isPending) return undefined;
      setAnnouncement('');
      try {
        return await mutation.mutateAsync({ action, message });
      } catch {
        return undefined;
      }
    },
    pending: mutation.isPending,
    error: mutation.isError ? mutation.error : null,
    announcement,
  };
}
