import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.js';
import { schoolOf } from './staff-school.js';

describe('schoolOf', () => {
  it("is the staff member's school", () => {
    expect(schoolOf({ schoolId: 'school-a' })).toBe('school-a');
  });

  it('refuses an account with no school (a deployment admin) as forbidden, saying why', () => {
    for (const schoolId of [null, '']) {
      const refusal = (() => {
        try {
          schoolOf({ schoolId });
        } catch (error) {
          return error;
        }
      })();
      expect(refusal).toBeInstanceOf(AppError);
      expect(refusal).toMatchObject({ code: 'forbidden', message: 'Your account is not attached to a school.' });
    }
  });
});
