import { useCallback, useEffect, useState } from 'react';
import { SafeguardingAlertsClient, withAlert, type AlertsStatus, type ShownAlert } from './safeguarding-alerts';

/**
 * Live alerts for a signed-in safeguarding lead: the socket lives exactly as
 * long as the signed-in page (signing out closes it). `onAlert` runs for each
 * new alert, e.g. to refresh the concern queue.
 */
export function useSafeguardingAlerts(enabled: boolean, onAlert: (alert: ShownAlert) => void) {
  const [alerts, setAlerts] = useState<ShownAlert[]>([]);
  const [status, setStatus] = useState<AlertsStatus>('connecting');

  useEffect(() => {
    if (!enabled) return;
    const client = new SafeguardingAlertsClient();
    const offAlert = client.on('alert', (alert) => {
      setAlerts((current) => withAlert(current, alert));
      onAlert(alert);
    });
    const offStatus = client.on('status', setStatus);
    client.start();
    return () => {
      offAlert();
      offStatus();
      client.dispose();
    };
  }, [enabled, onAlert]);

  const dismiss = useCallback((key: string) => setAlerts((current) => current.filter((a) => a.key !== key)), []);

  return { alerts, status: enabled ? status : ('off' as const), dismiss };
}
