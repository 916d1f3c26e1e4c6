import type { Logger } from 'pino';
import { can } from '../../domain/access/policy.js';
import type { Clock } from '../../domain/time/clock.js';
import { AppError } from '../../errors.js';
import type { StaffRepository } from '../../infra/db/staff-repository.js';
import type { StaffAuth, StaffIdentity } from './staff-auth.js';
import type { StaffAuditTrail } from '../audit/staff-audit-trail.js';

/** A school's coordinator closes the account of someone who has left; they are out everywhere at once. */
export class StaffAccounts {
  constructor(private readonly deps: { staff: Pick<StaffRepository, 'findById' | 'deactivate'>; staffAuth: StaffAuth; audit: StaffAuditTrail; clock: Clock; log: Logger }) {}

  async deactivate(actor: StaffIdentity, staffId: string): Promise<void> {
    const target = await this.deps.staff.findById(staffId);
    if (!target) throw AppError.notFound('No such member of staff.');
    if (!can(actor, 'staff:manage', target.schoolId ? [target.schoolId] : [])) {
      throw new AppError('forbidden', 'Your account does not have access to that.');
    }
    if (target.id === actor.staffId) throw new AppError('conflict', 'You cannot deactivate your own account; ask another coordinator.');
    await this.deps.staff.deactivate(
      target.id,
      this.deps.clock.now(),
      this.deps.audit.recording(actor, () => ({ kind: 'StaffAccountDeactivated', account: { id: target.id, fullName: target.fullName } })),
    );
    await this.deps.staffAuth.endAllSessions(target.id);
    this.deps.log.info({ staffId: target.id, by: actor.staffId }, 'StaffAccountDeactivated');
  }
}
