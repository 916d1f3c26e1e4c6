import type { RecordMethod, StaffAuditAction, StaffAuditEntry, StaffAuditKind, StaffAuditVerification, StaffRole } from '@peerbridge/shared';
import { formatCalendarDate } from '../../lib/school-time';
import { recordMethodWords } from '../students/record-method';

const roleWords: Record<StaffRole, string> = {
  coordinator: 'coordinator',
  dsl: 'safeguarding lead',
  supervisor: 'supervisor',
  admin: 'admin',
};

const how = (method: RecordMethod | undefined) => (method ? ` (${recordMethodWords[method]})` : '');

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "Sam (Northgate) and Priya (Riverside)": partner-school children by first name and school. */
const pair = (a: { mentor: { firstName: string; schoolName: string }; mentee: { firstName: string; schoolName: string } }) =>
  `${a.mentor.firstName} (${a.mentor.schoolName}) and ${a.mentee.firstName} (${a.mentee.schoolName})`;

/** What one entry says happened, as a sentence: "Ms Dana Hill reset Sam R's PIN". */
export function auditSentence(entry: Pick<StaffAuditEntry, 'actor' | 'action'>): string {
  const who = entry.actor.name;
  const action: StaffAuditAction = entry.action;
  switch (action.kind) {
    case 'PinReset':
      return `${who} reset ${action.student.name}'s PIN`;
    case 'ParentalConsentChanged':
      return action.given
        ? `${who} recorded parental consent for ${action.student.name}${how(action.method)}`
        : `${who} withdrew the parental consent recorded for ${action.student.name}${how(action.method)}`;
    case 'TrainingChanged':
      return action.completed
        ? `${who} recorded ${action.student.name}'s mentor training as completed${how(action.method)}`
        : `${who} marked ${action.student.name}'s mentor training as not completed${how(action.method)}`;
    case 'ReferralRecorded':
      return action.referralKind === 'mentor'
        ? `${who} recorded ${action.student.name}'s application to mentor`
        : `${who} recorded ${action.source === 'self' ? 'a self-referral by' : 'a referral of'} ${action.student.name}`;
    case 'ReferralUpdated':
      return `${who} ${referralChangeWords[action.change]} for ${action.student.name} (now ${action.status.replace(/_/g, ' ')})`;
    case 'ProgrammeSettingsChanged':
      return `${who} changed the programme settings (${action.settings.map((k) => settingWords[k] ?? k).join(', ')})`;
    case 'PinsGenerated':
      return `${who} set new PINs for ${plural(action.students.length, 'student', 'students')}: ${action.students.map((s) => s.name).join(', ')}`;
    case 'DeviceEnrolled':
      return `${who} enrolled the iPad “${action.device.label}”`;
    case 'DeviceRevoked':
      return `${who} removed the iPad “${action.device.label}” from Peerbridge`;
    case 'DeviceCodeIssued':
      return `${who} issued a new set-up code for the iPad “${action.device.label}”`;
    case 'StaffAccountDeactivated':
      return `${who} closed the account of ${action.account.fullName}`;
    case 'StudentsImported':
      return `${who} imported students from the MIS: ${action.created} new, ${action.updated} updated${importedProfiles(action.freePeriods, action.subjects)}`;
    case 'FreePeriodsSet':
      return `${who} set ${action.student.name}'s free periods (${plural(action.periods, 'period', 'periods')})`;
    case 'SubjectsSet':
      return action.subjects.length === 0
        ? `${who} cleared ${action.student.name}'s subjects`
        : `${who} set ${action.student.name}'s subjects: ${action.subjects.join(', ')}`;
    case 'StaffAccountsImported':
      return `${who} created ${plural(action.accounts.length, 'staff account', 'staff accounts')}: ${action.accounts
        .map((a) => `${a.fullName} (${a.roles.map((r) => roleWords[r]).join(', ')})`)
        .join('; ')}`;
    case 'StaffAccountInvited':
      return `${who} added ${action.account.fullName} (${action.account.roles.map((r) => roleWords[r]).join(', ')}) and issued a set-up code`;
    case 'StaffSetupCodeReissued':
      return `${who} issued a new set-up code for ${action.account.fullName}`;
    case 'StaffPasswordReset':
      return `${who} reset ${action.account.fullName}'s password and signed them out everywhere`;
    case 'StaffRolesChanged':
      return `${who} changed ${action.account.fullName}'s roles from ${action.from.map((r) => roleWords[r]).join(', ')} to ${action.to.map((r) => roleWords[r]).join(', ')}`;
    case 'SchoolCreated':
      return `${who} added ${action.school.name} (URN ${action.school.urn}) to Peerbridge`;
    case 'PartnershipCreated':
      return `${who} partnered ${action.mentorSchool.name} (mentors) with ${action.menteeSchool.name} (mentees), ${formatCalendarDate(action.start)} to ${formatCalendarDate(action.end)}`;
    case 'StaffAccountCreated':
      return `${who} created the account of ${action.account.fullName} (${action.account.roles.map((r) => roleWords[r]).join(', ')})`;
    case 'ConcernExported':
      return `${who} exported a concern as ${action.format === 'csv' ? 'CSV' : 'JSON'}`;
    case 'PairingAccepted':
      return `${who} paired ${action.mentor.firstName} (${action.mentor.schoolName}) with ${action.mentee.firstName} (${action.mentee.schoolName})`;
    case 'SeriesBooked':
      return `${who} booked ${plural(action.sessions, 'weekly session', 'weekly sessions')} for ${action.mentor.firstName} and ${action.mentee.firstName}: ${action.when}`;
    case 'ReplacementBooked':
      return `${who} booked a replacement session for ${action.mentor.firstName} and ${action.mentee.firstName}: ${action.when}`;
    case 'ClosureAdded': {
      const when = action.from && action.to ? `from ${action.from} to ${action.to}` : action.from ? `from ${action.from}` : action.to ? `until ${action.to}` : 'all day';
      return `${who} added a closure on ${formatCalendarDate(action.date)} (${when}): ${action.reason}`;
    }
    case 'ClosureRemoved':
      return `${who} undid the closure on ${formatCalendarDate(action.date)}: ${action.reason}`;
    case 'CalendarSaved':
      return `${who} saved the school calendar (bell times, A/B cycle, ${plural(action.terms, 'term', 'terms')})`;
    case 'ProgrammeSaved':
      return `${who} set the programme dates: ${formatCalendarDate(action.start)} to ${formatCalendarDate(action.end)}`;
    case 'SessionRestored':
      return `${who} undid a closure, so ${action.mentor.firstName} and ${action.mentee.firstName}'s session is back on: ${action.when}`;
    case 'SessionCancelled':
      return `A calendar change by ${who} cancelled ${action.mentor.firstName} and ${action.mentee.firstName}'s session (${action.reason})`;
    case 'SessionCancelledByStaff':
      return `${who} cancelled ${pair(action)}'s session at ${action.session}: ${action.reason}`;
    case 'SessionMoved':
      return `${who} moved ${pair(action)}'s session from ${action.from} to ${action.to}`;
    case 'SeriesEnded':
      return `${who} ended ${pair(action)}'s weekly sessions from ${formatCalendarDate(action.from)} (${plural(action.cancelled, 'session', 'sessions')} cancelled)`;
    case 'PairingEnded':
      return `${who} unpaired ${pair(action)} (${plural(action.cancelled, 'session', 'sessions')} cancelled): ${action.reason}`;
    case 'StudentArchived':
      return `${who} archived ${action.student.name}${action.reason ? ` (${action.reason})` : ''}; ${plural(action.pairingsEnded, 'pairing', 'pairings')} ended`;
    case 'SafeguardingKeywordsChanged':
      return keywordsSentence(who, action);
  }
}

