import type { StaffPrincipal } from '../../domain/access/policy.js';
import { AppError } from '../../errors.js';

/**
 * The school a member of staff acts for. Every school-scoped staff action needs
 * one; an account with no school (a deployment admin) is refused, not trusted
 * with a null that a query would read as "any school".
 */
export function schoolOf(staff: Pick<StaffPrincipal, 'schoolId'>): string {
  if (!staff.schoolId) throw new AppError('forbidden', 'Your account is not attached to a school.');
  return staff.schoolId;
}
