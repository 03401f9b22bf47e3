/**
 * @module components/projects/useProjectChange
 * One change to a project at a time: runs it, reads the project again, and says what changed in
 * words for the page's live region (screen readers hear it); a failure is kept to show.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { refreshProjects } from './data';

export interface ProjectChange {
  /** Runs `action`; once done, announces `message` and reads the project again. Resolves true when it worked. */
  readonly run: (action: () => Promise<unknown>, message: string) => Promise<boolean>;
  readonly pending: boolean;
  readonly error: unknown;
  readonly announcement: string;
  readonly clearError: () => void;
}

export function useProjectChange(): ProjectChange {
  const client = useQueryClient();
  const [announcement, setAnnouncement] = useState('');
  const mutation = useMutation({
    mutationFn: async ({ action }: { action: () => Promise<unknown>; message: string }) => {
      await action();
    },
    onSuccess: (_result, { message }) => {
      setAnnouncement(message);
      // Not awaited: the change is done once the server says so. Awaiting every project query's
      // refetch kept the mutation pending, and a second click meanwhile (the next Remove, say)
      // was silently ignored.
      void refreshProjects(client);
    },
  });
  return {
    run: async (action, message) => {
      if (mutation.isPending) return false;
      setAnnouncement('');
      try {
        await mutation.mutateAsync({ action, message });
        return true;
      } catch {
        return false;
      }
    },
    pending: mutation.isPending,
    error: mutation.isError ? mutation.error : null,
    announcement,
    clearError: () => {
      mutation.reset();
    },
  };
}
