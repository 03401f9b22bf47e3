import { describe, expect, it } from 'vitest';
import { cycleLabel, cycleNotes, periodEnd, pointContaining } from './charts.js';
import type { NumberedCycle } from './pdsa.js';

const MONTHS = ['2024-01-01', '2024-02-01', '2024-03-01', '2024-05-01'];

function cycle(
  number: number,
  dates: { startedOn?: string; plannedStart?: string },
  decision: NumberedCycle['decision'] = null,
): NumberedCycle {
  return {
    id: `00000000-0000-4000-8000-00000000000${number}`,
    projectId: 'p',
    changeIdeaId: 'c',
    changeIdea: 'Idea',
    number,
    title: `Test ${number}`,
    plan: '',
    prediction: '',
    plannedStart: dates.plannedStart ?? null,
    doNotes: '',
    startedOn: dates.startedOn ?? null,
    study: '',
    act: '',
    decision,
    endedOn: null,
    createdBy: null,
    createdAt: new Date(0),
    updatedAt: new Date(0),
  };
}

describe('the point a PDSA cycle is marked at', () => {
  it('periodEnd is the first day after the period, by frequency', () => {
    expect(periodEnd('2024-01-31', 'day')).toBe('2024-02-01');
    expect(periodEnd('2024-01-29', 'week')).toBe('2024-02-05');
    expect(periodEnd('2024-12-01', 'month')).toBe('2025-01-01');
    expect(periodEnd('2024-04-01', 'quarter')).toBe('2024-07-01');
    expect(periodEnd('2024-04-01', 'year')).toBe('2025-04-01');
    expect(periodEnd('2024-04-01', 'irregular')).toBeNull();
  });

  it('is the point whose period contains the date; none before the first, in a gap or after the last period', () => {
    expect(pointContaining(MONTHS, 'month', '2024-01-01')).toBe(0);
    expect(pointContaining(MONTHS, 'month', '2024-02-29')).toBe(1);
    expect(pointContaining(MONTHS, 'month', '2024-03-15')).toBe(2);
    expect(pointContaining(MONTHS, 'month', '2024-04-10')).toBeNull(); // April has no point
    expect(pointContaining(MONTHS, 'month', '2024-05-31')).toBe(3);
    expect(pointContaining(MONTHS, 'month', '2024-06-01')).toBeNull();
    expect(pointContaining(MONTHS, 'month', '2023-12-31')).toBeNull();
    expect(pointContaining([], 'month', '2024-01-01')).toBeNull();
    // Events: the latest event on or before the date.
    expect(pointContaining(['2024-01-03', '2024-02-17'], 'irregular', '2024-03-30')).toBe(1);
  });

  it('labels a cycle "PDSA n: title (decision)", shown at its start, else its planned start; none without a date', () => {
    expect(cycleLabel(cycle(3, {}, 'adopt'))).toBe('PDSA 3: Test 3 (adopt)');
    expect(cycleLabel(cycle(1, {}))).toBe('PDSA 1: Test 1');
    const notes = cycleNotes(MONTHS, 'month', [
      cycle(1, { plannedStart: '2024-01-10', startedOn: '2024-02-03' }, 'adapt'),
      cycle(2, { plannedStart: '2024-03-02' }),
      cycle(3, {}),
      cycle(4, { startedOn: '2024-09-01' }),
    ]);
    expect(notes.map((n) => [n.index, n.period, n.text, n.source])).toEqual([
      [1, '2024-02-03', 'PDSA 1: Test 1 (adapt)', 'pdsa'],
      [2, '2024-03-02', 'PDSA 2: Test 2', 'pdsa'],
      [null, '2024-09-01', 'PDSA 4: Test 4', 'pdsa'],
    ]);
  });
});
