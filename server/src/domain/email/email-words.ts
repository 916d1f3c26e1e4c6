import type { Temporal } from 'temporal-polyfill';
import { formatAtSchool } from '../scheduling/format.js';

/*
 * Every notification email's words. An email leaves the school's systems and sits in inboxes and
 * phones, so it names no child (no name, no year group, no partner school): only what needs
 * attention, when, and a link into Peerbridge, where the details are behind a sign-in.
 */

export interface EmailContent {
  subject: string;
  text: string;
}

const SIGN_OFF = '\n\nThis email names no student on purpose: the details are in Peerbridge, behind your sign-in.\n';

/** What each live alert is, in words that name nobody; a kind added later still gets a sensible email. */
const ALERT_WORDS: Record<string, string> = {
  concern_raised: 'A safeguarding concern has been raised',
  chat_flagged: 'A chat message in a session matched your safeguarding word list',
  note_flagged: 'A session note matched your safeguarding word list',
  questionnaire_flagged: 'An exit questionnaire answer matched your safeguarding word list',
};

export function alertEmail(input: { alertKind: string; at: Temporal.Instant; timeZone: string; link: string }): EmailContent {
  const what = ALERT_WORDS[input.alertKind] ?? 'A safeguarding alert has been raised';
  return {
    subject: 'Peerbridge: a safeguarding alert needs your attention',
    text: `${what} at ${formatAtSchool(input.at, input.timeZone)}.\n\nOpen it in Peerbridge: ${input.link}${SIGN_OFF}`,
  };
}

export function escalationEmail(input: { raisedAt: Temporal.Instant; timeZone: string; minutes: number; link: string }): EmailContent {
  return {
    subject: 'Peerbridge: a safeguarding concern has not been picked up',
    text:
      `A safeguarding concern raised at ${formatAtSchool(input.raisedAt, input.timeZone)} has not been acknowledged by a safeguarding lead ` +
      `at your school within ${input.minutes} minutes. Please make sure a safeguarding lead sees it now.\n\n` +
      `Open Peerbridge: ${input.link}${SIGN_OFF}`,
  };
}

export function repeatedAbsenceEmail(input: { link: string }): EmailContent {
  return {
    subject: 'Peerbridge: a student has missed several sessions',
    text: `One of your school's students has missed several mentoring sessions in a row. The notice is in Peerbridge: ${input.link}${SIGN_OFF}`,
  };
}

export function scheduleChangeEmail(input: { link: string }): EmailContent {
  return {
    subject: 'Peerbridge: mentoring sessions have changed',
    text:
      "The partner school's coordinator has cancelled, moved or ended sessions of one of your school's pairings, or unpaired it. " +
      `What changed is in your notices: ${input.link}${SIGN_OFF}`,
  };
}

/** The new person's own set-up code: they are staff, and it is theirs; no child is involved. */
export function setupCodeEmail(input: { fullName: string; code: string; expiresAt: Temporal.Instant; link: string }): EmailContent {
  return {
    subject: 'Peerbridge: your set-up code',
    text:
      `Hello ${input.fullName},\n\nA Peerbridge account has been made for you. To choose your password, open ${input.link}, ` +
      `choose "I have a set-up code" and type this code:\n\n    ${input.code}\n\n` +
      `It works once, until ${formatAtSchool(input.expiresAt, 'UTC')} (UTC). If you were not expecting this, tell your school's Peerbridge coordinator.\n`,
  };
}
