import { Temporal } from 'temporal-polyfill';
import type { StaffAuditAction, StaffAuditPage, StaffAuditQuery, StaffAuditVerification } from '@peerbridge/shared';
import { can } from '../../domain/access/policy.js';
import { verifyStaffAudit } from '../../domain/audit/staff-audit.js';
import type { Clock } from '../../domain/time/clock.js';
import { AppError } from '../../errors.js';
import type { AlsoInTransaction } from '../../infra/db/in-transaction.js';
import type { StaffAuditRepository } from '../../infra/db/staff-audit-repository.js';
import type { StaffIdentity } from '../staff/staff-auth.js';
import { schoolOf } from '../staff/staff-school.js';

/**
 * What staff did, for their school's coordinators and safeguarding leads to
 * read. The services that perform an action ask this for its entry and write
 * it in their own transaction (`recording`), so an action is never on record
 * without having happened, nor done without being on record.
 */
export class StaffAuditTrail {
  constructor(private readonly deps: { audit: Pick<StaffAuditRepository, 'append' | 'appendIn' | 'page' | 'actors' | 'all'>; clock: Clock }) {}

  /**
   * The entry for an action, to run inside the action's transaction. `describe`
   * sees what the write produced (a new id); it may name several actions (one
   * form saving consent and training), or none for a write that changed nothing.
   */
  recording<Written = void>(
    staff: StaffIdentity,
    describe: (written: Written) => StaffAuditAction | readonly StaffAuditAction[] | null,
  ): AlsoInTransaction<Written> {
    const schoolId = schoolOf(staff);
    return async (tx, written) => {
      const described = describe(written);
      const actions = described === null ? [] : 'kind' in described ? [described] : described;
      const at = this.deps.clock.now();
      for (const action of actions) {
        await this.deps.audit.appendIn(tx, { schoolId, actorId: staff.staffId, actorName: staff.fullName, at, action });
      }
    };
  }

  /**
   * For the deployment admin, who belongs to no school: each entry goes on the
   * trail of the school it concerns, where that school's coordinators and DSLs
   * read who set them up and who granted their first accounts their roles.
   */
  recordingOn<Written>(staff: StaffIdentity, describe: (written: Written) => readonly { schoolId: string; action: StaffAuditAction }[]): AlsoInTransaction<Written> {
    return async (tx, written) => {
      const at = this.deps.clock.now();
      for (const { schoolId, action } of describe(written)) {
        await this.deps.audit.appendIn(tx, { schoolId, actorId: staff.staffId, actorName: staff.fullName, at, action });
      }
    };
  }

  /** For actions that write nothing of their own (an export): the entry is written before the data leaves. */
  async record(staff: StaffIdentity, action: StaffAuditAction): Promise<void> {
    await this.deps.audit.append({ schoolId: schoolOf(staff), actorId: staff.staffId, actorName: staff.fullName, at: this.deps.clock.now(), action });
  }

  async page(staff: StaffIdentity, query: StaffAuditQuery): Promise<StaffAuditPage> {
    const schoolId = this.readableSchool(staff);
    const { entries, more } = await this.deps.audit.page(schoolId, {
      from: query.from ? Temporal.Instant.from(query.from) : undefined,
      to: query.to ? Temporal.Instant.from(query.to) : undefined,
      kind: query.kind,
      actorId: query.actorId,
      before: query.before,
      limit: query.limit,
    });
    return {
      entries: entries.map((e) => ({ seq: e.seq, at: e.at, actor: { id: e.actorId, name: e.actorName }, action: e.action, hash: e.hash })),
      nextBefore: more ? entries[entries.length - 1]!.seq : null,
      actors: await this.deps.audit.actors(schoolId),
    };
  }

  /**
   * Recomputes the school's whole chain. The head hash it returns is what a
   * signed checkpoint of the trail would cover (the session log's signer can
   * sign it too); verification itself needs no key.
   */
  async verify(staff: StaffIdentity): Promise<StaffAuditVerification> {
    const result = verifyStaffAudit(await this.deps.audit.all(this.readableSchool(staff)));
    return result.ok ? result : { ok: false, entries: result.entries, firstBroken: { seq: result.firstBroken.seq, problem: result.firstBroken.problem } };
  }

  private readableSchool(staff: StaffIdentity): string {
    if (!staff.schoolId || !can(staff, 'audit:read', [staff.schoolId])) {
      throw new AppError('forbidden', 'Your account does not have access to that.');
    }
    return staff.schoolId;
  }
}
