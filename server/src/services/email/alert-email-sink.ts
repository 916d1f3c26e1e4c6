import type { SafeguardingAlert } from '@peerbridge/shared';
import type { RealtimeSink } from '../notifications/realtime-sink.js';
import type { NotificationEmails } from './notification-emails.js';

/**
 * The realtime sink, with every safeguarding alert to a school's DSLs also emailed to them. Every
 * alert (concerns, chat flags, and whatever flags are added later) passes `toSchoolDsls`, so this
 * is the one place that cannot miss one. The push goes first and unchanged.
 */
export function withAlertEmails(sink: RealtimeSink, emails: Pick<NotificationEmails, 'alert'>): RealtimeSink {
  return {
    send: (connectionId, event, ...args) => sink.send(connectionId, event, ...args),
    toSchoolDsls: (schoolId, event, ...args) => {
      sink.toSchoolDsls(schoolId, event, ...args);
      if (event === 'safeguarding:alert') {
        const alert = args[0] as SafeguardingAlert;
        emails.alert(schoolId, { kind: alert.kind, at: alert.at, concernId: alert.concernId, sessionId: alert.sessionId });
      }
    },
  };
}
