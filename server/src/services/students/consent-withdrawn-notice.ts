import type { RecordMethod } from '@peerbridge/shared';
import type { NewNotice } from '../../infra/db/notice-repository.js';

const how: Record<RecordMethod, string> = { letter: 'by letter', form: 'on a form', email: 'by email', in_person: 'in person' };

const sessions = (n: number) => (n === 1 ? '1 booked session' : `${n} booked sessions`);

/** The coordinator's notice when a parent withdraws consent: who recorded it, how, and what it blocks. */
export function consentWithdrawnNotice(input: {
  schoolId: string;
  studentId: string;
  /** First name and surname initial, as on the audit trail. */
  name: string;
  by: string;
  method: RecordMethod | undefined;
  upcoming: number;
}): NewNotice {
  const said = input.method ? ` (${how[input.method]})` : '';
  const blocked =
    input.upcoming === 0
      ? 'No sessions are booked for them.'
      : `They cannot join their ${sessions(input.upcoming)} until consent is recorded again; the sessions stay booked, so end or move them if consent is not coming back.`;
  return {
    schoolId: input.schoolId,
    occurrenceId: null,
    studentId: input.studentId,
    kind: 'consent_withdrawn',
    message: `Parental consent for ${input.name} was withdrawn${said}, recorded by ${input.by}. ${blocked}`,
  };
}
