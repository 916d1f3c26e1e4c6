import { lazy, Suspense, type ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { StaffAccountsSection } from '../../features/accounts/staff-accounts-section';
import { AttendanceSection } from '../../features/attendance/attendance-section';
import { AuditSection } from '../../features/audit/audit-section';
import { DeploymentSection } from '../../features/deployment/deployment-section';
import { DevicesSection } from '../../features/device/devices-section';
import { ExitsSection } from '../../features/exits/exits-section';
import { LiveSessionsSection } from '../../features/observe/live-sessions-section';
import { useLiveSessions } from '../../features/observe/observe-queries';
import { ReferralsSection } from '../../features/referrals/referrals-section';
import { ConcernsSection } from '../../features/safeguarding/concerns-section';
import { useConcernQueue } from '../../features/safeguarding/safeguarding-queries';
import { SessionsSection } from '../../features/safeguarding/sessions-section';
import { SafeguardingWordsSection } from '../../features/safeguarding-words/keywords-section';
import { SchoolCalendarSection } from '../../features/school-calendar/school-calendar-section';
import { AccountSection } from '../../features/second-factor/account-section';
import { NoticesSection } from '../../features/students/notices-section';
import { StudentsSection } from '../../features/students/students-section';
import { TargetsSection } from '../../features/targets/targets-section';
import { TimetableSection } from '../../features/timetable/timetable-section';
import { useStaffContext } from '../../lib/staff/staff-context';
import {
  areaPaths,
  areaTitle,
  canObserve,
  emptyAreaNote,
  handlesConcerns,
  sectionsFor,
  staffPath,
  type StaffPlace,
  type StaffRoute,
} from '../../lib/staff/staff-sections';
import { Notice } from '../../ui/notice';
import { StaffSection } from '../../ui/staff-section';

// Reports carry the charting library: loaded only when a coordinator opens them, never on a child's path.
const ReportsSection = lazy(() => import('../../features/reports/reports-section').then((m) => ({ default: m.ReportsSection })));

/** The page for the current address: an area, "not available for your role", or "nothing here". */
export function StaffRoutePage({ route }: { route: StaffRoute }) {
  switch (route.status) {
    case 'open':
      return <AreaPage place={route.place} />;
    case 'not-available':
      return <NotAvailablePage area={route.area} />;
    case 'not-found':
      return <NotFoundPage />;
  }
}

function AreaPage({ place }: { place: StaffPlace }) {
  const [, navigate] = useLocation();
  switch (place.area) {
    case 'home':
      return <HomePage />;
    case 'concerns':
      return (
        <ConcernsSection
          concernId={place.concernId}
          onSelect={(concernId) => navigate(staffPath({ area: 'concerns', concernId }), { replace: true })}
        />
      );
    case 'sessions':
      return (
        <SessionsSection
          sessionId={place.sessionId}
          onSelect={(sessionId) => navigate(staffPath({ area: 'sessions', sessionId }), { replace: true })}
        />
      );
    case 'live':
      return (
        <LiveSessionsSection
          observeSessionId={place.observeSessionId}
          onObserve={(sessionId) => navigate(staffPath({ area: 'live', observeSessionId: sessionId }))}
          onStopWatching={() => navigate(staffPath({ area: 'live', observeSessionId: null }), { replace: true })}
        />
      );
    case 'referrals':
      return <ReferralsSection />;
    case 'targets':
      return <TargetsSection />;
    case 'attendance':
      return <AttendanceSection />;
    case 'exits':
      return <ExitsSection />;
    case 'reports':
      return (
        <Suspense fallback={<p data-testid="reports-loading">Loading reports…</p>}>
          <ReportsSection />
        </Suspense>
      );
    case 'timetable':
      return <TimetableSection />;
    case 'calendar':
      return <SchoolCalendarSection />;
    case 'students':
      return <StudentsSection />;
    case 'devices':
      return <DevicesSection />;
    case 'accounts':
      return <StaffAccountsSection />;
    case 'audit':
      return <AuditSection />;
    case 'keywords':
      return <SafeguardingWordsSection />;
    case 'deployment':
      return <DeploymentSection />;
    case 'account':
      // Everyone's own password and authenticator, whatever their roles.
      return <AccountSection />;
  }
}

/** `/staff`: what needs someone's attention now, each with a way to it. The areas themselves are in the navigation. */
function HomePage() {
  const { staff } = useStaffContext();
  const note = emptyAreaNote(staff.roles);
  const coordinates = sectionsFor(staff.roles).includes('notices');
  return (
    <div className="staff-home-page" data-testid="staff-home-page">
      {note ? (
        <Notice tone="info" data-testid="staff-no-access">
          {note}
        </Notice>
      ) : null}
      {handlesConcerns(staff.roles) || canObserve(staff.roles) ? <NeedsAttention /> : null}
      {coordinates ? <NoticesSection /> : null}
      {staff.roles.includes('admin') ? (
        <p>
          <Link href={areaPaths.deployment} className="staff-link">
            Open {areaTitle('deployment', staff.roles)}
          </Link>
        </p>
      ) : null}
    </div>
  );
}

/** For safeguarding leads and supervisors: new concerns and sessions happening now, from the same (self-refreshing) lists as their pages. */
function NeedsAttention() {
  const { staff } = useStaffContext();
  return (
    <StaffSection id="staff-attention" title="Needs attention" testId="attention-section">
      <ul className="staff-attention">
        {handlesConcerns(staff.roles) ? <NewConcernsLine /> : null}
        {canObserve(staff.roles) ? <LiveNowLine /> : null}
      </ul>
    </StaffSection>
  );
}

function NewConcernsLine() {
  const queue = useConcernQueue();
  const waiting = queue.data?.filter((concern) => concern.status === 'new').length ?? null;
  return (
    <AttentionLine testId="attention-concerns" href={areaPaths.concerns} link="Open concerns">
      {waiting === null
        ? queue.error
          ? `Couldn't load the concerns: ${queue.error.message}`
          : 'Loading concerns…'
        : waiting === 0
          ? 'No new concerns.'
          : `${waiting} new ${waiting === 1 ? 'concern' : 'concerns'} nobody has looked at yet.`}
    </AttentionLine>
  );
}

function LiveNowLine() {
  const live = useLiveSessions(true);
  const count = live.data?.length ?? null;
  return (
    <AttentionLine testId="attention-live" href={areaPaths.live} link="Open live sessions">
      {count === null
        ? live.error
          ? `Couldn't load the live sessions: ${live.error.message}`
          : 'Loading live sessions…'
        : count === 0
          ? 'No sessions are happening right now.'
          : `${count} ${count === 1 ? 'session is' : 'sessions are'} happening now.`}
    </AttentionLine>
  );
}

function AttentionLine({ testId, href, link, children }: { testId: string; href: string; link: string; children: ReactNode }) {
  return (
    <li className="staff-attention__line" data-testid={testId}>
      <span>{children}</span>
      <Link href={href} className="staff-link">
        {link}
      </Link>
    </li>
  );
}

function NotAvailablePage({ area }: { area: Parameters<typeof areaTitle>[0] }) {
  const { staff } = useStaffContext();
  return (
    <StaffSection id="staff-not-available" title={`${areaTitle(area, staff.roles)} is not available for your role`} testId="staff-not-available">
      <p>
        Your account can’t open this part of Peerbridge. If you need it, ask your school’s Peerbridge coordinator to change your
        roles.
      </p>
      <p>
        <Link href={areaPaths.home} className="staff-link">
          Go to the staff home
        </Link>
      </p>
    </StaffSection>
  );
}

function NotFoundPage() {
  return (
    <StaffSection id="staff-not-found" title="There is no page at this address" testId="staff-not-found">
      <p>The link may be mistyped, or the page may have moved.</p>
      <p>
        <Link href={areaPaths.home} className="staff-link">
          Go to the staff home
        </Link>
      </p>
    </StaffSection>
  );
}
