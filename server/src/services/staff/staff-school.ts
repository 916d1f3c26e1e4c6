import type { StaffPrincipal } from '../../domain/access/policy.js';
import { AppError } from '../../errors.js';

/**
 * The school a member of staff acts for. A deployment admin belongs to no school, and
 * everything that reads or writes a school's records is refused to them here, in words,
 * rather than carried on with a missing id.
 */
export function schoolOf(staff: Pick<StaffPrincipal, 'schoolId'>): string {
  if (!staff.schoolId) throw new AppError('forbidden', 'Your account does not belong to a school, so it cannot do that.');
  return staff.schoolId;
}
