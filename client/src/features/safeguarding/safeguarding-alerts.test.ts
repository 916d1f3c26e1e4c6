import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeSocket } from '../../test-support/fake-socket';
import { alertKey, SafeguardingAlertsClient, withAlert, type ShownAlert } from './safeguarding-alerts';

const SESSION = '11111111-1111-4111-8111-111111111111';
const CONCERN = '22222222-2222-4222-8222-222222222222';

afterEach(() => vi.restoreAllMocks());

const raised = {
  kind: 'concern_raised' as const,
  sessionId: SESSION,
  concernId: CONCERN,
  summary: 'A student pressed “I’m worried” during a session.',
  at: '2026-01-01T09:00:00Z',
};

describe('SafeguardingAlertsClient', () => {
  it('passes alerts on and says when it is connected', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { socket, raw, push } = fakeSocket({ active: false });
    const client = new SafeguardingAlertsClient({ socket });
    const alerts: ShownAlert[] = [];
    const statuses: string[] = [];
    client.on('alert', (alert) => alerts.push(alert));
    client.on('status', (status) => statuses.push(status));
    client.start();
    expect(raw.connect).toHaveBeenCalled();
    push('connect');
    push('safeguarding:alert', raised);
    expect(alerts).toEqual([{ ...raised, key: alertKey(raised) }]);
    raw.active = false;
    push('connect_error', new Error('Please sign in.'));
    expect(statuses).toEqual(['on', 'off']);
    client.dispose();
    expect(raw.disconnect).toHaveBeenCalled();
  });

  it('does not swallow an alert it cannot read', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { socket, push } = fakeSocket({ active: false });
    const client = new SafeguardingAlertsClient({ socket });
    const alerts: ShownAlert[] = [];
    client.on('alert', (alert) => alerts.push(alert));
    push('safeguarding:alert', { kind: 'something_new' });
    expect(alerts[0]?.summary).toMatch(/could not be read/);
    client.dispose();
  });
});

describe('withAlert', () => {
  it('shows the newest first, each happening once, dropping only a flood', () => {
    const a = { ...raised, key: 'a' };
    const b = { ...raised, key: 'b' };
    expect(withAlert([a], b).map((x) => x.key)).toEqual(['b', 'a']);
    expect(withAlert([a, b], { ...a }).map((x) => x.key)).toEqual(['a', 'b']);
    expect(withAlert([a, b], { ...raised, key: 'c' }, 2).map((x) => x.key)).toEqual(['c', 'a']);
    // Kept until acknowledged: a busy afternoon's alerts are all still there.
    const many = Array.from({ length: 12 }, (_, i) => ({ ...raised, key: String(i) })).reduce<ShownAlert[]>((list, x) => withAlert(list, x), []);
    expect(many).toHaveLength(12);
  });
});
