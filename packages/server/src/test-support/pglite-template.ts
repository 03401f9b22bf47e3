/**
 * @module test-support/pglite-template
 * A migrated PGlite data folder as a tarball, built once and cached on disk, so that each test
 * worker starts its database in about a second instead of running initdb and every migration.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate, MIGRATIONS_FOLDER } from '../db/migrate.js';
import { openDatabase } from '../db/open.js';
import type { PgliteHandle } from '../db/pglite.js';

const ROOT_MODULES = new URL('../../../../node_modules/', import.meta.url);
const CACHE = fileURLToPath(new URL('.cache/groundswell-test', ROOT_MODULES));

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** A key that changes with any migration file or the PGlite version. */
export async function templateKey(): Promise<string> {
  const hash = createHash('sha256');
  hash.update(await readFile(new URL('@electric-sql/pglite/package.json', ROOT_MODULES)));
  for (const file of await filesUnder(MIGRATIONS_FOLDER)) {
    hash.update(file.slice(MIGRATIONS_FOLDER.length));
    hash.update(await readFile(file));
  }
  return hash.digest('hex').slice(0, 16);
}

async function build(path: string): Promise<void> {
  const handle = (await openDatabase({ engine: 'pglite', dataDir: null })) as PgliteHandle;
  try {
    await migrate(handle);
    const dump = await handle.client.dumpDataDir('none');
    const temporary = `${path}.${process.pid}.tmp`;
    await writeFile(temporary, Buffer.from(await dump.arrayBuffer()));
    await rename(temporary, path);
    for (const old of await readdir(CACHE)) {
      if (/^pglite-[0-9a-f]+\.tar$/.test(old) && join(CACHE, old) !== path)
        await rm(join(CACHE, old), { force: true });
    }
  } finally {
    await handle.close();
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The template tarball. Parallel workers take turns through a lock folder: the first builds it,
 * the others wait and read it. A lock older than two minutes is taken to be left by a killed run.
 */
export async function pgliteTemplate(): Promise<Blob> {
  await mkdir(CACHE, { recursive: true });
  const path = join(CACHE, `pglite-${await templateKey()}.tar`);
  const lock = `${path}.lock`;
  for (;;) {
    try {
      return new Blob([await readFile(path)]);
    } catch {
      // not built yet
    }
    try {
      await mkdir(lock);
    } catch {
      const age = Date.now() - (await stat(lock).catch(() => ({ mtimeMs: Date.now() }))).mtimeMs;
      if (age > 120_000) await rm(lock, { recursive: true, force: true });
      await sleep(200);
      continue;
    }
    try {
      await build(path);
    } finally {
      await rm(lock, { recursive: true, force: true });
    }
  }
}
