/**
 * @module db/folder-lock
 * One process at a time on an embedded database folder. PGlite has no server to arbitrate: two
 * processes writing the same folder (a server and `groundswell import`, say) corrupt it. Opening
 * takes a lock file holding the owner's process id; a lock left by a process that is gone is taken
 * over, one held by a live process is refused with what to do instead.
 */
import { readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The lock file's name inside the data folder. */
export const LOCK_FILE = 'groundswell.lock';

/** The folder is open in another live process. */
export class DatabaseInUseError extends Error {
  override readonly name = 'DatabaseInUseError';
  readonly pid: number;

  constructor(dir: string, pid: number) {
    super(
      `The embedded database in ${dir} is in use by another Groundswell process (pid ${pid}). ` +
        'Stop that process first, or send the work to it (for imports: groundswell import --server URL), ' +
        'or use a PostgreSQL server (DATABASE_URL), which many processes can share.',
    );
    this.pid = pid;
  }
}

/** Whether a process id belongs to a live process (one we may not signal counts as live). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the folder's lock for this process and returns its release.
 * @throws {DatabaseInUseError} when another live process holds it.
 */
export async function lockFolder(dir: string): Promise<() => Promise<void>> {
  const file = join(dir, LOCK_FILE);
  const mine = `${process.pid}\n`;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await writeFile(file, mine, { flag: 'wx' });
      return async () => {
        const held = await readFile(file, 'utf8').catch(() => '');
        if (held === mine) await unlink(file).catch(() => undefined);
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const pid = Number.parseInt(await readFile(file, 'utf8').catch(() => ''), 10);
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) {
      throw new DatabaseInUseError(dir, pid);
    }
    // Left by a process that has gone (or by this one, not closed): take it over.
    await unlink(file).catch(() => undefined);
  }
  throw new Error(`Could not take the lock ${file}: another process keeps replacing it`);
}
