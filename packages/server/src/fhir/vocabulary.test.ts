import { describe, expect, it } from 'vitest';
import { measureCodeOf, measureUrl } from './vocabulary.js';

describe('measure canonical URLs', () => {
  it('measureCodeOf(measureUrl(code)) is the code; any base and a |version are accepted', () => {
    expect(measureUrl('ae-4-hour')).toBe('https://groundswell.example/fhir/Measure/ae-4-hour');
    expect(measureCodeOf(measureUrl('ae-4-hour'))).toBe('ae-4-hour');
    expect(measureCodeOf('https://other.nhs.uk/fhir/Measure/demo-falls|2.1')).toBe('demo-falls');
  });

  it('measureCodeOf(url) is undefined without a /Measure/<code> ending', () => {
    expect(measureCodeOf('https://groundswell.example/fhir/Measure/')).toBeUndefined();
    expect(measureCodeOf('ae-4-hour')).toBeUndefined();
    expect(measureCodeOf('https://x.example/Measure/ae/extra')).toBeUndefined();
    expect(measureCodeOf('https://x.example/Measure/%E0%A4%A')).toBeUndefined();
  });
});
