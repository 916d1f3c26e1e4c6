import { useState } from 'react';
import { schoolTime } from '../../lib/school-time';
import { endingSoonWords, isEndingSoon, waitAdvice, type CallTimes, type PartnerAway } from './call-timing';
import { useNowMs } from './use-now';

/** Who the partner is, as everywhere: first name, school and year only. */
export interface PartnerFacts {
  firstName: string;
  schoolName: string;
  yearGroup: number;
}

/**
 * "Ends at 10:20", and near the end a gentle "5 minutes left": a polite live
 * region that is always there (so the words are read out when they appear) and
 * is filled once, never a dialog.
 */
export function CallTimeLine({ times, timeZone }: { times: CallTimes; timeZone: string }) {
  const now = useNowMs(1_000);
  const [soonSince, setSoonSince] = useState<number | null>(null);
  // Latched the first time it is true, so the words are said once and stay.
  if (soonSince === null && isEndingSoon(times, now)) setSoonSince(now);
  return (
    <div className="call__time">
      <span data-testid="call-ends-at">Ends at {schoolTime(timeZone).time(new Date(times.endsAtMs).toISOString())}</span>
      <span className="call__time-soon" role="status" aria-live="polite" data-testid="call-ending-soon">
        {soonSince !== null ? endingSoonWords(times, soonSince) : ''}
      </span>
    </div>
  );
}

/** What the pair agreed to work on, from the programme: said on the stage before the partner comes, and small during the call. */
export function FocusPanel({ focus }: { focus: string }) {
  return (
    <section className="call__focus" aria-label="What you’re working on" data-testid="call-focus">
      <h2 className="call__focus-title">Working on</h2>
      <p className="call__focus-text">{focus}</p>
    </section>
  );
}

/**
 * On their own in the call: who they are waiting for, until when, and what to
 * do if nobody comes. Re-read every few seconds so "Wait until" turns into
 * "You can tap Leave" on time.
 */
export function PartnerAwayMessage({
  away,
  partner,
  times,
  sinceMs,
  timeZone,
  focus,
}: {
  away: PartnerAway;
  partner: PartnerFacts;
  times: CallTimes;
  sinceMs: number;
  timeZone: string;
  focus: string | undefined;
}) {
  const now = useNowMs(5_000);
  const words = waitAdvice({ away, partnerName: partner.firstName, times, sinceMs, nowMs: now, time: schoolTime(timeZone) });
  return (
    <div className="call__away">
      <div className="call__partner-tile" data-testid="partner-tile">
        <span className="call__initial" aria-hidden="true">
          {partner.firstName.slice(0, 1)}
        </span>
        <span className="call__partner-facts">
          <span className="call__partner-name">{partner.firstName}</span>
          <span>
            Year {partner.yearGroup}, {partner.schoolName}
          </span>
        </span>
      </div>
      <p data-testid={away === 'not-come' ? 'waiting-for-partner' : 'partner-left'}>{words.headline}</p>
      <p className="call__message-sub" data-testid="wait-advice">
        {words.advice}
      </p>
      {focus ? <FocusPanel focus={focus} /> : null}
    </div>
  );
}
