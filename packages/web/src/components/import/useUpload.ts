/**
 * @module components/import/useUpload
 * Sending a file and following it: bytes sent, then the server reading and checking it; the
 * server's refusal if it refuses it. Remembers the upload's sample rows and suggested mapping for
 * the mapping step (even after a refresh).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { remember, uploadFile, UploadFailure } from './api';
import type { Uploaded, UploadRequest } from './api';

export type UploadState =
  | { readonly phase: 'idle' }
  | { readonly phase: 'sending'; readonly fileName: string; readonly sent: number; readonly total: number }
  | { readonly phase: 'reading'; readonly fileName: string };

export interface UseUpload {
  readonly state: UploadState;
  readonly error: UploadFailure | null;
  /** Uploads; resolves with the upload, or null when it failed (see `error`). */
  readonly upload: (request: Omit<UploadRequest, 'onProgress' | 'signal'>) => Promise<Uploaded | null>;
  readonly clearError: () => void;
}

export function useUpload(): UseUpload {
  const [state, setState] = useState<UploadState>({ phase: 'idle' });
  const [error, setError] = useState<UploadFailure | null>(null);
  const controller = useRef<AbortController | null>(null);
  // Leaving the page cancels an upload in flight.
  useEffect(
    () => () => {
      controller.current?.abort();
    },
    [],
  );
  const upload = useCallback(async (request: Omit<UploadRequest, 'onProgress' | 'signal'>) => {
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    setError(null);
    setState({ phase: 'sending', fileName: request.fileName, sent: 0, total: request.file.size });
    try {
      const uploaded = await uploadFile({
        ...request,
        signal: abort.signal,
        onProgress: (sent, total) => {
          setState(
            sent >= total
              ? { phase: 'reading', fileName: request.fileName }
              : { phase: 'sending', fileName: request.fileName, sent, total },
          );
        },
      });
      remember(uploaded.import.id, { sample: uploaded.sample, suggestedMapping: uploaded.suggestedMapping });
      return uploaded;
    } catch (caught) {
      if (!abort.signal.aborted) {
        setError(
          caught instanceof UploadFailure
            ? caught
            : new UploadFailure(0, 'internal', String(caught), null, null),
        );
      }
      return null;
    } finally {
      if (controller.current === abort) controller.current = null;
      setState({ phase: 'idle' });
    }
  }, []);
  const clearError = useCallback(() => {
    setError(null);
  }, []);
  return { state, error, upload, clearError };
}
