import { describe, expect, it } from 'vitest';
import { alertHeadline, alertsTitle, alertTitle, alertTitles } from './alert-words';

const sam = { firstName: 'Sam', yearGroup: 11, schoolName: 'Riverside High School' };
const priya = { firstName: 'Priya', yearGroup: 12, schoolName: 'Northgate Academy' };

describe('alert words', () => {
  it('names the child, their year and school, and who they were with', () => {
    expect(alertHeadline({ kind: 'concern_raised', summary: 'Sam pressed “I’m worried” during a session.', child: sam, partner: priya, raisedBy: 'student' })).toBe(
      'Sam (Year 11, Riverside High School) pressed “I’m worried” in a session with Priya (Year 12, Northgate Academy).',
    );
    expect(
      alertHeadline({ kind: 'chat_flagged', summary: 'A chat message from Sam matched the safeguarding list (meet up, secret).', child: sam, partner: priya, keywords: ['meet up', 'secret'] }),
    ).toBe('A chat message from Sam (Year 11, Riverside High School) in a session with Priya (Year 12, Northgate Academy) matched the safeguarding words (meet up, secret).');
    expect(alertHeadline({ kind: 'concern_raised', summary: 'A member of staff raised a concern.', child: sam, raisedBy: 'staff' })).toBe(
      'A member of staff raised a concern about Sam (Year 11, Riverside High School).',
    );
  });

  it("says a flagged session note is the mentor's note, not a chat message", () => {
    expect(alertHeadline({ kind: 'session_note_flagged', summary: 'A session note matched.', child: priya, partner: sam, keywords: ['kms'] })).toBe(
      'A session note written by Priya (Year 12, Northgate Academy) in a session with Sam (Year 11, Riverside High School) matched the safeguarding words (kms).',
    );
    expect(alertTitles.session_note_flagged).toBe('Session note flagged');
  });

  it('keeps the summary of an alert that names nobody', () => {
    expect(alertHeadline({ kind: 'concern_raised', summary: 'Something arrived.' })).toBe('Something arrived.');
  });

  it('puts waiting alerts in the tab title', () => {
    expect(alertsTitle(0, 'Peerbridge staff')).toBe('Peerbridge staff');
    expect(alertsTitle(1, 'Peerbridge staff')).toBe('(1) Safeguarding alert · Peerbridge staff');
    expect(alertsTitle(3, 'Peerbridge staff')).toBe('(3) Safeguarding alerts · Peerbridge staff');
  });

  it('says when an exit questionnaire answer matched, and titles each kind', () => {
    expect(alertHeadline({ kind: 'questionnaire_flagged', summary: 'x', child: sam, partner: priya, keywords: ['secret'] })).toBe(
      'An exit questionnaire answer from Sam (Year 11, Riverside High School) (mentoring with Priya (Year 12, Northgate Academy)) matched the safeguarding words (secret).',
    );
    expect(alertTitle('questionnaire_flagged')).toBe('Questionnaire answer flagged');
    expect(alertTitle('chat_flagged')).toBe('Chat message flagged');
    expect(alertTitle('concern_raised')).toBe('New concern');
  });
});
