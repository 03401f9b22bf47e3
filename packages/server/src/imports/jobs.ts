/**
 * @module imports/jobs
 * Previews and commits run in the background of the server that accepted them; a client follows
 * them with `GET /imports/:id`. This process's running jobs report their progress from memory;
 * on PostgreSQL they also write it to the import's row about once a second, so that a status
 * request answered by another server behind the load balancer sees it too. A commit is audited,
 * as the person who started it, in its own transaction.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Principal } from '../auth/principal.js';
import type { DataStore } from '../db/store.js';
import { auditCommits } from './audit.js';
import type { Import } from './repository.js';
import { progressRecorder, runCommit, runPreview } from './run.js';

/** A job's progress. */
export interface JobProgress {
  rowsDone: number;
  rowsTotal: number;
}

/** The jobs of this process. */
export class ImportJobs {
  private readonly running = new Map<
    string,
    { readonly row: Import; readonly progress: JobProgress; readonly done: Promise<Import | null> }
  >();

  constructor(
    private readonly store: DataStore,
    private readonly log: FastifyBaseLogger,
  ) {}

  /**
   * Starts a preview or commit of an import already moved to `previewing` or `running`; the
   * promise resolves with the finished import (null when it failed unexpectedly, which is logged
   * and recorded on the import). A commit is audited as `principal`.
   */
  start(imported: Import, principal: Principal): Promise<Import | null> {
    const progress: JobProgress = { rowsDone: 0, rowsTotal: imported.rowCount ?? 0 };
    const recorder =
      this.store.engine === 'postgres'
        ? progressRecorder(this.store.db, imported.id, (error: unknown) => {
            this.log.warn({ err: error, importId: imported.id }, 'could not record import progress');
          })
        : null;
    const listener = (rowsDone: number, rowsTotal: number): void => {
      progress.rowsDone = rowsDone;
      progress.rowsTotal = rowsTotal;
      recorder?.listener(rowsDone, rowsTotal);
    };
    const previewing = imported.status === 'previewing';
    const done = (async () => {
      try {
        const finished = previewing
          ? await runPreview(this.store, imported, listener)
          : await runCommit(auditCommits(this.store, principal, imported), imported, listener);
        await recorder?.flushed();
        return finished;
      } catch (error) {
        this.log.error(
          { err: error, importId: imported.id },
          `import ${imported.status === 'previewing' ? 'preview' : 'commit'} failed`,
        );
        return null;
      } finally {
        this.running.delete(imported.id);
      }
    })();
    this.running.set(imported.id, { row: imported, progress, done });
    return done;
  }

  /** The progress of a job running in this process, if one is. */
  progress(importId: string): JobProgress | undefined {
    return this.running.get(importId)?.progress;
  }

  /**
   * The import of a job running in this process, as it started, with its progress: answered
   * without the database, which an embedded database's single connection keeps busy with the job.
   */
  runningImport(importId: string): { readonly row: Import; readonly progress: JobProgress } | undefined {
    return this.running.get(importId);
  }

  /** Waits for every running job to end (before the database closes). */
  async idle(): Promise<void> {
    await Promise.all([...this.running.values()].map((job) => job.done));
  }
}
