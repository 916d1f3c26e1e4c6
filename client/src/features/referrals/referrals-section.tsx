import { useState } from 'react';
import type { ReferralStatus } from '@peerbridge/shared';
import { now } from '../../lib/clock';
import { useSchoolTime } from '../../lib/staff/staff-context';
import { Button } from '../../ui/button';
import { LoadState, StaffSection } from '../../ui/staff-section';
import { ProgrammeSettingsPanel } from './programme-settings-panel';
import { ReferralForm } from './referral-form';
import { ReferralRow } from './referral-row';
import { referralStatusOrder, referralStatusWords } from './referral-words';
import { useReferralQueue } from './referrals-queries';
import './referrals.css';

/**
 * Coordinators: the school's referral queue (Year 11 students referred, or referring themselves) and
 * mentor applications, from referral to ready to pair, with the programme's settings. A school's own record.
 */
export function ReferralsSection() {
  const queue = useReferralQueue();
  const time = useSchoolTime();
  const [filter, setFilter] = useState<ReferralStatus | 'open'>('open');
  const all = queue.data?.referrals ?? [];
  const shown = all.filter((r) => (filter === 'open' ? r.status !== 'declined' && r.status !== 'withdrawn' : r.status === filter));
  // The server's today (the clock follows it), so the training date is never refused as in the future.
  const today = time.dateAt(now());

  return (
    <StaffSection id="referrals" title="Referrals" testId="referrals-section">
      <ProgrammeSettingsPanel />
      {queue.data ? <ReferralForm reasons={queue.data.reasons} /> : null}
      <LoadState loading={queue.loading} error={queue.error} hasData={queue.data !== null} onRetry={() => void queue.refresh()} what="referrals" />
      <div className="referral-actions__row" role="group" aria-label="Show referrals">
        {(['open', ...referralStatusOrder] as const).map((status) => (
          <Button
            key={status}
            variant={filter === status ? 'primary' : 'quiet'}
            aria-pressed={filter === status}
            data-testid={`referral-filter-${status}`}
            onClick={() => setFilter(status)}
          >
            {status === 'open' ? 'Open' : referralStatusWords[status]} ({all.filter((r) => (status === 'open' ? r.status !== 'declined' && r.status !== 'withdrawn' : r.status === status)).length})
          </Button>
        ))}
      </div>
      {queue.data && shown.length === 0 ? <p className="staff-muted">No referrals here.</p> : null}
      {shown.length > 0 ? (
        <ul className="staff-list" aria-label="Referrals" data-testid="referral-list">
          {shown.map((r) => (
            <ReferralRow key={r.id} referral={r} staff={queue.data?.staff ?? []} today={today} />
          ))}
        </ul>
      ) : null}
    </StaffSection>
  );
}
