/**
 * @module commands/spc
 * `groundswell spc`: reads a CSV, analyses each group and writes CSV, JSON or SVG.
 */
import { resolveOptions } from '@groundswell/spc';
import { openInput } from '../input/open-input.js';
import { CliError } from '../errors.js';
import { readGroups, type ColumnSpec } from '../input/read-groups.js';
import { sortGroup } from '../input/sort-group.js';
import {
  csvField,
  csvHeader,
  pointRows,
  POINT_COLUMNS,
  RUNS_COLUMNS,
  summaryRow,
  SUMMARY_COLUMNS,
} from '../output/csv.js';
import { groupJson, readableOptions } from '../output/json.js';
import { fileSink, stdoutSink, type Sink } from '../output/sink.js';
import { writeSvgCharts } from '../output/svg.js';
import { analyseGroup } from './analyse-group.js';
import { engineOptions, type SpcFlags } from './spc-options.js';

/** Runs `groundswell spc`. Everything is read and checked before anything is written. */
export async function runSpc(file: string | undefined, flags: SpcFlags): Promise<void> {
  const options = engineOptions(flags);
  const groupColumns = flags.group === undefined ? [] : flags.group.split(',').map((c) => c.trim());
  if (flags.format === 'svg' && flags.summary === true) {
    throw new CliError('--summary cannot be drawn: use --format csv or json with --summary', 2);
  }
  const spec: ColumnSpec = {
    date: flags.date,
    value: flags.chart === 't' ? null : (flags.numerator ?? flags.value),
    denominator: flags.denominator,
    check:
      flags.chart === 'p' || flags.chart === 'pp'
        ? 'proportion'
        : flags.chart === 'u' || flags.chart === 'up'
          ? 'rate'
          : flags.chart === 'c' || flags.chart === 'g'
            ? 'count'
            : undefined,
    group: groupColumns,
    target: flags.targetCol,
    rebase: flags.rebaseCol,
    ghost: flags.ghostCol,
  };
  const { groups, periodKind } = await readGroups(openInput(file), spec);
  for (const g of groups) sortGroup(g, periodKind, groupColumns, flags.chart === 't');

  if (flags.format === 'svg') {
    await writeSvgCharts(groups, { flags, options, groupColumns, periodKind });
    return;
  }

  const sink: Sink = flags.out === undefined ? stdoutSink() : fileSink(flags.out);
  try {
    const summaryOnly = flags.summary === true;
    if (flags.format === 'csv') {
      const summaryColumns = flags.chart === 'run' ? [...SUMMARY_COLUMNS, ...RUNS_COLUMNS] : SUMMARY_COLUMNS;
      await sink.write(csvHeader(groupColumns, summaryOnly ? summaryColumns : POINT_COLUMNS));
    } else {
      const resolved = readableOptions(resolveOptions(options, flags.chart), periodKind);
      await sink.write(
        `{"chart":${JSON.stringify(flags.chart)},"options":${JSON.stringify(resolved)},"groups":[`,
      );
    }
    let first = true;
    for (const g of groups) {
      const a = analyseGroup(flags.chart, g, options, groupColumns);
      if (flags.format === 'json') {
        await sink.write(
          (first ? '' : ',') + groupJson(a, { groupColumns, key: g.key, kind: periodKind, summaryOnly }),
        );
      } else {
        const prefix = g.key.map((k) => csvField(k) + ',').join('');
        await sink.write(
          summaryOnly
            ? summaryRow(prefix, a.summary, a.warnings, flags.chart === 'run')
            : pointRows(prefix, a, periodKind),
        );
      }
      first = false;
      // Let go of the group's arrays as soon as it is written.
      g.periods = g.values = g.rows = [];
    }
    if (flags.format === 'json') await sink.write(']}\n');
    await sink.commit();
  } catch (e) {
    sink.abort();
    throw e;
  }
}
