import { LoadState, RefreshButton } from '../../ui/staff-section';
import { useLogViews } from './safeguarding-queries';
import { useSchoolTime } from '../../lib/staff/staff-context';

/** Every opening of a log is recorded; this shows that record. Mounted once the log has loaded, so it includes you. */
export function LogViews({ sessionId }: { sessionId: string }) {
  const time = useSchoolTime();
  const views = useLogViews(sessionId);

  return (
    <section className="log-views" data-testid="log-views" aria-label="Who has viewed this log">
      <div className="log-views__header">
        <h4 className="log-views__title">Who has viewed this log</h4>
        <RefreshButton onClick={() => void views.refresh()} loading={views.loading} />
      </div>
      <LoadState
        loading={views.loading}
        error={views.error}
        hasData={views.data !== null}
        onRetry={() => void views.refresh()}
        what="views"
      />
      {views.data && views.data.length === 0 ? <p className="staff-muted">No views recorded.</p> : null}
      {views.data && views.data.length > 0 ? (
        <ul className="log-views__list">
          {views.data.map((view, index) => (
            <li key={`${view.staffId}-${view.at}-${index}`} data-testid="log-view">
              <span className="log-views__who">{view.fullName}</span>
              <span className="staff-muted">{time.dateTime(view.at)}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
