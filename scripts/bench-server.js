// `groundswell serve` as a separate process for the benchmarks (scripts/bench.js, bench-dashboard.js,
// bench-web.js): started on a free port, ready when it logs "Groundswell ready at URL".
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Resident memory of a process in MB (Linux /proc), or NaN. */
export function rssMb(pid) {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024;
  } catch {
    return NaN;
  }
}

/**
 * Starts `node packages/cli/dist/bin.js serve ...args` with PORT 0 (any free port), LOG_LEVEL info
 * and `env` over this process's environment; resolves once it says it is ready, with its URL, its
 * pid, the milliseconds from spawning to ready, and `stop()` (SIGTERM, resolves on exit). Its output
 * is read until then and afterwards dropped (as a log shipper would take the request log).
 */
export async function startServe({ args = [], env = {} } = {}) {
  const t0 = process.hrtime.bigint();
  const child = spawn(process.execPath, ['packages/cli/dist/bin.js', 'serve', ...args], {
    cwd: root,
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let ready = false;
  const url = await new Promise((resolve, reject) => {
    const collect = (chunk) => {
      if (ready) return;
      output += chunk;
      const match = /Groundswell ready at (http:\/\/[^\s"]+)/.exec(output);
      if (match) {
        ready = true;
        resolve(match[1]);
      }
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('exit', () => {
      if (!ready) reject(new Error(`serve exited: ${output.slice(-800)}`));
    });
  });
  return {
    url,
    pid: child.pid,
    ms: Number(process.hrtime.bigint() - t0) / 1e6,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}
