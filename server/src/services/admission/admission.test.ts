import { describe, expect, it } from 'vitest';
import { Temporal } from 'temporal-polyfill';
import type { SessionRecord } from '../../infra/db/session-repository.js';
import type { StaffIdentity } from '../staff/staff-auth.js';
import { Admission } from './admission.js';

const startsAt = Temporal.Instant.from('2026-11-24T08:40:00Z');
const student = (id: string, schoolId: string, role: 'mentor' | 'mentee', eligible = true) => ({
  id,
  schoolId,
  schoolName: schoolId,
  schoolTimeZone: schoolId === 'school-a' ? 'Europe/London' : 'America/New_York',
  firstName: id,
  lastName: 'Example',
  yearGroup: 11,
  role,
  eligible,
});
const record = (over: Partial<SessionRecord> = {}): SessionRecord => ({
  id: 'session-1',
  cancelled: false,
  startsAt,
  endsAt: startsAt.add({ minutes: 30 }),
  mentor: student('mentor', 'school-a', 'mentor'),
  mentee: student('mentee', 'school-b', 'mentee'),
  chatKeywords: null,
  focus: '',
  nextStartsAt: null,
  endedByStaff: false,
  ...over,
});
const dsl = (schoolId: string): StaffIdentity => ({
  staffId: 'staff-1',
  schoolId,
  roles: ['dsl'],
  email: 'd@x',
  fullName: 'D',
  schoolName: schoolId,
  schoolTimeZone: 'Europe/London',
});

function admission(session: SessionRecord, now: Temporal.Instant, tokenOk = true) {
  const told: string[] = [];
  const asked: string[] = [];
  const a = new Admission({
    sessions: {
      findById: async (id) => {
        asked.push(id);
        return id === session.id ? session : undefined;
      },
    },
    joinTokens: {
      verify: async () => {
        if (!tokenOk) throw Object.assign(new Error('bad token'), { code: 'unauthenticated' });
      },
    },
    notices: { consentMissing: async (_s, missing) => void told.push(...missing.map((m) => m.what)) },
    clock: { now: () => now },
  });
  return { a, told, asked };
}

const join = { sessionId: 'session-1', studentId: 'mentee', joinToken: 't' };
const menteeIpad = { deviceId: 'ipad-b', schoolId: 'school-b' };

describe('Admission', () => {
  it('checks the join token before it looks the session up', async () => {
    const { a, asked } = admission(record(), startsAt, false);
    await expect(a.admitStudent(join, menteeIpad)).rejects.toMatchObject({ code: 'unauthenticated' });
    expect(asked).toEqual([]);
  });

  it('admits a student of the session from their own school’s iPad while it is open', async () => {
    const { a } = admission(record(), startsAt);
    await expect(a.admitStudent(join, menteeIpad)).resolves.toMatchObject({ id: 'session-1' });
  });

  it("refuses too early in the time of the child's own school", async () => {
    const { a } = admission(record(), startsAt.subtract({ hours: 1 }));
    await expect(a.admitStudent(join, menteeIpad)).rejects.toMatchObject({
      code: 'session_not_open',
      message: expect.stringContaining('03:35'),
    });
  });

  it('tells the coordinator when consent is missing, and refuses', async () => {
    const { a, told } = admission(record({ mentee: student('mentee', 'school-b', 'mentee', false) }), startsAt);
    await expect(a.admitStudent(join, menteeIpad)).rejects.toMatchObject({ code: 'forbidden' });
    expect(told).toEqual(['parental_consent']);
  });

  it('lets staff of either school observe an open session, and nobody else', async () => {
    const { a } = admission(record(), startsAt);
    await expect(a.admitObserver(dsl('school-b'), 'session-1')).resolves.toMatchObject({ id: 'session-1' });
    await expect(a.admitObserver(dsl('school-c'), 'session-1')).rejects.toMatchObject({ code: 'forbidden' });
    await expect(a.admitObserver(dsl('school-a'), 'nope')).rejects.toMatchObject({ code: 'not_found' });
    const later = admission(record(), startsAt.add({ hours: 2 })).a;
    await expect(later.admitObserver(dsl('school-a'), 'session-1')).rejects.toMatchObject({ code: 'session_not_open' });
  });
});
