import { describe, expect, it } from 'vitest';
import type { StaffAuditAction } from '@peerbridge/shared';
import { GENESIS_HASH } from './hash-chain.js';
import { staffAuditHash, studentLabel, verifyStaffAudit, type StoredStaffAuditEntry } from './staff-audit.js';

const school = '00000000-0000-4000-8000-000000000001';
const actor = '00000000-0000-4000-8000-000000000002';
const student = { id: '00000000-0000-4000-8000-000000000003', name: 'Sam R' };

function chain(actions: StaffAuditAction[]): StoredStaffAuditEntry[] {
  const entries: StoredStaffAuditEntry[] = [];
  let prevHash = GENESIS_HASH;
  actions.forEach((action, i) => {
    const content = { schoolId: school, seq: i + 1, at: `2027-01-0${i + 1}T09:00:00.000Z`, actorId: actor, actorName: 'Ms Dana Hill', action };
    const hash = staffAuditHash(prevHash, content);
    entries.push({ ...content, id: i + 1, prevHash, hash });
    prevHash = hash;
  });
  return entries;
}

const actions: StaffAuditAction[] = [
  { kind: 'PinReset', student },
  { kind: 'ParentalConsentChanged', student, given: true },
  { kind: 'DeviceEnrolled', device: { id: student.id, label: 'Library iPad 3' } },
];

describe('the staff audit chain', () => {
  it('verifies as built, ending at the last entry’s hash', () => {
    const entries = chain(actions);
    expect(verifyStaffAudit(entries)).toEqual({ ok: true, entries: 3, headHash: entries[2]!.hash });
  });

  it('names an edited entry, whichever field was changed', () => {
    const edits: ((e: StoredStaffAuditEntry) => StoredStaffAuditEntry)[] = [
      (e) => ({ ...e, actorName: 'Mr Ravi Patel' }),
      (e) => ({ ...e, at: '2027-01-02T09:00:01.000Z' }),
      (e) => ({ ...e, action: { kind: 'ParentalConsentChanged', student, given: false } }),
      (e) => ({ ...e, schoolId: actor }),
    ];
    for (const edit of edits) {
      const entries = chain(actions);
      entries[1] = edit(entries[1]!);
      expect(verifyStaffAudit(entries)).toMatchObject({ ok: false, firstBroken: { seq: 2, problem: 'content_changed' } });
    }
  });

  it('names an edit re-hashed to cover it on the entry after, a removed entry as a gap, and a reordering', () => {
    const rehashed = chain(actions);
    const forged = { ...rehashed[1]!, action: { kind: 'ParentalConsentChanged', student, given: false } as const };
    rehashed[1] = { ...forged, hash: staffAuditHash(forged.prevHash, forged) };
    expect(verifyStaffAudit(rehashed)).toMatchObject({ ok: false, firstBroken: { seq: 3, problem: 'link_broken' } });

    const entries = chain(actions);
    expect(verifyStaffAudit([entries[0]!, entries[2]!])).toMatchObject({ ok: false, firstBroken: { seq: 3, problem: 'sequence_gap' } });
    expect(verifyStaffAudit([entries[1]!, entries[0]!, entries[2]!])).toMatchObject({ ok: false, firstBroken: { seq: 2, problem: 'sequence_gap' } });
  });

  it('hashes the same content the same however its keys were ordered (jsonb reorders them)', () => {
    const [entry] = chain(actions);
    const reordered = { ...entry!, action: { student: { name: 'Sam R', id: student.id }, kind: 'PinReset' } as StaffAuditAction };
    expect(staffAuditHash(entry!.prevHash, reordered)).toBe(entry!.hash);
  });
});

describe('studentLabel', () => {
  it('gives first name and surname initial', () => {
    expect(studentLabel('Sam', 'riley')).toBe('Sam R');
    expect(studentLabel('Sam', ' ')).toBe('Sam');
  });
});
