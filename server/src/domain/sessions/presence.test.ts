import { describe, expect, it } from 'vitest';
import { presenceFromLog, type PresenceEntry } from './presence.js';

const sam = 'sam';
const ada = 'ada';
const e = (type: string, actor: string | null, detail: Record<string, unknown> = {}): PresenceEntry => ({
  type,
  actor,
  deviceId: actor ? `ipad-${actor}` : null,
  detail,
});

describe('presenceFromLog', () => {
  it('leaves in the call whoever joined and never left, with their device', () => {
    const p = presenceFromLog([e('SessionJoined', sam), e('SessionJoined', ada), e('SessionLeft', ada, { reason: 'left' })]);
    expect(p.stillIn).toEqual([{ studentId: sam, deviceId: 'ipad-sam' }]);
    expect(p.dropped).toEqual([]);
  });

  it('counts a kept place (reconnecting, reconnected) as still in the call', () => {
    expect(presenceFromLog([e('SessionJoined', sam), e('ParticipantReconnecting', sam)]).stillIn).toHaveLength(1);
    expect(presenceFromLog([e('SessionJoined', sam), e('ParticipantReconnecting', sam), e('ParticipantReconnected', sam)]).stillIn).toHaveLength(1);
  });

  it('calls a leaving that was not chosen a drop, and tapping Leave not', () => {
    const p = presenceFromLog([
      e('SessionJoined', sam),
      e('SessionJoined', ada),
      e('SessionLeft', sam, { reason: 'server_shutdown' }),
      e('SessionLeft', ada, { reason: 'left' }),
    ]);
    expect(p.stillIn).toEqual([]);
    expect(p.dropped).toEqual([sam]);
    expect(presenceFromLog([e('SessionJoined', sam), e('ParticipantDropped', sam, { reason: 'disconnected' })]).dropped).toEqual([sam]);
  });

  it('has nobody in a session that ended, and ignores entries that are not about presence', () => {
    const p = presenceFromLog([e('SessionJoined', sam), e('ChatMessageSent', sam), e('SessionEnded', null, { reason: 'time_up' })]);
    expect(p).toEqual({ stillIn: [], dropped: [] });
    expect(presenceFromLog([e('ObserverJoined', 'staff'), e('MediaToggled', sam)]).stillIn).toEqual([]);
  });
});
