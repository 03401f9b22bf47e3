/**
 * Whole outputs on the NHS A&E demo data, kept as file snapshots: any change to a signal, icon or
 * limit on real data shows up in review as a diff of these files.
 */
import { describe, expect, it } from 'vitest';
import { demoCsv, runCli } from './test-support/run-cli.js';

const base = ['spc', demoCsv, '--date', 'period', '--group', 'org_code,type', '--summary'];

describe('groundswell spc on the NHS A&E demo data (whole-output snapshots)', () => {
  it('XmR of attendances, mdc, higher is better', async () => {
    const res = runCli([...base, '--value', 'attendances', '--direction', 'increase']);
    expect(res.status).toBe(0);
    await expect(res.stdout).toMatchFileSnapshot('./__snapshots__/ae-attendances-xmr-mdc.csv');
  });

  it('XmR of attendances, nhsr', async () => {
    const res = runCli([...base, '--value', 'attendances', '--preset', 'nhsr']);
    expect(res.status).toBe(0);
    await expect(res.stdout).toMatchFileSnapshot('./__snapshots__/ae-attendances-xmr-nhsr.csv');
  });

  it('Laney p′ of 4-hour breaches, lower is better, with a 5% target', async () => {
    const res = runCli([
      ...base,
      '--chart',
      'pp',
      '--numerator',
      'breaches',
      '--denominator',
      'attendances',
      '--direction',
      'decrease',
      '--target',
      '0.05',
    ]);
    expect(res.status).toBe(0);
    await expect(res.stdout).toMatchFileSnapshot('./__snapshots__/ae-breaches-pp.csv');
  });
});
