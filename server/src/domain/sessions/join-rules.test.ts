import { describe, expect, it } from 'vitest';
import { Temporal } from 'temporal-polyfill';
import { decideJoin, sessionStatus, type SessionForJoin } from './join-rules.js';

const start = Temporal.Instant.from('2026-11-24T08:40:00Z');
const session: SessionForJoin = {
  id: 's1',
  cancelled: false,
  startsAt: start,
  endsAt: start.add({ minutes: 30 }),
  mentor: { id: 'mentor', schoolId: 'school-a', role: 'mentor', eligible: true },
  mentee: { id: 'mentee', schoolId: 'school-b', role: 'mentee', eligible: true },
};
const at = (minutesFromStart: number, seconds = 0) => start.add({ minutes: minutesFromStart }).add({ seconds });
const mentorJoin = (now: Temporal.Instant) =>
  decideJoin({ session, studentId: 'mentor', deviceSchoolId: 'school-a', now });

describe('join window', () => {
  it('refuses one second before the window opens, naming when it opens', () => {
    const decision = mentorJoin(at(-5, -1));
    expect(decision).toEqual({ allowed: false, reason: 'not_open_yet', opensAt: at(-5) });
  });

  it('opens exactly five minutes before the start', () => {
    expect(mentorJoin(at(-5)).allowed).toBe(true);
  });

  it('stays open until the last second before the end', () => {
    expect(mentorJoin(at(30, -1)).allowed).toBe(true);
  });

  it('is closed at the end itself', () => {
    expect(mentorJoin(at(30))).toEqual({ allowed: false, reason: 'over', endedAt: at(30) });
  });

  it('refuses a cancelled session even inside its window', () => {
    const decision = decideJoin({
      session: { ...session, cancelled: true },
      studentId: 'mentor',
      deviceSchoolId: 'school-a',
      now: at(0),
    });
    expect(decision).toEqual({ allowed: false, reason: 'cancelled' });
  });
});

describe('a session staff ended', () => {
  it('refuses both students for the rest of its window', () => {
    const ended = { ...session, endedByStaff: true };
    expect(decideJoin({ session: ended, studentId: 'mentor', deviceSchoolId: 'school-a', now: at(10) })).toEqual({ allowed: false, reason: 'ended_by_staff' });
    expect(decideJoin({ session: ended, studentId: 'mentee', deviceSchoolId: 'school-b', now: at(30, -1) })).toEqual({ allowed: false, reason: 'ended_by_staff' });
  });

  it('still tells an outsider only that it is not theirs', () => {
    const ended = { ...session, endedByStaff: true };
    expect(decideJoin({ session: ended, studentId: 'someone-else', deviceSchoolId: 'school-a', now: at(10) })).toEqual({ allowed: false, reason: 'not_participant' });
  });
});

describe('who may join', () => {
  it('admits each of the two students from their own school, with the other as partner', () => {
    const mentee = decideJoin({ session, studentId: 'mentee', deviceSchoolId: 'school-b', now: at(0) });
    expect(mentee).toMatchObject({ allowed: true, participant: { id: 'mentee' }, partner: { id: 'mentor' } });
    expect(mentorJoin(at(0))).toMatchObject({ allowed: true, partner: { id: 'mentee' } });
  });

  it('refuses a student who is not one of the pair', () => {
    const decision = decideJoin({ session, studentId: 'someone-else', deviceSchoolId: 'school-a', now: at(0) });
    expect(decision).toEqual({ allowed: false, reason: 'not_participant' });
  });

  it("refuses a participant joining from the other school's device", () => {
    const decision = decideJoin({ session, studentId: 'mentor', deviceSchoolId: 'school-b', now: at(0) });
    expect(decision).toEqual({ allowed: false, reason: 'not_participant' });
  });

  it('checks identity before time, so an outsider learns nothing about the timetable', () => {
    const decision = decideJoin({ session, studentId: 'someone-else', deviceSchoolId: 'school-a', now: at(-60) });
    expect(decision.allowed === false && decision.reason).toBe('not_participant');
  });
});

describe('consent', () => {
  it("refuses both students while the mentee's parental consent is missing, naming what is missing", () => {
    const withoutConsent = { ...session, mentee: { ...session.mentee, eligible: false } };
    for (const [studentId, deviceSchoolId] of [['mentor', 'school-a'], ['mentee', 'school-b']]) {
      expect(decideJoin({ session: withoutConsent, studentId: studentId!, deviceSchoolId: deviceSchoolId!, now: at(0) })).toEqual({
        allowed: false,
        reason: 'consent_missing',
        missing: [{ studentId: 'mentee', schoolId: 'school-b', what: 'parental_consent' }],
      });
    }
  });

  it("names the mentor's missing training too", () => {
    const untrained = { ...session, mentor: { ...session.mentor, eligible: false }, mentee: { ...session.mentee, eligible: false } };
    const decision = decideJoin({ session: untrained, studentId: 'mentor', deviceSchoolId: 'school-a', now: at(0) });
    expect(decision.allowed === false && decision.reason === 'consent_missing' && decision.missing.map((m) => m.what)).toEqual([
      'parental_consent',
      'mentor_training',
    ]);
  });

  it('does not reveal consent problems to someone outside the window', () => {
    const withoutConsent = { ...session, mentee: { ...session.mentee, eligible: false } };
    const decision = decideJoin({ session: withoutConsent, studentId: 'mentor', deviceSchoolId: 'school-a', now: at(-30) });
    expect(decision.allowed === false && decision.reason).toBe('not_open_yet');
  });
});

describe('sessionStatus', () => {
  it('moves upcoming → open → ended', () => {
    expect(sessionStatus(session, at(-6))).toBe('upcoming');
    expect(sessionStatus(session, at(-5))).toBe('open');
    expect(sessionStatus(session, at(30))).toBe('ended');
  });
});
