import { describe, expect, it } from 'vitest';
import type { RealtimeSink } from '../notifications/realtime-sink.js';
import { withAlertEmails } from './alert-email-sink.js';

describe('withAlertEmails', () => {
  it('pushes every alert as before and mails each, whatever its kind; other pushes are not mailed', () => {
    const pushed: string[] = [];
    const mailed: { schoolId: string; kind: string; concernId?: string }[] = [];
    const inner: RealtimeSink = {
      send: (connectionId, event, ..._payload) => void pushed.push(`${connectionId}:${event}`),
      toSchoolDsls: (schoolId, event, ..._payload) => void pushed.push(`${schoolId}:${event}`),
    };
    const sink = withAlertEmails(inner, { alert: (schoolId, alert) => void mailed.push({ schoolId, kind: alert.kind, concernId: alert.concernId }) });
    const at = '2026-11-25T10:20:00Z';
    sink.toSchoolDsls('s1', 'safeguarding:alert', { kind: 'chat_flagged', sessionId: null, summary: 'x', at });
    sink.toSchoolDsls('s2', 'safeguarding:alert', { kind: 'concern_raised', sessionId: null, concernId: '00000000-0000-4000-8000-000000000001', summary: 'x', at });
    sink.send('c1', 'chat:message', { fromParticipantId: 'p', firstName: 'A', text: 'hi', at });
    expect(pushed).toEqual(['s1:safeguarding:alert', 's2:safeguarding:alert', 'c1:chat:message']);
    expect(mailed).toEqual([
      { schoolId: 's1', kind: 'chat_flagged', concernId: undefined },
      { schoolId: 's2', kind: 'concern_raised', concernId: '00000000-0000-4000-8000-000000000001' },
    ]);
  });
});
