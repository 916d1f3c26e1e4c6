import { describe, expect, it } from 'vitest';
import {
  allowedChoices,
  buildAmendment,
  describeAmendment,
  emptyAmendFields,
  staffConcernProblem,
  type AmendmentContext,
} from './concern-amendments';
import type { ConcernAmendment } from './concerns-api';

const ME = 'staff-me-0000-0000';
const context: AmendmentContext = {
  myStaffId: ME,
  children: [{ studentId: 'student-1', schoolId: 'school-a', firstName: 'Sam', lastName: 'Smith', schoolName: 'Northgate Academy', yearGroup: 12 }],
};

function amendment(patch: Partial<ConcernAmendment>): ConcernAmendment {
  return {
    seq: 1,
    at: '2026-01-01T09:00:00Z',
    byStaffId: null,
    byStudentId: null,
    byName: '',
    kind: 'note',
    fromStatus: null,
    toStatus: null,
    text: null,
    reason: null,
    closing: null,
    ...patch,
  };
}

describe('allowedChoices', () => {
  it('follows the forward-only workflow', () => {
    expect(allowedChoices('new')).toEqual(['acknowledged', 'in_progress', 'note', 'action', 'decision']);
    expect(allowedChoices('acknowledged')).not.toContain('acknowledged');
    expect(allowedChoices('in_progress')).toContain('close');
    expect(allowedChoices('new')).not.toContain('close');
    expect(allowedChoices('closed')).toEqual(['note']);
  });
});

describe('buildAmendment', () => {
  it('builds status changes without any text', () => {
    expect(buildAmendment('acknowledged', emptyAmendFields)).toEqual({ ok: true, body: { kind: 'status', to: 'acknowledged' } });
  });

  it('trims text and refuses an empty note', () => {
    expect(buildAmendment('note', { ...emptyAmendFields, text: '  Spoke to Sam.  ' })).toEqual({
      ok: true,
      body: { kind: 'note', text: 'Spoke to Sam.' },
    });
    expect(buildAmendment('note', { ...emptyAmendFields, text: '  ' })).toEqual({ ok: false, problem: 'Please fill in the note.' });
  });

  it('needs a reason for a decision', () => {
    expect(buildAmendment('decision', { ...emptyAmendFields, text: 'Refer to early help' })).toEqual({
      ok: false,
      problem: 'Please fill in the reason for it.',
    });
  });

  it('names every missing closing field at once', () => {
    expect(buildAmendment('close', { ...emptyAmendFields, summary: 'Resolved' })).toEqual({
      ok: false,
      problem: 'Please fill in the actions taken and the outcome.',
    });
    expect(buildAmendment('close', { ...emptyAmendFields, summary: 'S', actionsTaken: 'A', outcome: 'O' })).toMatchObject({
      ok: true,
      body: { kind: 'close', summary: 'S', actionsTaken: 'A', outcome: 'O' },
    });
  });
});

describe('describeAmendment', () => {
  it("keeps a child's words as a quotation, attributed to them", () => {
    const words = describeAmendment(amendment({ kind: 'raised', byStudentId: 'student-1', text: 'He asked where I live.' }), context);
    expect(words).toMatchObject({ who: 'Sam (student)', quote: 'He asked where I live.' });
  });

  it('says who on staff wrote an entry as far as the record allows', () => {
    expect(describeAmendment(amendment({ byStaffId: ME, text: 'x' }), context).who).toBe('You');
    expect(describeAmendment(amendment({ byStaffId: 'abcdef123456', byName: 'Ms Grace Adeyemi', text: 'x' }), context).who).toBe('Ms Grace Adeyemi');
    expect(describeAmendment(amendment({ byStaffId: 'abcdef123456', byName: '', text: 'x' }), context).who).toBe('A member of staff');
  });

  it('reads status changes, decisions and closing in words', () => {
    expect(describeAmendment(amendment({ kind: 'status_changed', fromStatus: 'new', toStatus: 'in_progress' }), context).title).toBe(
      'Status: New → In progress',
    );
    expect(describeAmendment(amendment({ kind: 'decision', text: 'Refer', reason: 'Risk' }), context).lines).toEqual([
      { label: 'Decision', value: 'Refer' },
      { label: 'Reason', value: 'Risk' },
    ]);
    const closed = describeAmendment(
      amendment({ kind: 'closed', closing: { summary: 'S', actionsTaken: 'A', outcome: 'O' } }),
      context,
    );
    expect(closed.lines.map((l) => l.label)).toEqual(['Summary', 'Actions taken', 'Outcome']);
  });

  it('still shows an entry of a kind it does not know', () => {
    expect(describeAmendment(amendment({ kind: 'linked_to', text: 'other' }), context)).toMatchObject({ title: 'linked to' });
  });
});

describe('staffConcernProblem', () => {
  it('asks for the children and the description', () => {
    expect(staffConcernProblem([], '')).toBe('Please say which child (or both) it is about and what happened.');
    expect(staffConcernProblem(['a'], ' ')).toBe('Please say what happened.');
    expect(staffConcernProblem(['a'], 'Saw something')).toBeNull();
  });
});
