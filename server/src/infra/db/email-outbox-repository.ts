import { and, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { StaffAddress } from '../../domain/email/email-rules.js';
import type { Db } from './database.js';
import { concerns, emailOutbox, schools, staff } from './schema.js';

export interface OutboxEmail {
  toAddress: string;
  subject: string;
  bodyText: string;
  kind: string;
  subjectRef: string;
}

export interface ClaimedEmail extends OutboxEmail {
  id: string;
  /** Tries so far, this one included. */
  attempts: number;
}

const toDate = (i: Temporal.Instant) => new Date(i.epochMilliseconds);

/**
 * The email outbox: notification emails written beside the record they are about, then sent by
 * the mail sender. (kind, subject_ref, address) is unique, so an email is queued at most once.
 */
export class EmailOutboxRepository {
  constructor(private readonly db: Db) {}

  /** Queued now (due at `at`); one already queued for the same thing and address is left as it is. How many are new. */
  async enqueue(emails: readonly OutboxEmail[], at: Temporal.Instant, tx: Db = this.db): Promise<number> {
    if (emails.length === 0) return 0;
    const added = await tx
      .insert(emailOutbox)
      .values(emails.map((e) => ({ ...e, nextAttemptAt: toDate(at) })))
      .onConflictDoNothing()
      .returning({ id: emailOutbox.id });
    return added.length;
  }

  /**
   * Takes up to `limit` due emails and holds them until `leaseUntil`, so another server (or a
   * slow earlier round) does not send them too; a sender that dies mid-send leaves them due again then.
   */
  async claimDue(now: Temporal.Instant, leaseUntil: Temporal.Instant, limit: number): Promise<ClaimedEmail[]> {
    const due = this.db
      .select({ id: emailOutbox.id })
      .from(emailOutbox)
      .where(and(eq(emailOutbox.status, 'pending'), lte(emailOutbox.nextAttemptAt, toDate(now))))
      .orderBy(emailOutbox.nextAttemptAt)
      .limit(limit)
      .for('update', { skipLocked: true });
    return this.db
      .update(emailOutbox)
      .set({ attempts: sql`${emailOutbox.attempts} + 1`, nextAttemptAt: toDate(leaseUntil) })
      .where(inArray(emailOutbox.id, due))
      .returning({
        id: emailOutbox.id,
        toAddress: emailOutbox.toAddress,
        subject: emailOutbox.subject,
        bodyText: emailOutbox.bodyText,
        kind: emailOutbox.kind,
        subjectRef: emailOutbox.subjectRef,
        attempts: emailOutbox.attempts,
      });
  }

  /** `forget`: the body held a secret (a set-up code) that must not outlive its sending. */
  async markSent(id: string, at: Temporal.Instant, forget: boolean): Promise<void> {
    await this.db
      .update(emailOutbox)
      .set({ status: 'sent', sentAt: toDate(at), lastError: null, ...(forget ? { bodyText: '' } : {}) })
      .where(eq(emailOutbox.id, id));
  }

  async markRetry(id: string, nextAttemptAt: Temporal.Instant, error: string): Promise<void> {
    await this.db.update(emailOutbox).set({ nextAttemptAt: toDate(nextAttemptAt), lastError: error }).where(eq(emailOutbox.id, id));
  }

  async markFailed(id: string, error: string, forget: boolean): Promise<void> {
    await this.db
      .update(emailOutbox)
      .set({ status: 'failed', lastError: error, ...(forget ? { bodyText: '' } : {}) })
      .where(eq(emailOutbox.id, id));
  }

  /** A school's staff holding a role, and the school's zone (for the times an email gives). */
  async staffWithRole(schoolId: string, role: 'coordinator' | 'dsl', tx: Db = this.db): Promise<{ staff: StaffAddress[]; timeZone: string }> {
    const [school] = await tx.select({ timeZone: schools.timeZone }).from(schools).where(eq(schools.id, schoolId));
    const rows = await tx
      .select({ email: staff.email, deactivatedAt: staff.deactivatedAt })
      .from(staff)
      .where(and(eq(staff.schoolId, schoolId), sql`${role}::staff_role = any(${staff.roles})`));
    return { staff: rows.map((r) => ({ email: r.email, deactivated: r.deactivatedAt !== null })), timeZone: school?.timeZone ?? 'UTC' };
  }

  /**
   * Concerns raised between `from` and `to`, per school involved, that no safeguarding lead of that
   * school has touched since (acknowledged, noted, moved on): each amendment after the raising by
   * one of its DSLs counts as having picked it up.
   */
  async untouchedConcerns(from: Temporal.Instant, to: Temporal.Instant): Promise<{ concernId: string; schoolId: string; raisedAt: Date }[]> {
    const rows = await this.db
      .select({ concernId: concerns.id, schoolId: sql<string>`s.school_id`, raisedAt: concerns.raisedAt })
      .from(concerns)
      .innerJoin(sql`unnest(${concerns.schoolIds}) as s(school_id)`, sql`true`)
      .where(
        and(
          gte(concerns.raisedAt, toDate(from)),
          lte(concerns.raisedAt, toDate(to)),
          sql`not exists (
            select 1 from concern_amendments a join staff d on d.id = a.by_staff_id
            where a.concern_id = ${concerns.id} and a.seq > 1 and d.school_id = s.school_id and 'dsl' = any(d.roles)
          )`,
        ),
      );
    return rows.map((r) => ({ ...r, schoolId: String(r.schoolId) }));
  }
}
