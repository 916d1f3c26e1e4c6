import { LoadState, StaffSection } from '../../ui/staff-section';
import type { CoordinatorNotice } from './notices-api';
import { useNotices } from './students-queries';
import { useSchoolTime } from '../../lib/staff/staff-context';

const kindLabels: Record<string, string> = {
  consent_missing: 'Consent or training missing',
  consent_withdrawn: 'Parental consent withdrawn',
  schedule_changed: 'Sessions changed',
  session_ended_by_staff: 'Session ended by staff',
  repeated_absence: 'Missed sessions in a row',
};

/** Coordinators: what Peerbridge needs them to fix, e.g. a session refused for missing consent. */
export function NoticesSection() {
  const time = useSchoolTime();
  const notices = useNotices();

  return (
    <StaffSection
      id="staff-notices"
      title="Notices"
      testId="notices-section"
    >
      <LoadState
        loading={notices.loading}
        error={notices.error}
        hasData={notices.data !== null}
        onRetry={() => void notices.refresh()}
        what="notices"
      />
      {notices.data && notices.data.length === 0 ? <p className="staff-muted">Nothing needs your attention.</p> : null}
      {notices.data && notices.data.length > 0 ? (
        <ul className="staff-list" aria-label="Notices">
          {notices.data.map((notice) => (
            <li key={String(notice.id)} className="staff-row staff-row--notice" data-testid="notice-row">
              <div className="staff-row__main">
                <span className="staff-row__title">
                  {kindLabels[notice.kind] ?? humanise(notice.kind)}
                  {studentName(notice) ? ` · ${studentName(notice)}` : ''}
                </span>
                <span>{notice.message}</span>
                <span className="staff-muted">{time.dateTime(notice.createdAt)}</span>
              </div>
            </li>
          ))}
        </ul>
      ) : null}
    </StaffSection>
  );
}

function studentName(notice: CoordinatorNotice): string | null {
  return [notice.studentName, notice.studentSurname].filter(Boolean).join(' ') || null;
}

/** A kind this screen has no words for yet still reads as words: "device_revoked" → "Device revoked". */
function humanise(kind: string): string {
  const spaced = kind.replace(/[_-]+/g, ' ').trim();
  return spaced ? spaced[0]!.toUpperCase() + spaced.slice(1) : 'Notice';
}
