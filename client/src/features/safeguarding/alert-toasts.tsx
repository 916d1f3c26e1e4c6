import { Button } from '../../ui/button';
import type { AlertsStatus, ShownAlert } from './safeguarding-alerts';
import './concerns.css';
import { useSchoolTime } from '../../lib/staff/staff-context';

export interface AlertToastsProps {
  alerts: readonly ShownAlert[];
  onOpenConcern: (concernId: string) => void;
  onOpenSessionLog: (sessionId: string) => void;
  onDismiss: (key: string) => void;
}

/**
 * Live safeguarding alerts, pinned to the top of the page until dismissed:
 * never a toast that fades by itself, because a child's worry must not be
 * missed by someone who looked away for a moment.
 */
export function AlertToasts({ alerts, onOpenConcern, onOpenSessionLog, onDismiss }: AlertToastsProps) {
  const time = useSchoolTime();
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
                {alert.kind === 'concern_raised' ? 'New concern' : 'Chat message flagged'} ·{' '}
                <time dateTime={alert.at}>{time.time(alert.at)}</time>
              </strong>
              <span>{alert.summary}</span>
            </div>
            <div className="alert-toast__actions">
              {open ? (
                <Button
                  data-testid="alert-open"
                  onClick={() => {
                    open.run();
                    onDismiss(alert.key);
                  }}
                >
                  {open.label}
                </Button>
              ) : null}
              <Button variant="secondary" data-testid="alert-dismiss" onClick={() => onDismiss(alert.key)}>
                Dismiss
              </Button>
            </div>
          </div>
        );
      })}
    </div>
  );
}

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
