import type { RecordAccess, RecordView, StaffRole } from '@peerbridge/shared';
import type { PeerbridgeError } from '../../lib/peerbridge-error';
import { LoadState, RefreshButton } from '../../ui/staff-section';
import { useConcernViews, useLogViews } from './safeguarding-queries';
import { useSchoolTime } from '../../lib/staff/staff-context';

const accessWords: Record<RecordAccess, string> = {
  viewed: 'opened it',
  listed: 'saw it in a list',
  amended: 'added to it',
  verified: 'checked it was intact',
  exported_json: 'downloaded it as JSON',
  exported_csv: 'downloaded it as CSV',
  evidence_downloaded: 'downloaded the evidence file',
};

const roleWords: Record<StaffRole, string> = {
  coordinator: 'Coordinator',
  dsl: 'Safeguarding lead',
  supervisor: 'Supervisor',
  admin: 'Deployment admin',
};

/** Every opening of a log is recorded; this shows that record. Mounted once the log has loaded, so it includes you. */
export function LogViews({ sessionId }: { sessionId: string }) {
  return <RecordViews title="Who has viewed this log" query={useLogViews(sessionId)} />;
}

/** The same for a concern: who, in what role, from which school, what they did and when. */
export function ConcernViews({ concernId }: { concernId: string }) {
  return <RecordViews title="Who has viewed this concern" query={useConcernViews(concernId)} />;
}

function RecordViews({
  title,
  query,
}: {
  title: string;
  query: { data: RecordView[] | null; loading: boolean; error: PeerbridgeError | null; refresh: () => Promise<unknown> };
}) {
  const time = useSchoolTime();
  // Being shown in a list says little on its own; it stays on the server's record, not this screen.
  const shown = query.data?.filter((view) => view.access !== 'listed') ?? null;

  return (
    <section className="log-views" data-testid="log-views" aria-label={title}>
      <div className="log-views__header">
        <h4 className="log-views__title">{title}</h4>
        <RefreshButton onClick={() => void query.refresh()} loading={query.loading} />
      </div>
      <LoadState
        loading={query.loading}
        error={query.error}
        hasData={query.data !== null}
        onRetry={() => void query.refresh()}
        what="views"
      />
      {shown && shown.length === 0 ? <p className="staff-muted">No views recorded.</p> : null}
      {shown && shown.length > 0 ? (
        <ul className="log-views__list">
          {shown.map((view, index) => (
            <li key={`${view.staffId}-${view.at}-${index}`} data-testid="log-view" data-access={view.access}>
              <span className="log-views__who">{view.fullName}</span>
              <span>
                {[view.roles.map((r) => roleWords[r]).join(', '), view.schoolName].filter(Boolean).join(' · ')}
              </span>
              <span>{accessWords[view.access]}</span>
              <span className="staff-muted">{time.dateTime(view.at)}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
