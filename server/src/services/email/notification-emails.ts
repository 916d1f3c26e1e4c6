import type { Logger } from 'pino';
import { Temporal } from 'temporal-polyfill';
import type { ProgrammeSettings } from '@peerbridge/shared';
import { recipientAddresses } from '../../domain/email/email-rules.js';
import {
  alertEmail,
  escalationEmail,
  repeatedAbsenceEmail,
  scheduleChangeEmail,
  setupCodeEmail,
  type EmailContent,
} from '../../domain/email/email-words.js';
import type { Clock } from '../../domain/time/clock.js';
import type { Db } from '../../infra/db/database.js';
import type { EmailOutboxRepository } from '../../infra/db/email-outbox-repository.js';
import type { RaisedNotice } from '../../infra/db/notice-repository.js';


/** Which notice kinds are also emailed to that school's coordinators, and in which words. */
const NOTICE_EMAILS: Record<string, { kind: string; words: (link: string) => EmailContent }> = {
  repeated_absence: { kind: 'repeated_absence', words: (link) => repeatedAbsenceEmail({ link }) },
  schedule_changed: { kind: 'schedule_change', words: (link) => scheduleChangeEmail({ link }) },
};

/** Concerns older than this are not escalated any more (the longest setting is a day). */
const ESCALATION_LOOKBACK = Temporal.Duration.from({ hours: 48 });

/**
 * Writes notification emails into the outbox: who gets which, in words that name no child. Each
 * is written in the transaction of the record it is about where there is one (a notice, a new
 * account); the sender is only nudged, never waited for.
 */
export class NotificationEmails {
  constructor(
    private readonly deps: {
      outbox: Pick<EmailOutboxRepository, 'enqueue' | 'staffWithRole' | 'untouchedConcerns'>;
      settings: { forSchool(schoolId: string): Promise<Pick<ProgrammeSettings, 'dslEscalationMinutes'>> };
      publicUrl: string;
      clock: Clock;
      log: Logger;
      /** Called after something was queued (the sender looks straight away). */
      queued: () => void;
    },
  ) {}

  /** A live safeguarding alert to a school's DSLs, whatever its kind. Never throws: the alert itself has gone out. */
  alert(schoolId: string, alert: { kind: string; at: string; concernId?: string; sessionId: string | null }): void {
    void (async () => {
      const { staff, timeZone } = await this.deps.outbox.staffWithRole(schoolId, 'dsl');
      const link = alert.concernId ? this.link(`/staff/concerns/${alert.concernId}`) : this.link('/staff/concerns');
      const content = alertEmail({ alertKind: alert.kind, at: Temporal.Instant.from(alert.at), timeZone, link });
      // One email per alert: a concern by its id, anything else by what it is, where and when.
      const ref = alert.concernId ?? `${alert.kind}:${alert.sessionId ?? 'none'}:${alert.at}`;
      await this.queue(recipientAddresses(staff), content, `safeguarding_alert`, ref);
    })().catch((err: unknown) => this.deps.log.error({ err, schoolId, alertKind: alert.kind }, 'AlertEmailNotQueued'));
  }

  /** Coordinator notices just raised, inside their transaction: the kinds that are emailed go to that school's coordinators. */
  async noticesRaised(tx: Db, notices: readonly RaisedNotice[]): Promise<void> {
    for (const notice of notices) {
      const mail = NOTICE_EMAILS[notice.kind];
      if (!mail) continue;
      const { staff } = await this.deps.outbox.staffWithRole(notice.schoolId, 'coordinator', tx);
      await this.queue(recipientAddresses(staff), mail.words(this.link('/staff/notices')), mail.kind, notice.id, tx);
    }
  }

  /** A new member of staff's set-up code, to them, in the transaction that made the account. */
  async setupCode(tx: Db, account: { email: string; fullName: string; code: string; codeHash: string; expiresAt: Temporal.Instant }): Promise<void> {
    const content = setupCodeEmail({ fullName: account.fullName, code: account.code, expiresAt: account.expiresAt, link: this.link('/staff') });
    await this.queue(recipientAddresses([{ email: account.email, deactivated: false }]), content, 'setup_code', account.codeHash, tx);
  }

  /**
   * Concerns no DSL of a school has picked up within that school's `dslEscalationMinutes`: to the
   * school's deputies, its coordinators (see the README: every school has one, and they can reach
   * a DSL in person). Queued once per concern and address, however often the sweep runs.
   */
  async escalateUntouched(): Promise<void> {
    const now = this.deps.clock.now();
    const candidates = await this.deps.outbox.untouchedConcerns(now.subtract(ESCALATION_LOOKBACK), now);
    for (const concern of candidates) {
      const { dslEscalationMinutes } = await this.deps.settings.forSchool(concern.schoolId);
      const raisedAt = Temporal.Instant.fromEpochMilliseconds(concern.raisedAt.getTime());
      if (Temporal.Instant.compare(raisedAt.add({ minutes: dslEscalationMinutes }), now) > 0) continue;
      const { staff, timeZone } = await this.deps.outbox.staffWithRole(concern.schoolId, 'coordinator');
      const content = escalationEmail({ raisedAt, timeZone, minutes: dslEscalationMinutes, link: this.link('/staff') });
      await this.queue(recipientAddresses(staff), content, 'dsl_escalation', `${concern.concernId}:${concern.schoolId}`);
    }
  }

  private async queue(addresses: string[], content: EmailContent, kind: string, subjectRef: string, tx?: Db): Promise<void> {
    if (addresses.length === 0) return;
    const rows = addresses.map((toAddress) => ({ toAddress, subject: content.subject, bodyText: content.text, kind, subjectRef }));
    // A sweep finding the same concern again queues nothing new, and need not wake the sender.
    if ((await this.deps.outbox.enqueue(rows, this.deps.clock.now(), tx)) > 0) this.deps.queued();
  }

  private link(path: string): string {
    return `${this.deps.publicUrl}${path}`;
  }
}
