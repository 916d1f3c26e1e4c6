import { describe, expect, it } from 'vitest';
import { Temporal } from 'temporal-polyfill';
import { ConcernInputError, type Concern, type ConcernActor, type ConcernChange, type RaiseConcernInput } from './concern.js';
import { amendConcern, childChronology, currentStatus, dslRecipients, raiseConcern } from './concern-workflow.js';

const mentor = { studentId: 'stu-mentor', schoolId: 'school-a', firstName: 'Priya', lastName: 'Shah' };
const mentee = { studentId: 'stu-mentee', schoolId: 'school-b', firstName: 'Jayden', lastName: 'Okafor' };
const dslA: ConcernActor = { kind: 'staff', staffId: 'dsl-a' };
const dslB: ConcernActor = { kind: 'staff', staffId: 'dsl-b' };

const oneTap: RaiseConcernInput = {
  id: 'c1',
  sessionId: 'sess-1',
  source: { kind: 'student', studentId: mentee.studentId },
  children: [mentor, mentee],
  whatHappened: null,
  presentAtTime: ['Priya (school-a)', 'Jayden (school-b)', 'Ms Hughes (observer, school-b)'],
  logExcerpt: [{ at: '2026-11-24T08:41:00Z', type: 'SessionJoined', summary: 'Jayden joined' }],
};

const T0 = '2026-11-24T08:52:00Z';
const at = (minutes: number) => Temporal.Instant.from(T0).add({ minutes }).toString();

function raised(overrides: Partial<RaiseConcernInput> = {}, now = T0): Concern {
  return raiseConcern({ ...oneTap, ...overrides }, now);
}

/** Applies changes in order, one minute apart, failing the test on any refusal. */
function apply(concern: Concern, changes: ConcernChange[], by: ConcernActor = dslB): Concern {
  return changes.reduce((c, change, i) => {
    const result = amendConcern(c, change, by, at(i + 1));
    if (!result.ok) throw new Error(`refused: ${result.reason}`);
    return result.concern;
  }, concern);
}

function refusal(concern: Concern, change: ConcernChange, by: ConcernActor = dslB, now = at(30)): string {
  const result = amendConcern(concern, change, by, now);
  if (result.ok) throw new Error('expected a refusal');
  return result.reason;
}

const close = { kind: 'close', summary: 'Upset about home', actionsTaken: 'Spoke to Jayden', outcome: 'Early help referral' } as const;

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConcernInputError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConcernInputError');
}

describe('raiseConcern', () => {
  it('accepts a one-tap student concern with no words, reaching both schools', () => {
    const concern = raised();
    expect(concern.whatHappened).toBeNull();
    expect(concern.schoolIds).toEqual(['school-a', 'school-b']);
    expect(currentStatus(concern)).toBe('new');
    expect(concern.amendments).toEqual([
      { seq: 1, at: T0, byStaffId: null, byStudentId: 'stu-mentee', kind: 'raised', toStatus: 'new' },
    ]);
  });

  it("keeps the child's words verbatim apart from surrounding whitespace", () => {
    const words = 'he said "don\'t tell anyone",\n  and asked for my  number';
    const concern = raised({ whatHappened: `  \n${words}\t ` });
    expect(concern.whatHappened).toBe(words);
    expect(concern.amendments[0]?.text).toBe(words);
  });

  it('treats whitespace-only words as no words', () => {
    expect(raised({ whatHappened: ' \n ' }).whatHappened).toBeNull();
  });

  it('normalises the time to UTC', () => {
    expect(raised({}, '2026-06-02T08:40:00+01:00').raisedAt).toBe('2026-06-02T07:40:00Z');
  });

  it('allows 2000 characters, counting an emoji as one, and refuses 2001', () => {
    expect(raised({ whatHappened: '😟'.repeat(2000) }).whatHappened).toHaveLength(4000);
    expect(problemsOf(() => raised({ whatHappened: 'x'.repeat(2001) }))).toEqual([
      'what happened must be at most 2000 characters',
    ]);
  });

  it('requires a staff member to describe what happened', () => {
    const concern = raised({ source: { kind: 'staff', staffId: 'teacher-1' }, whatHappened: 'Saw a phone number shown to camera' });
    expect(concern.amendments[0]).toMatchObject({ byStaffId: 'teacher-1', byStudentId: null, text: 'Saw a phone number shown to camera' });
    expect(problemsOf(() => raised({ source: { kind: 'staff', staffId: 'teacher-1' }, whatHappened: ' ' }))).toEqual([
      'a staff member raising a concern must describe what happened',
    ]);
  });

  it('refuses a concern with no child, listing every problem at once', () => {
    expect(problemsOf(() => raised({ children: [] }, 'yesterday'))).toEqual([
      'now must be an ISO instant with an offset',
      'at least one child must be involved',
      'a student raising a concern must be one of the children involved',
    ]);
  });

  it('refuses a child listed twice or missing a first name', () => {
    expect(problemsOf(() => raised({ children: [mentor, mentee, { ...mentee, firstName: '' }] }))).toEqual([
      'every child needs a student id, a school id and a first name',
      'child stu-mentee is listed twice',
    ]);
  });

  it('does not share arrays with its input', () => {
    const input = { ...oneTap, children: [{ ...mentor }, { ...mentee }], presentAtTime: ['Priya (school-a)'] };
    const concern = raiseConcern(input, T0);
    input.children[0]!.firstName = 'changed';
    input.presentAtTime.push('someone');
    expect(concern.children[0]?.firstName).toBe('Priya');
    expect(concern.presentAtTime).toEqual(['Priya (school-a)']);
  });
});

