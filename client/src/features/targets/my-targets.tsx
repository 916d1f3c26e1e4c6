import type { MyTargetsResponse } from '@peerbridge/shared';
import { useEffect, useState } from 'react';
import { schoolTime } from '../../lib/school-time';
import { fetchMyTargets, type SignedInStudent } from './device-targets-api';
import { partnerWords, targetStatusWords } from './targets-words';
import './targets.css';

/**
 * After the PIN: the mentee's targets and when they meet next; a mentor's mentees' targets (each mentee by
 * first name, year and school only). Loaded beside pre-join, never waited for: Join does not depend on it.
 */
export default function MyTargets({ who, timeZone }: { who: SignedInStudent; timeZone: string }) {
  const [data, setData] = useState<MyTargetsResponse | null>(null);
  useEffect(() => {
    const abort = new AbortController();
    // A failure only hides this box: the child came to meet their partner, not to read an error about targets.
    fetchMyTargets(who, abort.signal).then(setData, () => undefined);
    return () => abort.abort();
  }, [who]);
  if (!data || data.pairings.length === 0) return null;
  const time = schoolTime(timeZone);
  const mentor = data.role === 'mentor';

  return (
    <section className="my-targets" data-testid="my-targets" aria-label={mentor ? "Your mentees' targets" : 'Your targets'}>
      {data.pairings.map((p) => (
        <div key={`${p.partner.firstName}-${p.partner.schoolName}`} data-testid="my-targets-pairing">
          <h2>{mentor ? `${partnerWords(p.partner)}: targets` : 'Your targets'}</h2>
          {p.targets.length === 0 ? <p>No targets yet.</p> : null}
          <ul>
            {p.targets.map((t) => (
              <li key={t.id} data-testid="my-target" data-status={t.status}>
                {t.what} · {targetStatusWords[t.status]}
                {t.dueForReview ? ' · to review today' : ''}
              </li>
            ))}
          </ul>
          {!mentor && p.nextSessionStartsAt ? (
            <p data-testid="my-next-session">
              Next session with {p.partner.firstName}: {time.longDate(new Date(p.nextSessionStartsAt))}, {time.time(p.nextSessionStartsAt)}
            </p>
          ) : null}
        </div>
      ))}
    </section>
  );
}
