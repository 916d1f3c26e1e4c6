import { describe, expect, it } from 'vitest';
import type { StaffAuditAction } from '@peerbridge/shared';
import { auditKindChoices, auditSentence, describeAuditVerification } from './audit-words';
import { schoolTime } from '../../lib/school-time';
import { auditRange, auditRangeProblem } from './audit-range';
import { staffAuditKinds } from '@peerbridge/shared';

const id = '00000000-0000-4000-8000-000000000001';
const dana = { id, name: 'Ms Dana Hill' };
const say = (action: StaffAuditAction) => auditSentence({ actor: dana, action });
const priya = { id, firstName: 'Priya', schoolName: 'Northgate Academy' };
const sam = { id, firstName: 'Sam', schoolName: 'Riverside High School' };

describe('auditSentence', () => {
  it('says who did what to whom, in plain words', () => {
    expect(say({ kind: 'PinReset', student: { id, name: 'Sam R' } })).toBe("Ms Dana Hill reset Sam R's PIN");
    expect(say({ kind: 'ParentalConsentChanged', student: { id, name: 'Sam R' }, given: true })).toBe('Ms Dana Hill recorded parental consent for Sam R');
    expect(say({ kind: 'ParentalConsentChanged', student: { id, name: 'Sam R' }, given: false })).toMatch(/withdrew/);
    expect(say({ kind: 'TrainingChanged', student: { id, name: 'Priya S' }, completed: true })).toBe(
      "Ms Dana Hill recorded Priya S's mentor training as completed",
    );
    expect(say({ kind: 'ParentalConsentChanged', student: { id, name: 'Sam R' }, given: true, method: 'letter' })).toBe(
      'Ms Dana Hill recorded parental consent for Sam R (by letter)',
    );
    expect(say({ kind: 'ReferralRecorded', student: { id, name: 'Sam R' }, referralKind: 'mentee', source: 'self' })).toBe('Ms Dana Hill recorded a self-referral by Sam R');
    expect(say({ kind: 'ReferralUpdated', student: { id, name: 'Sam R' }, change: 'consent_requested', status: 'waiting_for_consent' })).toBe(
      'Ms Dana Hill asked for parental consent for Sam R (now waiting for consent)',
    );
    expect(say({ kind: 'ProgrammeSettingsChanged', settings: ['referralReasons', 'lateAfterMinutes'] })).toBe('Ms Dana Hill changed the programme settings (referral reasons, lateness)');
    expect(say({ kind: 'PinsGenerated', students: [{ id, name: 'Sam R' }, { id, name: 'Ana K' }] })).toBe(
      'Ms Dana Hill set new PINs for 2 students: Sam R, Ana K',
    );
    expect(say({ kind: 'FreePeriodsSet', student: { id, name: 'Sam R' }, periods: 3 })).toBe("Ms Dana Hill set Sam R's free periods (3 periods)");
    expect(say({ kind: 'SubjectsSet', student: { id, name: 'Sam R' }, subjects: ['maths', 'english:poetry'] })).toBe(
      "Ms Dana Hill set Sam R's subjects: maths, english:poetry",
    );
    expect(say({ kind: 'SubjectsSet', student: { id, name: 'Sam R' }, subjects: [] })).toBe("Ms Dana Hill cleared Sam R's subjects");
    expect(say({ kind: 'StudentsImported', created: 2, updated: 1, freePeriods: 3 })).toBe(
      'Ms Dana Hill imported students from the MIS: 2 new, 1 updated, with free periods for 3',
    );
    expect(say({ kind: 'StudentsImported', created: 2, updated: 0 })).toBe('Ms Dana Hill imported students from the MIS: 2 new, 0 updated');
    expect(say({ kind: 'DeviceRevoked', device: { id, label: 'Library iPad 3' } })).toBe('Ms Dana Hill removed the iPad “Library iPad 3” from Peerbridge');
    expect(say({ kind: 'StaffAccountsImported', accounts: [{ id, fullName: 'Jo Ward', roles: ['coordinator', 'dsl'] }] })).toBe(
      'Ms Dana Hill created 1 staff account: Jo Ward (coordinator, safeguarding lead)',
    );
    expect(say({ kind: 'StaffAccountInvited', account: { id, fullName: 'Jo Ward', roles: ['supervisor'] } })).toBe(
      'Ms Dana Hill added Jo Ward (supervisor) and issued a set-up code',
    );
    expect(say({ kind: 'StaffRolesChanged', account: { id, fullName: 'Jo Ward' }, from: ['supervisor'], to: ['supervisor', 'coordinator'] })).toBe(
      "Ms Dana Hill changed Jo Ward's roles from supervisor to supervisor, coordinator",
    );
    expect(say({ kind: 'StaffPasswordReset', account: { id, fullName: 'Jo Ward' } })).toBe("Ms Dana Hill reset Jo Ward's password and signed them out everywhere");
    expect(say({ kind: 'StaffSetupCodeReissued', account: { id, fullName: 'Jo Ward' } })).toBe('Ms Dana Hill issued a new set-up code for Jo Ward');
    expect(say({ kind: 'PairingAccepted', pairingId: id, mentor: priya, mentee: sam })).toBe(
      'Ms Dana Hill paired Priya (Northgate Academy) with Sam (Riverside High School)',
    );
    expect(say({ kind: 'SeriesBooked', seriesId: id, pairingId: id, mentor: priya, mentee: sam, when: 'Tuesdays at 09:00', sessions: 36 })).toBe(
      'Ms Dana Hill booked 36 weekly sessions for Priya and Sam: Tuesdays at 09:00',
    );
    expect(say({ kind: 'ClosureAdded', closureId: id, date: '2026-12-01', from: '10:00', to: '12:00', reason: 'Exams' })).toBe(
      'Ms Dana Hill added a closure on Tue 1 Dec 2026 (from 10:00 to 12:00): Exams',
    );
    expect(say({ kind: 'ClosureAdded', closureId: id, date: '2026-12-01', from: null, to: null, reason: 'INSET day' })).toMatch(/\(all day\): INSET day$/);
    expect(say({ kind: 'SessionCancelled', occurrenceId: id, mentor: priya, mentee: sam, reason: 'Northgate Academy: INSET day' })).toBe(
      "A calendar change by Ms Dana Hill cancelled Priya and Sam's session (Northgate Academy: INSET day)",
    );
  });

  it('names the pair with their schools, the session and the reason for every series-lifecycle action', () => {
    expect(say({ kind: 'SessionCancelledByStaff', occurrenceId: id, mentor: priya, mentee: sam, session: '09:00 on Tue 14 September (Riverside High School time)', reason: 'Trip' })).toBe(
      "Ms Dana Hill cancelled Priya (Northgate Academy) and Sam (Riverside High School)'s session at 09:00 on Tue 14 September (Riverside High School time): Trip",
    );
    expect(say({ kind: 'SessionMoved', occurrenceId: id, movedToOccurrenceId: id, mentor: priya, mentee: sam, from: '09:00 on Tue 21 September', to: '09:50 on Mon 27 September' })).toBe(
      "Ms Dana Hill moved Priya (Northgate Academy) and Sam (Riverside High School)'s session from 09:00 on Tue 21 September to 09:50 on Mon 27 September",
    );
    expect(say({ kind: 'SeriesEnded', pairingId: id, mentor: priya, mentee: sam, from: '2027-11-04', cancelled: 7 })).toBe(
      "Ms Dana Hill ended Priya (Northgate Academy) and Sam (Riverside High School)'s weekly sessions from Thu 4 Nov 2027 (7 sessions cancelled)",
    );
    expect(say({ kind: 'PairingEnded', pairingId: id, mentor: priya, mentee: sam, reason: 'Asked to change', cancelled: 1 })).toBe(
      'Ms Dana Hill unpaired Priya (Northgate Academy) and Sam (Riverside High School) (1 session cancelled): Asked to change',
    );
    expect(say({ kind: 'StudentArchived', student: { id, name: 'Priya S' }, reason: null, pairingsEnded: 2 })).toBe('Ms Dana Hill archived Priya S; 2 pairings ended');
    expect(say({ kind: 'SafeguardingKeywordsChanged', added: ['opps', 'peng'], removed: ['vape'], usingDefault: false })).toBe(
      'Ms Dana Hill changed the safeguarding words: added “opps”, “peng”; removed “vape”',
    );
    expect(say({ kind: 'SafeguardingKeywordsChanged', added: ['vape'], removed: [], usingDefault: true })).toBe(
      'Ms Dana Hill put the safeguarding words back to the default list: added “vape”',
    );
  });

  it("says what the deployment admin set up for the school", () => {
    const admin = (action: StaffAuditAction) => auditSentence({ actor: { id, name: 'Olu Ops' }, action });
    expect(admin({ kind: 'SchoolCreated', school: { id, name: 'Northgate Academy', urn: '137001' } })).toBe('Olu Ops added Northgate Academy (URN 137001) to Peerbridge');
    expect(
      admin({
        kind: 'PartnershipCreated',
        partnershipId: id,
        mentorSchool: { id, name: 'Northgate Academy' },
        menteeSchool: { id, name: 'Riverside High School' },
        start: '2027-01-04',
        end: '2027-07-16',
      }),
    ).toMatch(/^Olu Ops partnered Northgate Academy \(mentors\) with Riverside High School \(mentees\), .*2027 to .*2027$/);
    expect(admin({ kind: 'StaffAccountCreated', account: { id, fullName: 'Dana Hill', roles: ['coordinator'] } })).toBe(
      'Olu Ops created the account of Dana Hill (coordinator)',
    );
  });

  it('offers every kind of entry as a filter choice, once', () => {
    const kinds = auditKindChoices.map((c) => c.kind);
    expect(new Set(kinds).size).toBe(kinds.length);
    expect([...kinds].sort()).toEqual([...staffAuditKinds].sort());
  });

  it('names the first altered entry', () => {
    expect(describeAuditVerification({ ok: true, entries: 1, headHash: 'a'.repeat(64) })).toBe('Record intact (1 entry)');
    expect(describeAuditVerification({ ok: false, entries: 4, firstBroken: { seq: 2, problem: 'sequence_gap' } })).toBe(
      'Entry #2 has been altered (entries are missing before it)',
    );
  });
});

const london = schoolTime('Europe/London');

describe('auditRange', () => {
  it('runs from the school day’s first moment to its last, in UK time whatever the season', () => {
    // The clocks go back on 25 October 2026: that day is 25 hours long.
    expect(auditRange('2026-10-25', '2026-10-25', london)).toEqual({ from: '2026-10-24T23:00:00.000Z', to: '2026-10-25T23:59:59.999Z' });
  });

  it("runs in the school's own zone, wherever the school is", () => {
    // New York is five hours behind UTC in December: its 1 December starts at 05:00 UTC.
    expect(auditRange('2026-12-01', '2026-12-01', schoolTime('America/New_York'))).toEqual({
      from: '2026-12-01T05:00:00.000Z',
      to: '2026-12-02T04:59:59.999Z',
    });
  });

  it('leaves an empty side unlimited, and explains dates it cannot search', () => {
    expect(auditRange('', '2026-12-01', london)).toEqual({ from: null, to: '2026-12-01T23:59:59.999Z' });
    expect(auditRange('', '', london)).toEqual({ from: null, to: null });
    expect(auditRangeProblem('', '')).toBeNull();
    expect(auditRangeProblem('2026-12-02', '2026-12-01')).toMatch(/after/);
  });
});
