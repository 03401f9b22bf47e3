/**
 * @module components/projects/labels
 * Stages, measure kinds, driver columns and PDSA decisions in words, and dates as people read them.
 */
import type { Decision, DriverKind, MeasureKind, Stage } from './data';

export const STAGES: readonly { value: Stage; label: string }[] = [
  { value: 'idea', label: 'Idea' },
  { value: 'planning', label: 'Planning' },
  { value: 'testing', label: 'Testing' },
  { value: 'implementing', label: 'Implementing' },
  { value: 'spreading', label: 'Spreading' },
  { value: 'sustaining', label: 'Sustaining' },
  { value: 'complete', label: 'Complete' },
  { value: 'stopped', label: 'Stopped' },
];

export function stageWords(stage: Stage): string {
  return STAGES.find((s) => s.value === stage)?.label ?? stage;
}

/** The stages after which a project may be published to the library. */
export const FINISHED: readonly Stage[] = ['sustaining', 'complete', 'stopped'];

export const MEASURE_KINDS: readonly { value: MeasureKind; label: string; hint: string }[] = [
  { value: 'outcome', label: 'Outcome', hint: 'The aim itself: is the system better for patients?' },
  { value: 'process', label: 'Process', hint: 'Are the changes happening as planned?' },
  { value: 'balancing', label: 'Balancing', hint: 'Has something else got worse?' },
];

export function measureKindWords(kind: MeasureKind): string {
  return MEASURE_KINDS.find((k) => k.value === kind)?.label ?? kind;
}

export const COLUMNS: readonly { kind: DriverKind; label: string; one: string }[] = [
  { kind: 'primary', label: 'Primary drivers', one: 'primary driver' },
  { kind: 'secondary', label: 'Secondary drivers', one: 'secondary driver' },
  { kind: 'change_idea', label: 'Change ideas', one: 'change idea' },
];

export function columnOf(kind: DriverKind): { kind: DriverKind; label: string; one: string } {
  return COLUMNS.find((c) => c.kind === kind)!;
}

/** The column a box links to (the next one), or null for change ideas. */
export function nextKind(kind: DriverKind): DriverKind | null {
  return kind === 'primary' ? 'secondary' : kind === 'secondary' ? 'change_idea' : null;
}

export const DECISIONS: readonly { value: Decision; label: string; hint: string }[] = [
  { value: 'adopt', label: 'Adopt', hint: 'Keep the change: it worked.' },
  { value: 'adapt', label: 'Adapt', hint: 'Change it and test again.' },
  { value: 'abandon', label: 'Abandon', hint: 'Drop it: it did not work.' },
];

export function decisionWords(decision: Decision): string {
  return DECISIONS.find((d) => d.value === decision)?.label ?? decision;
}

const DATE = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "26 November 2026" from "2026-11-26". */
export function formatDay(iso: string): string {
  return DATE.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`));
}

/** The aim in one sentence: "Reduce falls by 30% by 31 March 2027". */
export function aimSentence(aim: { what: string; howMuch: string; byWhen: string | null }): string {
  const parts = [
    aim.what.trim(),
    aim.howMuch.trim(),
    aim.byWhen === null ? '' : `by ${formatDay(aim.byWhen)}`,
  ];
  return parts.filter((p) => p !== '').join(' ');
}
