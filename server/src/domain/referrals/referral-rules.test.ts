import { describe, expect, it } from 'vitest';
import { advance, checkReasons, checkReferable, checkTransition, optInWarning, type ReferralFacts } from './referral-rules.js';

const mentee = (over: Partial<ReferralFacts> = {}): ReferralFacts => ({ kind: 'mentee', status: 'new', optedIn: false, consented: false, trained: false, ...over });
const mentor = (over: Partial<ReferralFacts> = {}): ReferralFacts => ({ kind: 'mentor', status: 'new', optedIn: false, consented: false, trained: false, ...over });

describe('referral transitions', () => {
  it('ready_to_pair needs the mentee to opt in and consent to be on record', () => {
    expect(checkTransition(mentee(), 'ready_to_pair', undefined)).toMatchObject({ ok: false, reason: expect.stringContaining('opt-in') });
    expect(checkTransition(mentee({ optedIn: true }), 'ready_to_pair', undefined)).toMatchObject({ ok: false, reason: expect.stringContaining('consent') });
    expect(checkTransition(mentee({ consented: true }), 'ready_to_pair', undefined).ok).toBe(false);
    expect(checkTransition(mentee({ optedIn: true, consented: true }), 'ready_to_pair', undefined).ok).toBe(true);
  });

  it('ready_to_pair needs a mentor to opt in and be trained, not parental consent', () => {
    expect(checkTransition(mentor({ optedIn: true, consented: true }), 'ready_to_pair', undefined)).toMatchObject({ ok: false, reason: expect.stringContaining('training') });
    expect(checkTransition(mentor({ optedIn: true, trained: true }), 'ready_to_pair', undefined).ok).toBe(true);
  });

  it('declined and withdrawn need a reason that is not blank', () => {
    for (const to of ['declined', 'withdrawn'] as const) {
      expect(checkTransition(mentee(), to, undefined).ok).toBe(false);
      expect(checkTransition(mentee(), to, '   ').ok).toBe(false);
      expect(checkTransition(mentee({ status: 'ready_to_pair' }), to, 'Moved away').ok).toBe(true);
    }
  });

  it('a closed referral moves nowhere, and nothing goes back to new', () => {
    expect(checkTransition(mentee({ status: 'declined', optedIn: true, consented: true }), 'ready_to_pair', undefined)).toMatchObject({ ok: false, reason: expect.stringContaining('refer the student again') });
    expect(checkTransition(mentee({ status: 'withdrawn' }), 'declined', 'x').ok).toBe(false);
    expect(checkTransition(mentee({ status: 'waiting_for_consent' }), 'new', undefined).ok).toBe(false);
    expect(checkTransition(mentee({ status: 'waiting_for_consent' }), 'waiting_for_consent', undefined)).toMatchObject({ ok: false, reason: 'The referral is already waiting for consent.' });
  });

  it('only a mentee without consent waits for it', () => {
    expect(checkTransition(mentee(), 'waiting_for_consent', undefined).ok).toBe(true);
    expect(checkTransition(mentee({ consented: true }), 'waiting_for_consent', undefined).ok).toBe(false);
    expect(checkTransition(mentor(), 'waiting_for_consent', undefined).ok).toBe(false);
  });
});

describe('advance after something is recorded', () => {
  it('asking for consent makes a new mentee referral wait for it', () => {
    expect(advance(mentee(), true)).toBe('waiting_for_consent');
    expect(advance(mentee(), false)).toBe('new');
  });
  it('becomes ready once opt-in and consent are both on record, in either order', () => {
    expect(advance(mentee({ status: 'waiting_for_consent', optedIn: true, consented: true }), true)).toBe('ready_to_pair');
    expect(advance(mentee({ consented: true }), false)).toBe('new');
    expect(advance(mentee({ consented: true, optedIn: true }), false)).toBe('ready_to_pair');
    expect(advance(mentor({ optedIn: true, trained: true }), false)).toBe('ready_to_pair');
  });
  it('never reopens a closed referral', () => {
    expect(advance(mentee({ status: 'withdrawn', optedIn: true, consented: true }), true)).toBe('withdrawn');
  });
});

describe('who may be referred, and why', () => {
  it('mentees are Year 11 mentees; mentors Year 12 or 13 mentors; leavers neither', () => {
    expect(checkReferable({ role: 'mentee', yearGroup: 11, archived: false }, 'mentee').ok).toBe(true);
    expect(checkReferable({ role: 'mentee', yearGroup: 10, archived: false }, 'mentee').ok).toBe(false);
    expect(checkReferable({ role: 'mentor', yearGroup: 12, archived: false }, 'mentee').ok).toBe(false);
    expect(checkReferable({ role: 'mentor', yearGroup: 13, archived: false }, 'mentor').ok).toBe(true);
    expect(checkReferable({ role: 'mentor', yearGroup: 11, archived: false }, 'mentor').ok).toBe(false);
    expect(checkReferable({ role: 'mentee', yearGroup: 11, archived: true }, 'mentee').ok).toBe(false);
  });
  it("reasons come from the school's list; a mentee's referral gives at least one", () => {
    const list = ['Attainment', 'Exam stress'];
    expect(checkReasons('mentee', [], list).ok).toBe(false);
    expect(checkReasons('mentor', [], list).ok).toBe(true);
    expect(checkReasons('mentee', ['Exam stress'], list).ok).toBe(true);
    expect(checkReasons('mentee', ['Exam stress', 'Bereavement'], list)).toEqual({ ok: false, reason: "Not one of the school's referral reasons: Bereavement." });
  });
});

describe('the opt-in warning', () => {
  it('warns when the referrer asked or recorded the agreement, and only then', () => {
    expect(optInWarning('a', null)).toBeNull();
    expect(optInWarning('a', { askedBy: 'b', recordedBy: 'c' })).toBeNull();
    expect(optInWarning('a', { askedBy: 'b', recordedBy: 'a' })).toContain('also recorded their agreement');
    expect(optInWarning('a', { askedBy: 'a', recordedBy: 'c' })).toContain('chose freely');
  });
});
