/**
 * Email in Chromium against the real server with the demo data (issue 8): the demo administrator
 * sets RF4's mail server (a real SMTP server started by this test on 127.0.0.1), sends themself a
 * test email, and it arrives; an idea of the demo QI lead's is then triaged and its email arrives
 * through the server's own delivery run; finally the administrator removes the mail server, after
 * a confirm step. The settings page passes axe-core at phone and desktop widths.
 *
 * The server sends every second in these tests (GROUNDSWELL_MAIL_INTERVAL_SECONDS in
 * global-setup.ts). The mail server is removed at the end, so other files' notifications are not
 * sent to a closed port.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSmtp } from '../../server/src/test-support/smtp';
import type { TestSmtp } from '../../server/src/test-support/smtp';
import { api, checkPage, data, DEMO_ANALYST, DESKTOP, openPage, pageErrors, PHONE } from './harness';

const ADMIN = 'demo.admin@groundswell.invalid';
const SETTINGS = '/organisations/RF4/mail-settings';

let smtp: TestSmtp;
beforeAll(async () => {
  smtp = await startTestSmtp();
});
afterAll(async () => {
  await smtp.close();
});

describe('email', () => {
  it('the administrator sets the mail server, a test email and a notification arrive, then it is removed', async () => {
    const page = await openPage(SETTINGS, { width: DESKTOP, as: ADMIN });
    await expect(page.getByRole('heading', { level: 1, name: 'Email' }).isVisible()).resolves.toBe(true);
    await page.getByLabel('Mail server', { exact: true }).fill('127.0.0.1');
    await page.getByLabel('Port', { exact: true }).fill(String(smtp.port));
    await page.getByRole('radio', { name: 'None' }).check();
    await page.getByLabel('From address').fill('groundswell@rf4.example.nhs.net');
    await page.getByRole('button', { name: 'Save the mail server' }).click();
    await page.getByRole('heading', { name: 'How email is going' }).waitFor();
    await checkPage(page, 'email-settings-desktop');

    await page.getByRole('button', { name: 'Send a test email to me' }).click();
    await page.getByText(`A test email was sent to ${ADMIN}.`).waitFor();
    const test = smtp.received.find((mail) => mail.to.includes(ADMIN));
    expect(test?.headers.subject).toMatch(/^Groundswell: test email from /);
    expect(test?.from).toBe('groundswell@rf4.example.nhs.net');

    // A notification: the demo QI lead's own idea changes status; the server's run emails it.
    const proposal = `Email me when this changes (${new Date().toISOString()})`;
    const idea = await data(
      api().POST('/api/v1/organisations/{ref}/ideas', {
        params: { path: { ref: 'RF4' } },
        body: { problem: 'Nobody hears back about ideas', proposal, anonymous: false },
      }),
    );
    await data(
      api().POST('/api/v1/ideas/{id}/triage', {
        params: { path: { id: idea.id } },
        body: { status: 'under_review' },
      }),
    );
    await expect
      .poll(
        () => smtp.received.find((mail) => mail.to.includes(DEMO_ANALYST) && mail.body.includes(proposal)),
        {
          timeout: 30_000,
        },
      )
      .toBeDefined();
    const told = smtp.received.find((mail) => mail.body.includes(proposal))!;
    expect(told.body).toContain(`/ideas/${idea.id}`);
    expect(told.headers['auto-submitted']).toBe('auto-generated');

    const phone = await openPage(SETTINGS, { width: PHONE, as: ADMIN });
    await phone.getByRole('heading', { name: 'How email is going' }).waitFor();
    await checkPage(phone, 'email-settings-phone');
    await phone.getByRole('button', { name: 'Remove the mail server' }).click();
    await phone.getByRole('button', { name: 'Yes, remove the mail server' }).click();
    await phone.getByText('No mail server is set').waitFor();
    expect(pageErrors(page)).toEqual([]);
    expect(pageErrors(phone)).toEqual([]);
  });
});