describe('amendConcern: the status path', () => {
  it('runs new → acknowledged → in_progress → closed, one appended amendment each', () => {
    const concern = apply(raised(), [{ kind: 'status', to: 'acknowledged' }, { kind: 'status', to: 'in_progress' }, close]);
    expect(currentStatus(concern)).toBe('closed');
    expect(concern.amendments.map((a) => [a.seq, a.kind, a.fromStatus, a.toStatus])).toEqual([
      [1, 'raised', undefined, 'new'],
      [2, 'status_changed', 'new', 'acknowledged'],
      [3, 'status_changed', 'acknowledged', 'in_progress'],
      [4, 'closed', 'in_progress', 'closed'],
    ]);
    expect(concern.amendments[3]).toEqual({
      seq: 4,
      at: at(3),
      byStaffId: 'dsl-b',
      byStudentId: null,
      kind: 'closed',
      fromStatus: 'in_progress',
      toStatus: 'closed',
      closing: { summary: 'Upset about home', actionsTaken: 'Spoke to Jayden', outcome: 'Early help referral' },
    });
  });

  it('lets acknowledged be skipped', () => {
    expect(currentStatus(apply(raised(), [{ kind: 'status', to: 'in_progress' }]))).toBe('in_progress');
  });

  const newC = raised();
  const ackC = apply(raised(), [{ kind: 'status', to: 'acknowledged' }]);
  const progC = apply(raised(), [{ kind: 'status', to: 'in_progress' }]);
  const closedC = apply(progC, [close]);
  const reopen = 'to reopen it, raise a new concern linked to this one';

  it.each([
    ['new → new', newC, { kind: 'status', to: 'new' }, 'the concern is already new'],
    ['acknowledged → new', ackC, { kind: 'status', to: 'new' }, `status cannot move back from acknowledged to new; ${reopen}`],
    ['in_progress → acknowledged', progC, { kind: 'status', to: 'acknowledged' }, `status cannot move back from in_progress to acknowledged; ${reopen}`],
    ['in_progress → new', progC, { kind: 'status', to: 'new' }, `status cannot move back from in_progress to new; ${reopen}`],
    ['status straight to closed', progC, { kind: 'status', to: 'closed' }, 'closing needs a summary, actions taken and an outcome: close the concern instead'],
    ['closed → in_progress', closedC, { kind: 'status', to: 'in_progress' }, `the concern is closed and accepts only notes; ${reopen}`],
    ['closed → new', closedC, { kind: 'status', to: 'new' }, `the concern is closed and accepts only notes; ${reopen}`],
    ['action on closed', closedC, { kind: 'action', text: 'Call parent' }, `the concern is closed and accepts only notes; ${reopen}`],
    ['decision on closed', closedC, { kind: 'decision', text: 'Refer', reason: 'New info' }, `the concern is closed and accepts only notes; ${reopen}`],
    ['closing twice', closedC, close, `the concern is closed and accepts only notes; ${reopen}`],
    ['closing from new', newC, close, 'only a concern in progress can be closed; move it from new to in_progress first'],
    ['closing from acknowledged', ackC, close, 'only a concern in progress can be closed; move it from acknowledged to in_progress first'],
  ] satisfies [string, Concern, ConcernChange, string][])('refuses %s', (_name, concern, change, reason) => {
    expect(refusal(concern, change)).toBe(reason);
  });

  it('still accepts notes on a closed concern', () => {
    const noted = apply(closedC, [{ kind: 'note', text: 'Mum phoned to say thank you' }]);
    expect(noted.amendments.at(-1)).toMatchObject({ seq: 4, kind: 'note', text: 'Mum phoned to say thank you' });
    expect(currentStatus(noted)).toBe('closed');
  });
});

