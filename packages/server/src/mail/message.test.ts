import { describe, expect, test } from 'vitest';
import { notificationEmail, oneLine, testEmail } from './message.js';

const sender = { fromAddress: 'gs@rf4.nhs.net', fromName: null, organisationName: 'Royal Free London' };

describe('notification emails', () => {
  test('say what happened, link to it, and how to stop them; marked as automatic', () => {
    const mail = notificationEmail(
      sender,
      {
        text: 'Your idea “Quieter night rounds” was taken forward: we start a project in January.',
        link: '/ideas/abc',
        email: 'nurse@rf4.nhs.net',
        displayName: 'Nurse Nightingale',
      },
      'https://groundswell.rf4.nhs.uk',
    );
    expect(mail.from).toEqual({ name: 'Groundswell at Royal Free London', address: 'gs@rf4.nhs.net' });
    expect(mail.to).toEqual({ name: 'Nurse Nightingale', address: 'nurse@rf4.nhs.net' });
    expect(mail.subject).toBe(
      'Groundswell: Your idea “Quieter night rounds” was taken forward: we start a project in January.',
    );
    expect(mail.text).toContain('Hello Nurse Nightingale,');
    expect(mail.text).toContain('Open it in Groundswell: https://groundswell.rf4.nhs.uk/ideas/abc');
    expect(mail.text).toContain('stop these emails: https://groundswell.rf4.nhs.uk/notifications');
    expect(mail.headers).toMatchObject({
      'Auto-Submitted': 'auto-generated',
      'List-Unsubscribe': '<https://groundswell.rf4.nhs.uk/notifications>',
    });
  });

  test('subjects are one line of at most 120 characters, cut at a word', () => {
    expect(oneLine('a\nb\r\n  c')).toBe('a b c');
    const long = `${'word '.repeat(40)}end`;
    const line = oneLine(long);
    expect(line.length).toBeLessThanOrEqual(120);
    expect(line.endsWith('word…')).toBe(true);
    expect(oneLine('x'.repeat(200))).toHaveLength(120);
  });

  test('the sender name is the one set, else the organisation’s', () => {
    const mail = testEmail(
      { ...sender, fromName: 'RFL Improvement' },
      { name: 'Ada', address: 'ada@x.nhs.net' },
      'u',
    );
    expect(mail.from.name).toBe('RFL Improvement');
    expect(mail.subject).toBe('Groundswell: test email from Royal Free London');
    expect(mail.text).toContain('The settings: u');
  });
});
