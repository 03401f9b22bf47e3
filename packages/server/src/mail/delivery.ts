/**
 * @module mail/delivery
 * Emailing notifications, outside the transactions that made them: a slow or failing mail server
 * never holds or undoes a change. Each run claims a batch of due notifications under a lease
 * (another server skips them), sends them through each organisation's own mail server, then marks
 * each sent, or failed with the server's answer and a back-off (1, 2, 4, 8 minutes; given up after
 * MAX_EMAIL_ATTEMPTS). A crash mid-run leaves claims that lapse after the lease, so nothing is lost;
 * at worst a message whose success was not recorded is sent twice.
 *
 * The server runs `startMailer`: a run every `intervalMs` (GROUNDSWELL_MAIL_INTERVAL_SECONDS),
 * one at a time, stopped with the server.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../db/types.js';
import { notificationEmail } from './message.js';
import {
  claimPendingEmails,
  markEmailFailed,
  markEmailed,
  readMailSettings,
  releaseClaim,
} from './repository.js';
import type { PendingEmail } from './repository.js';
import { MAX_EMAIL_ATTEMPTS, smtpSettingsOf } from './service.js';
import type { MailDeps } from './service.js';
import { mailFailure, smtpTransport } from './transport.js';

/** How long a claim lasts: longer than any batch takes with the transport's time-outs. */
const LEASE_MS = 10 * 60_000;
/** Notifications claimed per run. */
const BATCH = 50;

/** The wait after the `attempts`-th failure: 1, 2, 4, 8… minutes. */
export function backOffMs(attempts: number): number {
  return 60_000 * 2 ** Math.max(0, attempts - 1);
}

/** What a run did. */
export interface DeliveryRun {
  readonly sent: number;
  readonly failed: number;
  /** Claimed but not tried: the organisation's settings changed or its password cannot be read. */
  readonly deferred: number;
}

/** Sends the notifications due now; `publicUrl` is the origin links in the emails point at. */
export async function deliverPendingEmails(
  db: Database,
  deps: MailDeps,
  publicUrl: string,
  now: () => Date,
): Promise<DeliveryRun> {
  const claimed = await claimPendingEmails(
    db,
    now(),
    new Date(now().getTime() + LEASE_MS),
    BATCH,
    MAX_EMAIL_ATTEMPTS,
  );
  const byOrganisation = new Map<string, PendingEmail[]>();
  for (const pending of claimed) {
    byOrganisation.set(pending.organisationId, [
      ...(byOrganisation.get(pending.organisationId) ?? []),
      pending,
    ]);
  }
  let sent = 0;
  let failed = 0;
  let deferred = 0;
  for (const [organisationId, batch] of byOrganisation) {
    const settings = await readMailSettings(db, organisationId);
    const smtp = settings?.enabled === true ? smtpSettingsOf(settings, deps.secrets) : null;
    if (settings === undefined || smtp === null) {
      const why =
        settings === undefined || !settings.enabled
          ? 'the organisation switched email off'
          : 'the stored mail password cannot be read with this server’s secret key';
      for (const pending of batch)
        await releaseClaim(db, pending.id, why, new Date(now().getTime() + backOffMs(1)));
      deferred += batch.length;
      continue;
    }
    const transport = (deps.transport ?? smtpTransport)(smtp);
    try {
      for (const pending of batch) {
        try {
          await transport.send(
            notificationEmail(
              { ...settings, organisationName: pending.organisationName },
              pending,
              publicUrl,
            ),
          );
          await markEmailed(db, pending.id, now());
          sent++;
        } catch (error) {
          const attempts = pending.attempts + 1;
          await markEmailFailed(
            db,
            pending.id,
            mailFailure(error),
            new Date(now().getTime() + backOffMs(attempts)),
          );
          failed++;
        }
      }
    } finally {
      transport.close();
    }
  }
  return { sent, failed, deferred };
}

/** A running mailer. */
export interface Mailer {
  /** Runs now (after the run under way, if any); resolves when that run ends. */
  runNow(): Promise<DeliveryRun | undefined>;
  /** Stops: no more runs; waits for the one under way. */
  stop(): Promise<void>;
}

/** Runs `deliverPendingEmails` every `intervalMs`, one run at a time, logging what each did. */
export function startMailer(
  db: Database,
  deps: MailDeps,
  options: { readonly publicUrl: string; readonly intervalMs: number; readonly log: FastifyBaseLogger },
): Mailer {
  let running: Promise<DeliveryRun | undefined> = Promise.resolve(undefined);
  let stopped = false;
  const run = (): Promise<DeliveryRun | undefined> => {
    running = running.then(async () => {
      if (stopped) return undefined;
      try {
        const result = await deliverPendingEmails(db, deps, options.publicUrl, () => new Date());
        if (result.sent + result.failed + result.deferred > 0) {
          options.log.info(
            { mail: result },
            `notification emails: ${result.sent} sent, ${result.failed} failed, ${result.deferred} deferred`,
          );
        }
        return result;
      } catch (error) {
        options.log.error({ err: error }, 'notification emails: the run failed');
        return undefined;
      }
    });
    return running;
  };
  const timer = setInterval(() => void run(), options.intervalMs);
  timer.unref();
  return {
    runNow: run,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