describe('amendConcern: content rules', () => {
  const progC = apply(raised(), [{ kind: 'status', to: 'in_progress' }]);

  it('names every missing closing field', () => {
    expect(refusal(progC, { kind: 'close', summary: '', actionsTaken: ' ', outcome: '\n' })).toBe(
      'closing needs a summary, actions taken and an outcome; missing: summary, actions taken, outcome',
    );
    expect(refusal(progC, { ...close, outcome: '  ' })).toBe(
      'closing needs a summary, actions taken and an outcome; missing: outcome',
    );
    expect(refusal(progC, { ...close, summary: '', actionsTaken: '' })).toBe(
      'closing needs a summary, actions taken and an outcome; missing: summary, actions taken',
    );
  });

  it('requires a reason for every decision', () => {
    expect(refusal(progC, { kind: 'decision', text: 'No referral to social care', reason: ' ' })).toBe('a decision needs a reason');
    expect(refusal(progC, { kind: 'decision', text: '', reason: '' })).toBe('a decision needs the decision and a reason');
    const decided = apply(progC, [{ kind: 'decision', text: 'Early help', reason: 'Below threshold, family engaged' }]);
    expect(decided.amendments.at(-1)).toMatchObject({ kind: 'decision', text: 'Early help', reason: 'Below threshold, family engaged' });
  });

  it('refuses empty notes and actions', () => {
    expect(refusal(progC, { kind: 'note', text: ' ' })).toBe('a note needs text');
    expect(refusal(progC, { kind: 'action', text: '' })).toBe('an action needs text');
  });

  it('lets the child who raised it add their words later, and nothing else', () => {
    const child: ConcernActor = { kind: 'student', studentId: mentee.studentId };
    const added = amendConcern(raised(), { kind: 'note', text: 'he kept asking where I live' }, child, at(1));
    expect(added.ok && added.concern.amendments[1]).toMatchObject({ byStudentId: 'stu-mentee', byStaffId: null, kind: 'note' });
    expect(refusal(raised(), { kind: 'status', to: 'acknowledged' }, child)).toBe(
      'only staff can change the status or record actions, decisions and closure',
    );
  });

  it('keeps the other child out of a concern they did not raise', () => {
    const other: ConcernActor = { kind: 'student', studentId: mentor.studentId };
    expect(refusal(raised(), { kind: 'note', text: 'it was a joke' }, other)).toBe(
      'a student can only add to a concern they raised themselves',
    );
  });

  it('refuses an amendment dated before the last entry, or with no valid time', () => {
    expect(refusal(raised(), { kind: 'note', text: 'x' }, dslA, at(-1))).toBe(
      `an amendment cannot be dated before the previous entry (${T0})`,
    );
    expect(refusal(raised(), { kind: 'note', text: 'x' }, dslA, '2026-11-24 09:00')).toBe(
      'the time of an amendment must be an ISO instant with an offset',
    );
    expect(amendConcern(raised(), { kind: 'note', text: 'same instant' }, dslA, T0).ok).toBe(true);
  });
});

