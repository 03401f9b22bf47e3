/** A project's measure's code: marked as the project's, valid as a measure code, at most 64 characters. */
import { describe, expect, it } from 'vitest';
import { projectMeasureCode } from './new-measure.js';

describe('projectMeasureCode', () => {
  it('the code is marked as the project’s, valid and at most 64 characters', () => {
    const id = '12345678-9abc-4def-8123-456789abcdef';
    const code = projectMeasureCode(id, 'A very long name '.repeat(10));
    expect(code).toMatch(/^project-12345678-a-very-long-name[a-z0-9-]*-[0-9a-f]{4}$/);
    expect(code.length).toBeLessThanOrEqual(64);
    expect(projectMeasureCode(id, '££')).toMatch(/^project-12345678-measure-[0-9a-f]{4}$/);
  });
});
