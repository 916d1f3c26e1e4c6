import { RecordMethod, StaffRole } from '@peerbridge/shared';
import { describe, expect, it } from 'vitest';
import { recordMethods, staffRole } from './schema.js';

/** The database's enums are migrations, not imports: they must still name exactly what the shared contract does. */
describe('database enums', () => {
  it('staff_role names exactly the shared staff roles', () => {
    expect([...staffRole.enumValues].sort()).toEqual([...StaffRole.options].sort());
  });

  it('the consent and training methods name exactly the shared RecordMethod (the migration checks the same list)', () => {
    expect([...recordMethods].sort()).toEqual([...RecordMethod.options].sort());
  });
});
