/**
 * @module output/progress
 * A progress bar on standard error for long imports: redrawn in place on a terminal, at most ten
 * times a second; silent when standard error is not a terminal (a log or a pipe).
 */

const WIDTH = 30;

/** A bar that can be updated and finished. */
export interface ProgressBar {
  /** Shows `done` of `total` (total 0: unknown, shows the count only). */
  update(label: string, done: number, total: number, unit: string): void;
  /** Clears the bar's line. */
  done(): void;
}

const number = (n: number): string => Math.round(n).toLocaleString('en-GB');

/** A bar on `stream` (default standard error), or one that draws nothing when it is not a terminal. */
export function progressBar(stream: NodeJS.WriteStream = process.stderr): ProgressBar {
  if (!stream.isTTY) return { update: () => undefined, done: () => undefined };
  let last = 0;
  let drawn = false;
  return {
    update(label, done, total, unit) {
      const now = Date.now();
      if (now - last < 100 && done < total) return;
      last = now;
      const text =
        total > 0
          ? (() => {
              const share = Math.min(1, done / total);
              const filled = Math.round(share * WIDTH);
              return `${label} [${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${String(Math.floor(share * 100)).padStart(3)}% ${number(done)} of ${number(total)} ${unit}`;
            })()
          : `${label} ${number(done)} ${unit}`;
      stream.write(`\r${text}\u001b[K`);
      drawn = true;
    },
    done() {
      if (drawn) stream.write('\r\u001b[K');
      drawn = false;
    },
  };
}
