/**
 * @module output/sink
 * Where output goes: standard output, or a file written beside its destination and renamed into
 * place only when complete, so a failure never leaves a half-written file.
 */
import { createWriteStream, openSync, renameSync, rmSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';

export interface Sink {
  /** Queues text; resolves when the stream can take more. */
  write(text: string): Promise<void>;
  /** Flushes and, for a file, moves it into place. */
  commit(): Promise<void>;
  /** Discards a file that was not committed. */
  abort(): void;
}

const FLUSH_AT = 1 << 20;

function bufferedSink(stream: Writable, onCommit: () => Promise<void>, onAbort: () => void): Sink {
  let buffer = '';
  const flush = async (): Promise<void> => {
    if (buffer === '') return;
    const ok = stream.write(buffer);
    buffer = '';
    if (!ok) await once(stream, 'drain');
  };
  return {
    async write(text) {
      buffer += text;
      if (buffer.length >= FLUSH_AT) await flush();
    },
    async commit() {
      await flush();
      await onCommit();
    },
    abort: onAbort,
  };
}

export function stdoutSink(): Sink {
  return bufferedSink(
    process.stdout,
    () => Promise.resolve(),
    () => undefined,
  );
}

/** A file sink: writes `path.tmp-PID` and renames it to `path` on commit. */
export function fileSink(path: string): Sink {
  const temp = `${path}.tmp-${process.pid}`;
  // Opened synchronously so that the file exists before anything can fail: abort() then always
  // finds it to remove (an asynchronous open could create it after the clean-up).
  const stream: WriteStream = createWriteStream(temp, { fd: openSync(temp, 'w'), highWaterMark: 1 << 20 });
  return bufferedSink(
    stream,
    async () => {
      stream.end();
      await once(stream, 'close');
      renameSync(temp, path);
    },
    () => {
      stream.destroy();
      rmSync(temp, { force: true });
    },
  );
}
