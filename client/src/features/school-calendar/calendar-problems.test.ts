import { describe, expect, it } from 'vitest';
import { PeerbridgeError } from '../../lib/peerbridge-error';
import { draftFrom, updateRow, type CalendarDraft } from './calendar-draft';
import { checkCalendar, checkClosure, firstOverlap, serverProblems, unplacedProblems } from './calendar-problems';

const TODAY = '2026-11-25';

function draft(change: (d: CalendarDraft) => CalendarDraft = (d) => d): CalendarDraft {
  const base = draftFrom(null, 'Europe/London');
  return change({ ...base, terms: [{ key: 't1', name: 'Spring 1', start: '2027-01-05', end: '2027-02-12' }] });
}

const editPeriod = (d: CalendarDraft, weekday: 1 | 2, index: number, change: Record<string, string>): CalendarDraft => ({
  ...d,
  days: { ...d.days, [weekday]: updateRow(d.days[weekday], d.days[weekday][index]!.key, change) },
});

describe('checkCalendar', () => {
  it('passes a typical day with one term', () => {
    expect(checkCalendar(draft(), TODAY)).toMatchObject({ ok: true, body: { cycle: { weeks: 1, knownWeekAMonday: '2026-11-23' } } });
  });

  it('names the period box with a time like 25:00, and the empty name', () => {
    const checked = checkCalendar(draft((d) => editPeriod(editPeriod(d, 1, 2, { end: '25:00' }), 1, 3, { name: ' ' })), TODAY);
    expect(checked).toEqual({
      ok: false,
      problems: { 'bellSchedule.1.2.end': 'Must be a time like 08:40.', 'bellSchedule.1.3.name': 'Is empty.' },
    });
  });

  it('names the two overlapping periods on the day, for every day when one list serves the week', () => {
    const overlapping = draft((d) => editPeriod(d, 1, 3, { start: '10:50' }));
    expect(checkCalendar(overlapping, TODAY)).toEqual({
      ok: false,
      problems: { 'bellSchedule.1': 'Every day has overlapping periods: P2 (10:00–11:00) and Break (10:50–11:20).' },
    });
  });

  it('names the weekday when days are edited one by one', () => {
    const tuesday = draft((d) => editPeriod({ ...d, sameEveryDay: false }, 2, 1, { end: '08:59' }));
    expect(checkCalendar(tuesday, TODAY)).toMatchObject({ ok: false, problems: { 'bellSchedule.2.1.end': 'Must end after it starts.' } });
  });

  it('refuses a term that ends before it starts, by its end date', () => {
    const checked = checkCalendar(draft((d) => ({ ...d, terms: [{ key: 't', name: 'Spring 1', start: '2027-02-12', end: '2027-01-05' }] })), TODAY);
    expect(checked).toEqual({ ok: false, problems: { 'terms.0.end': 'Must end on or after its start.' } });
  });

  it('refuses a Week A "Monday" that is a Tuesday, and asks for one when it is missing', () => {
    expect(checkCalendar(draft((d) => ({ ...d, cycleWeeks: 2, knownWeekAMonday: '2026-09-08' })), TODAY)).toEqual({
      ok: false,
      problems: { 'cycle.knownWeekAMonday': 'Must be a Monday.' },
    });
    expect(checkCalendar(draft((d) => ({ ...d, cycleWeeks: 2 })), TODAY)).toMatchObject({
      problems: { 'cycle.knownWeekAMonday': 'Choose the Monday of a Week A.' },
    });
  });
});

describe('firstOverlap', () => {
  it('finds none in order, and the pair however the rows are ordered', () => {
    expect(firstOverlap([{ name: 'P1', start: '09:00', end: '10:00' }, { name: 'P2', start: '10:00', end: '11:00' }])).toBeNull();
    expect(firstOverlap([{ name: 'P2', start: '09:30', end: '11:00' }, { name: 'P1', start: '09:00', end: '10:00' }])).toBe(
      'P1 (09:00–10:00) and P2 (09:30–11:00)',
    );
  });
});

describe('serverProblems', () => {
  it("puts the server's 400 next to the same field, and keeps a message that names none", () => {
    const refused = new PeerbridgeError('bad_request', 'Invalid request: terms.0.end: must end on or after its start', {
      details: { problems: [{ field: 'terms.0.end', problem: 'must end on or after its start' }, { field: 'bellSchedule.3', problem: 'has two periods with the same name' }] },
    });
    expect(serverProblems(refused, draft(), TODAY)).toEqual({
      fields: { 'terms.0.end': 'Must end on or after its start.', 'bellSchedule.1': 'Every day has two periods with the same name.' },
      general: null,
    });
    expect(serverProblems(new PeerbridgeError('conflict', 'Someone else saved first.'), draft(), TODAY)).toEqual({ fields: {}, general: 'Someone else saved first.' });
  });
});

describe('checkClosure', () => {
  it('takes a whole-day closure and a part-day one', () => {
    expect(checkClosure({ date: '2027-03-09', from: '', to: '', reason: 'INSET day' })).toEqual({ ok: true, input: { date: '2027-03-09', reason: 'INSET day' } });
    expect(checkClosure({ date: '2027-03-09', from: '13:00', to: '15:10', reason: 'Sports day' })).toMatchObject({ ok: true, input: { from: '13:00', to: '15:10' } });
  });

  it('names the missing date and reason, one time without the other, and times the wrong way round', () => {
    expect(checkClosure({ date: '', from: '13:00', to: '', reason: '' })).toEqual({
      ok: false,
      problems: { date: 'Choose the day of the closure.', to: 'Give both times, or neither for the whole day.', reason: 'Is empty.' },
    });
    expect(checkClosure({ date: '2027-03-09', from: '15:00', to: '13:00', reason: 'Trip' })).toEqual({ ok: false, problems: { to: 'Must end after it starts.' } });
  });
});

describe('unplacedProblems', () => {
  it('says in words what no box on the form shows, and leaves the marked ones to their boxes', () => {
    const terms = Array.from({ length: 31 }, (_, i) => ({ key: `t${i}`, name: `Term ${i}`, start: '2027-01-05', end: '2027-01-06' }));
    const checked = checkCalendar(draft((d) => ({ ...d, terms })), TODAY);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(unplacedProblems(checked.problems)).toEqual(['terms: Too big: expected array to have <=30 items.']);
    expect(unplacedProblems({ 'terms.0.end': 'Must end on or after its start.', 'bellSchedule.2': 'Tuesday has overlapping periods.' })).toEqual([]);
  });
});
