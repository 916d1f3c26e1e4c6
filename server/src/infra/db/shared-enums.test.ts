import { StaffRole } from '@peerbridge/shared';
import { describe, expect, it } from 'vitest';
import { staffRole } from './schema.js';

/** The database's enums are migrations, not imports: they must still name exactly what the shared contract does. */
describe('database enums', () => {
  it('staff_role names exactly the shared staff roles', () => {
    expect([...staffRole.enumValues].sort()).toEqual([...StaffRole.options].sort());
  });
});
