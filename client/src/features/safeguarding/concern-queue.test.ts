import { describe, expect, it } from 'vitest';
import { describeConcernChildren, describeExcerptEntry, groupConcerns, namesInExcerpt, relatedConcerns } from './concern-queue';
import type { ConcernSummary } from './concerns-api';

const OWN = 'school-own';
const PARTNER = 'school-partner';

function concern(id: string, status: ConcernSummary['status'], raisedAt: string, sessionId: string | null = 's1'): ConcernSummary {
  return { id, status, raisedAt, sessionId, children: [{ firstName: 'Sam', schoolId: OWN }] };
}

describe('groupConcerns', () => {
  it('puts new concerns first and the newest first within each group', () => {
    const groups = groupConcerns([
      concern('closed', 'closed', '2026-01-05T09:00:00Z'),
      concern('old-new', 'new', '2026-01-01T09:00:00Z'),
      concern('working', 'in_progress', '2026-01-03T09:00:00Z'),
      concern('fresh-new', 'new', '2026-01-04T09:00:00Z'),
    ]);
    expect(groups.map((g) => g.status)).toEqual(['new', 'in_progress', 'closed']);
    expect(groups[0]!.concerns.map((c) => c.id)).toEqual(['fresh-new', 'old-new']);
  });

  it('has no groups for no concerns', () => {
    expect(groupConcerns([])).toEqual([]);
  });
});

describe('relatedConcerns', () => {
  it("finds the other reports from the same session, oldest first (a tap, then the child's words)", () => {
    const all = [
      concern('words', 'new', '2026-01-01T09:02:00Z'),
      concern('tap', 'new', '2026-01-01T09:01:00Z'),
      concern('elsewhere', 'new', '2026-01-01T09:03:00Z', 's2'),
    ];
    expect(relatedConcerns(all, 'words', 's1').map((c) => c.id)).toEqual(['tap']);
    expect(relatedConcerns(all, 'words', null)).toEqual([]);
  });
});

describe('describeConcernChildren', () => {
  it("names our own children in full and a partner school's by first name", () => {
    expect(
      describeConcernChildren(
        [
          { firstName: 'Sam', lastName: 'Smith', schoolId: OWN },
          { firstName: 'Priya', lastName: null, schoolId: PARTNER },
        ],
        OWN,
      ),
    ).toBe('Sam Smith (your school), Priya (partner school)');
  });
});

describe('describeExcerptEntry', () => {
  const SAM = '11111111-1111-4111-8111-111111111111';
  const JONES = '22222222-2222-4222-8222-222222222222';
  const at = '2026-01-01T09:00:00Z';
  const concern = {
    children: [{ studentId: SAM, schoolId: 'school-a', firstName: 'Sam', lastName: 'Smith', schoolName: null, yearGroup: null }],
    logExcerpt: [
      { at, type: 'ObserverJoined', summary: '', actor: JONES, detail: { name: 'Ms Jones', role: 'dsl', schoolName: 'Northgate' } },
      { at, type: 'ChatMessageBlocked', summary: '', actor: SAM, detail: { text: 'ring me', contactKinds: ['phone'] } },
      { at, type: 'ObserverLeft', summary: '', actor: JONES, detail: { reason: 'left' } },
    ],
  };

  it('names the children and observers as the full log does, from the same renderer', () => {
    const names = namesInExcerpt(concern);
    expect(concern.logExcerpt.map((e) => describeExcerptEntry(e, names))).toEqual([
      'Ms Jones (Northgate, safeguarding lead) started observing',
      'Sam tried to send a phone number; the message was not delivered',
      'Ms Jones stopped observing (tapped Leave)',
    ]);
  });

  it('says an older excerpt entry, which kept only its type and reason, as well as it can', () => {
    const none = new Map<string, string>();
    expect(describeExcerptEntry({ at, type: 'SessionJoined', summary: 'SessionJoined', actor: null, detail: {} }, none)).toBe('A student joined');
    expect(describeExcerptEntry({ at, type: 'SessionLeft', summary: 'SessionLeft (left)', actor: null, detail: {} }, none)).toBe('A student left (tapped Leave)');
    expect(describeExcerptEntry({ at, type: 'SomethingNew', summary: 'SomethingNew', actor: null, detail: {} }, none)).toBe('Something new');
  });
});
