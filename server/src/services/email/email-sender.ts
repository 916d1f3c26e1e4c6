import type { Logger } from 'pino';
import { afterFailure } from '../../domain/email/email-rules.js';
import type { Clock } from '../../domain/time/clock.js';
import type { EmailOutboxRepository } from '../../infra/db/email-outbox-repository.js';
import type { Timers } from '../calls/timers.js';
import type { Mailer } from './mailer.js';

/** How often the outbox is looked at when nothing has been queued meanwhile. */
const POLL_MS = 5_000;
/** An email being sent is held this long; a sender that died holding it leaves it due again after. */
const LEASE_SECONDS = 120;
const BATCH = 20;
const KICK_MS = 250;
/** Kinds whose body holds a secret (a set-up code): the body is emptied once it has been sent or given up. */
const SECRET_KINDS = new Set(['setup_code']);

/**
 * Sends what the outbox holds, on its own timer, never inside a request: a slow or broken mail
 * server delays emails, not the people whose actions caused them, and never undoes the in-app
 * record (which was written first, or with the email in one transaction).
 */
export class EmailSender {
  private timer: { cancel(): void } | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly deps: {
      outbox: Pick<EmailOutboxRepository, 'claimDue' | 'markSent' | 'markRetry' | 'markFailed'>;
      mailer: Mailer;
      clock: Clock;
      timers: Timers;
      log: Logger;
    },
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule(POLL_MS);
  }

  /** Something was queued: look now rather than at the next poll. */
  kick(): void {
    // A moment later: the email may have been queued inside a transaction that is only now committing.
    if (!this.stopped && this.timer) this.schedule(KICK_MS);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.timer?.cancel();
    this.timer = undefined;
    await this.running;
  }

  /** One round: every email due now is tried once. Also what tests call after moving the clock. */
  sendDue(): Promise<void> {
    // One round at a time: a kick during a round waits for it rather than claiming beside it.
    this.running ??= this.round().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private schedule(ms: number): void {
    this.timer?.cancel();
    this.timer = this.deps.timers.after(ms, () => {
      void this.sendDue()
        .catch((err: unknown) => this.deps.log.error({ err }, 'EmailRoundFailed'))
        .finally(() => {
          if (!this.stopped) this.schedule(POLL_MS);
        });
    });
  }

  private async round(): Promise<void> {
    for (;;) {
      const now = this.deps.clock.now();
      const claimed = await this.deps.outbox.claimDue(now, now.add({ seconds: LEASE_SECONDS }), BATCH);
      for (const email of claimed) {
        const secret = SECRET_KINDS.has(email.kind);
        try {
          await this.deps.mailer.send({ to: email.toAddress, subject: email.subject, text: email.bodyText });
          await this.deps.outbox.markSent(email.id, this.deps.clock.now(), secret);
          this.deps.log.info({ emailId: email.id, kind: email.kind, attempts: email.attempts }, 'EmailSent');
        } catch (err) {
          const reason = err instanceof Error ? err.message.slice(0, 500) : 'sending failed';
          const next = afterFailure(email.attempts, this.deps.clock.now());
          if (next.kind === 'give_up') {
            await this.deps.outbox.markFailed(email.id, reason, secret);
            this.deps.log.error({ emailId: email.id, kind: email.kind, attempts: email.attempts, reason }, 'EmailGivenUp');
          } else {
            await this.deps.outbox.markRetry(email.id, next.at, reason);
            this.deps.log.warn({ emailId: email.id, kind: email.kind, attempts: email.attempts, retryAt: next.at.toString(), reason }, 'EmailSendFailed');
          }
        }
      }
      if (claimed.length < BATCH || this.stopped) return;
    }
  }
}
