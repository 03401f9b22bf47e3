/**
 * @module tooltip
 * The text of a point's tooltip (its `<title>`): period and value, point type in words, the rules
 * that fired, and any notes.
 */
import type { SpcAnalysis, SpcPoint } from '@groundswell/spc';
import { firedRules, pointTypeLabel } from './labels.js';

/** The lines of a point's tooltip; `period` and `value` are already formatted. */
export function pointTooltip(
  a: SpcAnalysis,
  p: SpcPoint,
  period: string,
  value: string,
  notes: readonly string[] = [],
): string {
  const lines = [`${period}: ${value}`];
  if (p.ghost) lines.push('Ghosted: left out of the calculations');
  else if (a.chart === 'run') {
    // Anhøj run chart: flagged points are those in an unusually long run on one side of the median.
    const side = p.shift === 'high' ? 'above' : p.shift === 'low' ? 'below' : null;
    if (p.pointType !== 'common_cause' && side !== null) {
      lines.push(`${pointTypeLabel(p.pointType)}: part of an unusually long run ${side} the median`);
    }
  } else if (!a.summary.limitsShown) {
    lines.push('Run chart: too few points for the special-cause rules');
  } else {
    lines.push(pointTypeLabel(p.pointType));
    const rules = firedRules(p, a.chart, a.options);
    if (rules.length > 0) lines.push(`Rules: ${rules.join('; ')}`);
  }
  lines.push(...notes);
  return lines.join('\n');
}
