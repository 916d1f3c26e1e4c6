import { AttendanceOutcome, ExitReason, RecordMethod, ReferralStatus, SideAttendance, StaffRole, TargetStatus } from '@peerbridge/shared';
import { describe, expect, it } from 'vitest';
import { attendanceOutcomes, exitReasons, recordMethods, referralStatuses, sideAttendances, staffRole, targetStatuses } from './schema.js';

/** The database's enums are migrations, not imports: they must still name exactly what the shared contract does. */
describe('database enums', () => {
  it('staff_role names exactly the shared staff roles', () => {
    expect([...staffRole.enumValues].sort()).toEqual([...StaffRole.options].sort());
  });

  it('the consent and training methods name exactly the shared RecordMethod (the migration checks the same list)', () => {
    expect([...recordMethods].sort()).toEqual([...RecordMethod.options].sort());
  });
});

describe('programme value lists', () => {
  it('name exactly the shared programme vocabulary (the migration checks the same lists)', () => {
    expect([...referralStatuses]).toEqual([...ReferralStatus.options]);
    expect([...targetStatuses]).toEqual([...TargetStatus.options]);
    expect([...sideAttendances]).toEqual([...SideAttendance.options]);
    expect([...attendanceOutcomes]).toEqual([...AttendanceOutcome.options]);
    expect([...exitReasons]).toEqual([...ExitReason.options]);
  });
});
