import { useEffect } from 'react';
import { Button } from '../../ui/button';
import { alertHeadline, alertsTitle, alertTitles } from './alert-words';
import type { AlertsStatus, ShownAlert } from './safeguarding-alerts';
import './concerns.css';
import { useSchoolTime } from '../../lib/staff/staff-context';

export interface AlertToastsProps {
  alerts: readonly ShownAlert[];
  /** Safeguarding leads (and supervisors) may watch a live session. */
  canObserve: boolean;
  onOpenConcern: (concernId: string) => void;
  onOpenSessionLog: (sessionId: string) => void;
  onObserve: (sessionId: string) => void;
  onDismiss: (key: string) => void;
}

/**
 * Live safeguarding alerts, pinned to the top of the page (and counted in the
 * tab's title) until acknowledged: never a toast that fades by itself, because
 * a child's worry must not be missed by someone who looked away for a moment.
 * Each names the child and who they were with, says when it is live, and offers
 * what to do: observe now, open the concern (or the session's log).
 */
export function AlertToasts({ alerts, canObserve, onOpenConcern, onOpenSessionLog, onObserve, onDismiss }: AlertToastsProps) {
  const time = useSchoolTime();
  useAlertsTitle(alerts.length);
  if (alerts.length === 0) return null;
  return (
    <div className="alert-toasts" aria-label="Safeguarding alerts">
      {alerts.map((alert) => {
        const open =
          alert.kind === 'concern_raised' && alert.concernId
            ? { label: 'Open the concern', run: () => onOpenConcern(alert.concernId!) }
            : alert.sessionId
              ? { label: 'Open the session log', run: () => onOpenSessionLog(alert.sessionId!) }
              : null;
        return (
          <div key={alert.key} className="alert-toast" role="alert" data-testid="alert-toast" data-kind={alert.kind}>
            <div className="alert-toast__words">
              <strong className="alert-toast__title">
                {alertTitles[alert.kind]} ·{' '}
                <time dateTime={alert.at}>{time.time(alert.at)}</time>
                {alert.live ? (
                  <span className="alert-toast__live" data-testid="alert-live">
                    {' '}
                    · live now
                  </span>
                ) : null}
              </strong>
              <span data-testid="alert-headline">{alertHeadline(alert)}</span>
            </div>
            <div className="alert-toast__actions">
              {alert.live && alert.sessionId && canObserve ? (
                <Button
                  data-testid="alert-observe"
                  onClick={() => {
                    onObserve(alert.sessionId!);
                    onDismiss(alert.key);
                  }}
                >
                  Observe now
                </Button>
              ) : null}
              {open ? (
                <Button
                  variant={alert.live && canObserve ? 'secondary' : 'primary'}
                  data-testid="alert-open"
                  onClick={() => {
                    open.run();
                    onDismiss(alert.key);
                  }}
                >
                  {open.label}
                </Button>
              ) : null}
              <Button variant="quiet" data-testid="alert-dismiss" onClick={() => onDismiss(alert.key)}>
                Acknowledge
              </Button>
            </div>
          </div>
        );
      })}
    </div>
  );
}

/**
 * The tab's title counts the alerts still waiting, and is the page's own when none are.
 * The count is a prefix on whatever the title is now (the open area's name changes it).
 */
function useAlertsTitle(waiting: number): void {
  useEffect(() => {
    document.title = alertsTitle(waiting, document.title.replace(ALERTS_TITLE_PREFIX, ''));
    return () => {
      document.title = document.title.replace(ALERTS_TITLE_PREFIX, '');
    };
  }, [waiting]);
}

/** What `alertsTitle` puts before the page's own title. */
export const ALERTS_TITLE_PREFIX = /^\(\d+\) Safeguarding alerts? · /;

const statusWords: Record<AlertsStatus, string> = {
  connecting: 'Live alerts: connecting…',
  on: 'Live alerts: on',
  reconnecting: 'Live alerts: reconnecting…',
  off: 'Live alerts are off. Reload the page to turn them back on; check the concern queue meanwhile.',
};

/** A safeguarding lead must know when alerts can't reach them, rather than trust a silence. */
export function AlertsStatusLine({ status }: { status: AlertsStatus }) {
  return (
    <p className={`alerts-status alerts-status--${status}`} data-testid="alerts-status" data-status={status} role="status">
      {statusWords[status]}
    </p>
  );
}
