/**
 * @module output/svg
 * `--format svg`: one chart per group, to standard output (one group) or into a folder.
 * The folder's files are written to a temporary folder first and moved in when all are done.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderSpcChart } from '@groundswell/charts';
import type { SpcOptions } from '@groundswell/spc';
import { analyseGroup } from '../commands/analyse-group.js';
import type { SpcFlags } from '../commands/spc-options.js';
import { CliError } from '../errors.js';
import type { PeriodKind } from '../input/periods.js';
import type { GroupData } from '../input/read-groups.js';
import { groupLabel } from '../input/sort-group.js';
import { withReadablePeriods } from './json.js';

export interface SvgContext {
  readonly flags: SpcFlags;
  readonly options: SpcOptions;
  readonly groupColumns: readonly string[];
  readonly periodKind: PeriodKind;
}

/** What the chart measures: the value column, numerator ÷ denominator, or the events. */
function measureName(flags: SpcFlags): string {
  if (flags.numerator !== undefined && flags.denominator !== undefined)
    return `${flags.numerator} / ${flags.denominator}`;
  return flags.chart === 't' ? 'days between events' : flags.value;
}

/** A safe, unique file name for a group: `RF4_1.svg`. */
function fileName(key: readonly string[], taken: Set<string>): string {
  const base =
    key.length === 0 ? 'chart' : key.map((k) => k.replace(/[^A-Za-z0-9._-]+/g, '-')).join('_') || 'chart';
  let name = `${base}.svg`;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base}-${i}.svg`;
  taken.add(name.toLowerCase());
  return name;
}

function render(g: GroupData, ctx: SvgContext): string {
  const a = analyseGroup(ctx.flags.chart, g, ctx.options, ctx.groupColumns);
  const title =
    ctx.groupColumns.length === 0
      ? measureName(ctx.flags)
      : `${measureName(ctx.flags)}: ${groupLabel(ctx.groupColumns, g.key).replace(/^group /, '')}`;
  return renderSpcChart(withReadablePeriods(a, ctx.periodKind), { title }) + '\n';
}

export async function writeSvgCharts(groups: GroupData[], ctx: SvgContext): Promise<void> {
  const out = ctx.flags.out;
  if (out === undefined) {
    if (groups.length !== 1) {
      throw new CliError(
        `--format svg draws one chart per group (${groups.length} here): give --out FOLDER`,
        2,
      );
    }
    process.stdout.write(render(groups[0]!, ctx));
    return;
  }
  if (existsSync(out) && !statSync(out).isDirectory())
    throw new CliError(`--out ${out} is a file; svg needs a folder`, 2);
  const temp = `${out.replace(/[\\/]+$/, '')}.tmp-${process.pid}`;
  mkdirSync(temp, { recursive: true });
  try {
    const taken = new Set<string>();
    for (const g of groups) writeFileSync(join(temp, fileName(g.key, taken)), render(g, ctx));
    if (!existsSync(out)) renameSync(temp, out);
    else {
      for (const f of readdirSync(temp)) renameSync(join(temp, f), join(out, f));
      rmSync(temp, { recursive: true, force: true });
    }
  } catch (e) {
    rmSync(temp, { recursive: true, force: true });
    throw e;
  }
  await Promise.resolve();
}