describe('amendConcern: append-only', () => {
  it('never changes its input or any earlier amendment', () => {
    const before = deepFreeze(apply(raised({ whatHappened: 'words' }), [{ kind: 'status', to: 'acknowledged' }]));
    const snapshot = structuredClone(before);

    const result = amendConcern(before, { kind: 'action', text: 'Spoke to Priya' }, dslA, at(5));

    expect(before).toEqual(snapshot);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.concern).not.toBe(before);
    expect(result.concern.amendments.slice(0, 2)).toEqual(snapshot.amendments);
    expect(result.concern.amendments[2]).toMatchObject({ seq: 3, kind: 'action', byStaffId: 'dsl-a' });
  });

  it('leaves the input unchanged on a refusal too', () => {
    const before = deepFreeze(raised());
    const snapshot = structuredClone(before);
    expect(amendConcern(before, { kind: 'status', to: 'new' }, dslA, at(1)).ok).toBe(false);
    expect(before).toEqual(snapshot);
  });
});

describe('dslRecipients', () => {
  it("returns both schools' DSLs", () => {
    const dsls = new Map([
      ['school-a', ['dsl-a', 'deputy-a']],
      ['school-b', ['dsl-b']],
    ]);
    expect(dslRecipients(raised(), dsls)).toEqual([
      { schoolId: 'school-a', staffIds: ['dsl-a', 'deputy-a'] },
      { schoolId: 'school-b', staffIds: ['dsl-b'] },
    ]);
  });

  it('keeps a school with no DSL, flagged by an empty list', () => {
    expect(dslRecipients(raised(), new Map([['school-a', ['dsl-a', 'dsl-a']]]))).toEqual([
      { schoolId: 'school-a', staffIds: ['dsl-a'] },
      { schoolId: 'school-b', staffIds: [] },
    ]);
  });

  it('names a school once when both children are there', () => {
    const sameSchool = raised({ children: [mentor, { ...mentee, schoolId: 'school-a' }] });
    expect(dslRecipients(sameSchool, new Map())).toEqual([{ schoolId: 'school-a', staffIds: [] }]);
  });
});

describe('childChronology', () => {
  // Two concerns about Jayden whose entries interleave in time; one other concern is not about him.
  const first = apply(raised({ whatHappened: 'He asked for my\nSnapchat' }, at(0)), []);
  const second = raiseConcern(
    { ...oneTap, id: 'c2', source: { kind: 'staff', staffId: 'teacher-1' }, whatHappened: 'Jayden cried after the call' },
    at(2),
  );
  const firstAmended = amendConcern(first, { kind: 'status', to: 'acknowledged' }, dslB, at(3));
  const secondAmended = amendConcern(second, { kind: 'decision', text: 'Monitor', reason: 'One-off' }, dslB, at(4));
  const firstLater = firstAmended.ok ? amendConcern(firstAmended.concern, { kind: 'note', text: 'Spoke to Jayden' }, dslA, at(5)) : firstAmended;
  const unrelated = raiseConcern(
    { ...oneTap, id: 'c3', children: [mentor], source: { kind: 'student', studentId: mentor.studentId } },
    at(1),
  );
  if (!secondAmended.ok || !firstLater.ok) throw new Error('fixture refused');
  const concerns = [secondAmended.concern, unrelated, firstLater.concern];

  it('lists every amendment of every concern involving the child, oldest first', () => {
    const entries = childChronology(concerns, mentee.studentId);
    expect(entries.map((e) => [e.concernId, e.seq, e.at, e.kind])).toEqual([
      ['c1', 1, at(0), 'raised'],
      ['c2', 1, at(2), 'raised'],
      ['c1', 2, at(3), 'status_changed'],
      ['c2', 2, at(4), 'decision'],
      ['c1', 3, at(5), 'note'],
    ]);
  });

  it("includes a concern another child raised if this child was involved", () => {
    expect(childChronology(concerns, mentor.studentId).map((e) => e.concernId)).toEqual(['c1', 'c3', 'c2', 'c1', 'c2', 'c1']);
  });

  it('orders by instant, not by how the time was written', () => {
    const early = raised({ id: 'late-written' }, '2026-06-02T08:10:00+01:00'); // 07:10Z
    const later = raised({ id: 'early-written' }, '2026-06-02T07:30:00Z');
    expect(childChronology([later, early], mentee.studentId).map((e) => e.concernId)).toEqual(['late-written', 'early-written']);
  });

  it('is empty for a child with no concerns', () => {
    expect(childChronology(concerns, 'stu-nobody')).toEqual([]);
  });
});
