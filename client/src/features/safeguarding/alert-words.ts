import type { AlertChild, SafeguardingAlert } from '@peerbridge/shared';

const child = (c: AlertChild) => `${c.firstName} (Year ${c.yearGroup}, ${c.schoolName})`;

/**
 * What an alert says, for a safeguarding lead to act on without opening
 * anything: who, their year and school, who they were with, and whether it is
 * happening now. Alerts from before these were sent keep their summary.
 */
export function alertHeadline(alert: Pick<SafeguardingAlert, 'kind' | 'summary' | 'child' | 'partner' | 'raisedBy' | 'keywords'>): string {
  if (!alert.child) return alert.summary;
  const withPartner = alert.partner ? ` in a session with ${child(alert.partner)}` : '';
  if (alert.kind === 'concern_raised') {
    return alert.raisedBy === 'staff' ? `A member of staff raised a concern about ${child(alert.child)}${withPartner}.` : `${child(alert.child)} pressed “I’m worried”${withPartner}.`;
  }
  const matched = alert.keywords?.length ? ` (${alert.keywords.join(', ')})` : '';
if (alert.kind === 'questionnaire_flagged') {
    return `An exit questionnaire answer from ${child(alert.child)} (mentoring with ${alert.partner ? child(alert.partner) : 'their partner'}) matched the safeguarding words${matched}.`;
  }
  const what = alert.kind === 'session_note_flagged' ? 'A session note written by' : 'A chat message from';
  return `${what} ${child(alert.child)}${withPartner} matched the safeguarding words${matched}.`;
}

/** A toast's title: what kind of thing needs a look. */
export const alertTitles: Record<SafeguardingAlert['kind'], string> = {
  concern_raised: 'New concern',
  chat_flagged: 'Chat message flagged',
  session_note_flagged: 'Session note flagged',
  questionnaire_flagged: 'Questionnaire answer flagged',
};

/** The toast's title for each kind of alert. */
export function alertTitle(kind: SafeguardingAlert['kind']): string {
  return alertTitles[kind];
}

/** The tab's title while alerts wait: a lead working in another tab still sees one arrive. */
export function alertsTitle(waiting: number, base: string): string {
  if (waiting === 0) return base;
  return `(${waiting}) ${waiting === 1 ? 'Safeguarding alert' : 'Safeguarding alerts'} · ${base}`;
}
