import { createPortal } from 'react-dom';
import type { ReferralLetter } from '@peerbridge/shared';
import { Button } from '../../ui/button';
import { programmeSentence } from './referral-words';
import './referrals.css';

/** A calendar date as a parent reads it: "4 January 2027" (the date itself, whatever the reader's zone). */
const longDate = (isoDate: string) =>
  new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${isoDate}T12:00:00Z`));

/**
 * The parents' information letter for one referral, on screen and, through a copy under <body>, on paper
 * alone. It says what the programme is, when and how often, how sessions are supervised, how to consent
 * and to withdraw: about the school's own child only, never any child at the partner school.
 */
export function ReferralLetterView({ letter, onClose }: { letter: ReferralLetter; onClose: () => void }) {
  return (
    <section className="referral-letter" data-testid="referral-letter" aria-label="Letter for parents">
      <div className="referral-letter__actions">
        <Button data-testid="referral-letter-print" onClick={() => window.print()}>
          Print the letter
        </Button>
        <Button variant="secondary" data-testid="referral-letter-close" onClick={onClose}>
          Close the letter
        </Button>
      </div>
      <LetterText letter={letter} />
      {createPortal(
        <div className="referral-letter-print" data-testid="referral-letter-print-copy">
          <LetterText letter={letter} />
        </div>,
        document.body,
      )}
    </section>
  );
}

function LetterText({ letter }: { letter: ReferralLetter }) {
  const child = `${letter.student.firstName} ${letter.student.lastName}`;
  const mentee = letter.kind === 'mentee';
  const partner = letter.partnerSchoolName ?? 'our partner school';
  return (
    <article className="referral-letter__paper">
      <p className="referral-letter__school" data-testid="referral-letter-school">
        {letter.schoolName}
      </p>
      <p>{longDate(letter.issuedAt.slice(0, 10))}</p>
      <p>Dear parent or carer of {child} (Year {letter.student.yearGroup}),</p>
      <h3>Peer mentoring by video</h3>
      <p data-testid="referral-letter-what">
        {mentee
          ? `We would like to offer ${letter.student.firstName} a place on our peer-mentoring programme. A trained sixth-form student at ${partner} meets them by video to set targets together and review them on agreed dates, for example in a subject they find hard, exam preparation or settling into the next stage of school.`
          : `${letter.student.firstName} has applied to mentor a Year 11 student at ${partner}. Mentors are trained in child protection and confidentiality before they are paired, and meet their mentee by video to set and review targets together.`}
      </p>
      <p data-testid="referral-letter-programme">{programmeSentence(letter, longDate)}</p>
      {letter.programme?.goals ? <p>What the programme aims for: {letter.programme.goals}</p> : null}
      <h3>How sessions are kept safe</h3>
      <p>
        Sessions take place only at timetabled times, in school, on school iPads, with a member of staff nearby who can watch any session; the
        students always see when they are being observed. Only the two paired students can join. There is no contact outside sessions and the
        students cannot exchange phone numbers or other contact details. Every session is logged, and either student can tell a safeguarding lead
        about a worry with one tap.
      </p>
      <h3>Giving, or withdrawing, your consent</h3>
      <p>
        {letter.student.firstName} has been asked whether they want to take part; taking part is their choice. To give your consent, please sign and
        return the slip below, or contact {letter.coordinatorName ?? 'the programme coordinator'} at {letter.schoolName}. You can withdraw your consent
        at any time in the same way, without giving a reason; no further sessions will take place once you do.
      </p>
      <p>Yours sincerely,</p>
      <p>
        {letter.coordinatorName ?? 'Programme coordinator'}, {letter.schoolName}
      </p>
      <div className="referral-letter__slip">
        <p>
          I give my consent for {child} to take part in the peer-mentoring programme{mentee ? '' : ' as a mentor'}.
        </p>
        <p>Signed: ______________________ (parent or carer) Date: ____________</p>
      </div>
    </article>
  );
}
