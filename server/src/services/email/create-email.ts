import type { Logger } from 'pino';
import type { Config } from '../../config/config.js';
import type { Clock } from '../../domain/time/clock.js';
import type { Db } from '../../infra/db/database.js';
import { EmailOutboxRepository } from '../../infra/db/email-outbox-repository.js';
import { ProgrammeSettingsRepository } from '../../infra/db/programme-settings-repository.js';
import { smtpMailer } from '../../infra/mail/smtp-mailer.js';
import type { Timers } from '../calls/timers.js';
import { EmailSender } from './email-sender.js';
import type { Mailer } from './mailer.js';
import { NotificationEmails } from './notification-emails.js';

/** How often concerns are checked for having waited too long for a DSL. */
const ESCALATION_SWEEP_MS = 60_000;

export interface EmailJobs {
  emails: NotificationEmails;
  /** One sending round now (tests call it after moving the clock). */
  sendDue(): Promise<void>;
  /** One escalation sweep now. */
  escalate(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Notification email, when SMTP_URL is set: the outbox writers, the sender and the escalation
 * sweep, both on the injected clock and timers. Without SMTP_URL there is none of it, and every
 * notification stays in the app (notices, live alerts) only.
 */
export function createEmail(
  mail: NonNullable<Config['mail']>,
  deps: { db: Db; clock: Clock; timers: Timers; log: Logger; mailer?: Mailer },
): EmailJobs {
  const outbox = new EmailOutboxRepository(deps.db);
  const smtp = deps.mailer ? undefined : smtpMailer(mail.smtpUrl, mail.from);
  const sender = new EmailSender({ outbox, mailer: deps.mailer ?? smtp!, clock: deps.clock, timers: deps.timers, log: deps.log });
  const emails = new NotificationEmails({
    outbox,
    settings: new ProgrammeSettingsRepository(deps.db),
    publicUrl: mail.publicUrl,
    clock: deps.clock,
    log: deps.log,
    queued: () => sender.kick(),
  });
  const escalate = () => emails.escalateUntouched();
  let sweep: { cancel(): void } | undefined;
  let stopped = false;
  const scheduleSweep = () => {
    if (stopped) return;
    sweep = deps.timers.after(ESCALATION_SWEEP_MS, () => {
      void escalate()
        .catch((err: unknown) => deps.log.error({ err }, 'EscalationSweepFailed'))
        .finally(scheduleSweep);
    });
  };
  sender.start();
  scheduleSweep();
  return {
    emails,
    sendDue: () => sender.sendDue(),
    escalate,
    stop: async () => {
      stopped = true;
      sweep?.cancel();
      await sender.stop();
      smtp?.close();
    },
  };
}
