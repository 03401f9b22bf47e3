/**
 * @module components/import/api
 * The import API as the wizard uses it: the upload (XMLHttpRequest, whose upload progress fetch
 * cannot report), starting a preview or a commit, discarding an upload, and what an upload's
 * answer leaves to remember across a page refresh (the sample rows and suggested mapping, which
 * `GET /imports/:id` does not repeat).
 */
import { ApiFailure, api, csrfHeaders, data } from '../../api/client';
import type { Schema } from '../../api/client';
import type { ImportMapping } from './mapping';

export type Import = Schema<'Import'>;
export type Uploaded = Schema<'Upload'>;

/** An upload the server refused: its message, and why (`patient_identifier`, `no_header`, …). */
export class UploadFailure extends ApiFailure {
  readonly uploadReason: string | null;
  readonly uploadField: string | null;

  constructor(status: number, code: string, message: string, reason: string | null, field: string | null) {
    super(status, code, message);
    this.name = 'UploadFailure';
    this.uploadReason = reason;
    this.uploadField = field;
  }
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The content type to send, from the file's name. Not the browser's `file.type`: Windows with Excel
 * installed calls a .csv file `application/vnd.ms-excel`, which is the type of the old .xls format.
 */
export function contentTypeOf(fileName: string): string {
  const name = fileName.toLowerCase();
  if (name.endsWith('.xlsx') || name.endsWith('.xlsm')) return XLSX_TYPE;
  if (name.endsWith('.xls')) return 'application/vnd.ms-excel';
  if (name.endsWith('.csv') || name.endsWith('.txt') || name.endsWith('.tsv')) return 'text/csv';
  return 'application/octet-stream';
}

/** True for a file the server reads as a workbook. */
export function isWorkbook(fileName: string): boolean {
  return contentTypeOf(fileName) === XLSX_TYPE;
}

export interface UploadRequest {
  /** The organisation's id or ODS code; null for a national file. */
  readonly organisation: string | null;
  readonly file: Blob;
  readonly fileName: string;
  readonly sheet?: string | undefined;
  /** Bytes sent so far, of how many. */
  readonly onProgress?: ((sent: number, total: number) => void) | undefined;
  readonly signal?: AbortSignal | undefined;
}

interface ErrorBody {
  error?: { code?: string; message?: string; details?: { field?: string; reason?: string } };
}

function failure(status: number, text: string): UploadFailure {
  let body: ErrorBody = {};
  try {
    body = JSON.parse(text) as ErrorBody;
  } catch {
    // Not JSON (a proxy's page): the status says enough.
  }
  const error = body.error ?? {};
  return new UploadFailure(
    status,
    error.code ?? 'http_error',
    error.message ??
      (status === 413
        ? 'The file is too large to upload; split it into smaller files.'
        : `The server answered ${status}.`),
    error.details?.reason ?? null,
    error.details?.field ?? null,
  );
}

/** Uploads a file as the request body; resolves with the upload, rejects with an `UploadFailure`. */
export function uploadFile(request: UploadRequest): Promise<Uploaded> {
  const query = new URLSearchParams({ fileName: request.fileName });
  if (request.sheet !== undefined && request.sheet !== '') query.set('sheet', request.sheet);
  const path =
    request.organisation === null
      ? `/api/v1/imports?${query.toString()}`
      : `/api/v1/organisations/${encodeURIComponent(request.organisation)}/imports?${query.toString()}`;
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('Content-Type', contentTypeOf(request.fileName));
    xhr.setRequestHeader('Accept', 'application/json');
    // A signed-in browser's change needs its session's CSRF token (the client's middleware adds it
    // to fetch requests; this one is XMLHttpRequest, for its upload progress).
    for (const [name, value] of Object.entries(csrfHeaders())) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => {
      request.onProgress?.(event.loaded, event.lengthComputable ? event.total : request.file.size);
    };
    xhr.onload = () => {
      if (xhr.status === 201) {
        try {
          resolve(JSON.parse(xhr.responseText) as Uploaded);
        } catch {
          reject(failure(xhr.status, ''));
        }
      } else {
        reject(failure(xhr.status, xhr.responseText));
      }
    };
    xhr.onerror = () => {
      reject(
        new UploadFailure(
          0,
          'network',
          'The file could not be sent: Groundswell could not be reached. Check your connection and try again.',
          null,
          null,
        ),
      );
    };
    xhr.onabort = () => {
      reject(new UploadFailure(0, 'aborted', 'The upload was cancelled.', null, null));
    };
    request.signal?.addEventListener('abort', () => {
      xhr.abort();
    });
    xhr.send(request.file);
  });
}

/** Starts a preview with the mapping (the import is then `previewing`). */
export function startPreview(id: string, mapping: ImportMapping): Promise<Import> {
  return data(api.POST('/api/v1/imports/{id}/preview', { params: { path: { id } }, body: { mapping } }));
}

/** Starts the commit with the previewed mapping (the import is then `running`). */
export function startCommit(id: string): Promise<Import> {
  return data(api.POST('/api/v1/imports/{id}/commit', { params: { path: { id } }, body: {} }));
}

/** Discards an upload nobody will commit; never fails (an upload left behind does no harm). */
export async function discardUpload(id: string): Promise<void> {
  try {
    await data(api.DELETE('/api/v1/imports/{id}', { params: { path: { id } } }));
  } catch {
    // Already committed, discarded or gone.
  }
}

/** What an upload answered that a refresh cannot get again: the sample rows and the suggested mapping. */
export interface Remembered {
  readonly sample: string[][];
  readonly suggestedMapping: Partial<ImportMapping>;
}

const KEY = (id: string): string => `groundswell:import:${id}`;

export function remember(id: string, remembered: Remembered): void {
  try {
    sessionStorage.setItem(KEY(id), JSON.stringify(remembered));
  } catch {
    // Storage full or disabled: the mapping step shows the columns without sample values.
  }
}

export function recall(id: string): Remembered | null {
  try {
    const text = sessionStorage.getItem(KEY(id));
    return text === null ? null : (JSON.parse(text) as Remembered);
  } catch {
    return null;
  }
}