/** "Ms Ada Lee changed the safeguarding words: added “opps”, “peng”; removed “vape”". */
function keywordsSentence(who: string, change: { added: string[]; removed: string[]; usingDefault: boolean }): string {
  const quoted = (phrases: string[]) => phrases.map((p) => `“${p}”`).join(', ');
  const parts = [
    change.added.length > 0 ? `added ${quoted(change.added)}` : null,
    change.removed.length > 0 ? `removed ${quoted(change.removed)}` : null,
  ].filter((p) => p !== null);
  const what = parts.length > 0 ? `: ${parts.join('; ')}` : ' (no phrase changed)';
  return change.usingDefault ? `${who} put the safeguarding words back to the default list${what}` : `${who} changed the safeguarding words${what}`;
}

const referralChangeWords = {
  opt_in: "recorded the student's agreement",
  consent_requested: 'asked for parental consent',
  status: 'changed the referral',
  passed_to_dsl: 'passed the referral to the safeguarding lead',
} as const;

const settingWords: Record<string, string> = {
  referralReasons: 'referral reasons',
  lateAfterMinutes: 'lateness',
  absenceNoticeAfter: 'absence notices',
  dslEscalationMinutes: 'DSL escalation',
};

/** The filter's choices, in the order a coordinator thinks of them. */
export const auditKindChoices: readonly { kind: StaffAuditKind; label: string }[] = [
  { kind: 'PinReset', label: 'PIN resets' },
  { kind: 'PinsGenerated', label: 'PINs set for a class' },
  { kind: 'ParentalConsentChanged', label: 'Parental consent' },
  { kind: 'TrainingChanged', label: 'Mentor training' },
  { kind: 'ReferralRecorded', label: 'Referrals and mentor applications' },
  { kind: 'ReferralUpdated', label: 'Referral steps' },
  { kind: 'ProgrammeSettingsChanged', label: 'Programme settings' },
  { kind: 'DeviceEnrolled', label: 'iPads enrolled' },
  { kind: 'DeviceRevoked', label: 'iPads removed' },
  { kind: 'DeviceCodeIssued', label: 'iPad set-up codes' },
  { kind: 'StudentsImported', label: 'Student imports' },
  { kind: 'FreePeriodsSet', label: "Students' free periods" },
  { kind: 'SubjectsSet', label: "Students' subjects" },
  { kind: 'StaffAccountsImported', label: 'Staff accounts and roles' },
  { kind: 'StaffAccountInvited', label: 'Staff added one by one' },
  { kind: 'StaffRolesChanged', label: 'Staff roles changed' },
  { kind: 'StaffSetupCodeReissued', label: 'Set-up codes reissued' },
  { kind: 'StaffPasswordReset', label: 'Staff passwords reset' },
  { kind: 'StaffAccountDeactivated', label: 'Staff accounts closed' },
  { kind: 'SchoolCreated', label: 'School set-up' },
  { kind: 'PartnershipCreated', label: 'Partnerships' },
  { kind: 'StaffAccountCreated', label: 'Accounts created by the admin' },
  { kind: 'ConcernExported', label: 'Concern exports' },
  { kind: 'PairingAccepted', label: 'Pairings' },
  { kind: 'SeriesBooked', label: 'Weekly sessions booked' },
  { kind: 'ReplacementBooked', label: 'Replacement sessions' },
  { kind: 'ClosureAdded', label: 'Closures' },
  { kind: 'ClosureRemoved', label: 'Closures undone' },
  { kind: 'CalendarSaved', label: 'School calendar saved' },
  { kind: 'ProgrammeSaved', label: 'Programme dates' },
  { kind: 'SessionCancelled', label: 'Sessions cancelled by a calendar change' },
  { kind: 'SessionRestored', label: 'Sessions restored by undoing a closure' },
  { kind: 'SessionCancelledByStaff', label: 'Sessions cancelled by a coordinator' },
  { kind: 'SessionMoved', label: 'Sessions moved' },
  { kind: 'SeriesEnded', label: 'Weekly sessions ended' },
  { kind: 'PairingEnded', label: 'Unpairings' },
  { kind: 'StudentArchived', label: 'Students archived' },
  { kind: 'SafeguardingKeywordsChanged', label: 'Safeguarding words changed' },
];

const problems: Record<Extract<StaffAuditVerification, { ok: false }>['firstBroken']['problem'], string> = {
  content_changed: 'its content was changed',
  link_broken: 'its link to the entry before it is broken',
  sequence_gap: 'entries are missing before it',
};

/** The verification answer as one sentence to quote. */
export function describeAuditVerification(result: StaffAuditVerification): string {
  if (result.ok) return `Record intact (${plural(result.entries, 'entry', 'entries')})`;
  return `Entry #${result.firstBroken.seq} has been altered (${problems[result.firstBroken.problem]})`;
}

/** ", with free periods for 3 and subjects for 2", when the import carried them. */
function importedProfiles(freePeriods: number | undefined, subjects: number | undefined): string {
  const parts = [freePeriods ? `free periods for ${freePeriods}` : '', subjects ? `subjects for ${subjects}` : ''].filter(Boolean);
  return parts.length > 0 ? `, with ${parts.join(' and ')}` : '';
}
