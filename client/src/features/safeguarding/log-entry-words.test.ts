import { describe, expect, it } from 'vitest';
import { describeLogEntry, peopleInLog } from './log-entry-words';
import type { LogEntry } from './session-log-api';

const SAM = '11111111-1111-4111-8111-111111111111';
const MS_JONES = '22222222-2222-4222-8222-222222222222';

const entry = (type: string, detail: Record<string, unknown> = {}, actor: string | null = SAM): LogEntry => ({
  seq: 1,
  type,
  at: '2026-11-23T08:40:00Z',
  actor,
  deviceId: null,
  detail,
  hash: 'h',
});

const names = new Map([[SAM, 'Sam']]);

describe('describeLogEntry', () => {
  it('says who joined and why they left', () => {
    expect(describeLogEntry(entry('SessionJoined'), names).text).toBe('Sam joined');
    expect(describeLogEntry(entry('SessionLeft', { reason: 'left' }), names).text).toBe('Sam left (tapped Leave)');
    expect(describeLogEntry(entry('SessionLeft', { reason: 'media_lost' }), names).text).toBe(
      'Sam left (the video connection was lost)',
    );
  });

  it('tells a lost connection, the kept place and a drop in plain words, with no gap', () => {
    expect(describeLogEntry(entry('ParticipantReconnecting'), names).text).toBe(
      'Sam lost the connection; their place was kept while they reconnected',
    );
    const back = describeLogEntry(entry('ParticipantReconnected', { how: 'new_connection' }), names);
    expect(back.text).toBe('Sam came back after losing the connection');
    expect(back.facts).toContainEqual({ label: 'how', value: 'new_connection' });
    expect(describeLogEntry(entry('ParticipantDropped', { reason: 'disconnected' }), names).text).toBe(
      'Sam dropped out of the call (the connection dropped)',
    );
    expect(describeLogEntry(entry('ParticipantDropped', { reason: 'server_stopped' }), names).text).toBe(
      'Sam dropped out of the call (Peerbridge stopped unexpectedly)',
    );
  });

  it("puts the join's network check in plain words, keeping one it cannot read as a raw fact", () => {
    const networkCheck = { direct: 'tcp', turn: 'not_configured', uploadKbps: 1200 };
    const words = describeLogEntry(entry('SessionJoined', { networkCheck }), names);
    expect(words.text).toBe('Sam joined; the network check looked good (UDP blocked · TCP ok · TURN not configured · upload ≈ 1.2 Mbit/s)');
    expect(words.facts.map((f) => f.label)).not.toContain('networkCheck');
    const slow = describeLogEntry(entry('SessionJoined', { networkCheck: { ...networkCheck, uploadKbps: 200 } }), names);
    expect(slow.text).toContain('slow connection (sound only likely)');
    const odd = describeLogEntry(entry('SessionJoined', { networkCheck: { direct: 'pigeon' } }), names);
    expect(odd.text).toBe('Sam joined');
    expect(odd.facts).toContainEqual({ label: 'networkCheck', value: '{"direct":"pigeon"}' });
  });

  it("says when a child added their own words to the concern they raised", () => {
    const words = describeLogEntry(entry('ConcernWordsAdded', { concernId: '0f8b6c1e-3d0a-4d6e-9d2b-2c1f7a0e5b11' }), names);
    expect(words.text).toBe('Sam added their own words to the concern they raised');
    expect(words.attention).toBe(true);
  });

  it('keeps a reason it has no words for, both in the sentence and in the facts', () => {
    const words = describeLogEntry(entry('SessionLeft', { reason: 'fire_drill' }), names);
    expect(words.text).toBe('Sam left (fire drill)');
    expect(words.facts).toContainEqual({ label: 'reason', value: 'fire_drill' });
  });

  it('falls back to "a student" and a short id when the name is not known', () => {
    const words = describeLogEntry(entry('SessionJoined'), new Map());
    expect(words.text).toBe('A student joined');
    expect(words.facts).toContainEqual({ label: 'who', value: '11111111…' });
  });

  it('says when the iPad paused the camera in the background and when it came back, apart from turning it off', () => {
    expect(describeLogEntry(entry('MediaToggled', { kind: 'video', on: false, reason: 'background' }), names).text).toBe(
      'Sam’s camera paused (the iPad app went to the background)',
    );
    const back = describeLogEntry(entry('MediaToggled', { kind: 'video', on: true, reason: 'background' }), names);
    expect(back.text).toBe('Sam’s camera came back (the iPad app was back on screen)');
    expect(back.facts.map((f) => f.label)).not.toContain('reason');
    expect(describeLogEntry(entry('MediaToggled', { kind: 'video', on: false }), names).text).toBe('Sam turned their camera off');
  });

  it('names the camera or microphone that was turned off', () => {
    expect(describeLogEntry(entry('MediaToggled', { kind: 'video', paused: true }), names).text).toBe(
      'Sam turned their camera off',
    );
    expect(describeLogEntry(entry('MediaToggled', {}), names).text).toBe('Sam turned their microphone or camera on or off');
  });

  it('flags concerns and blocked messages, and quotes chat in the child’s own words', () => {
    expect(describeLogEntry(entry('ConcernRaised'), names)).toMatchObject({ text: 'Sam raised a concern', attention: true });
    expect(describeLogEntry(entry('ChatMessageBlocked', { reason: 'phone number' }), names).attention).toBe(true);
    expect(describeLogEntry(entry('ChatMessageSent', { text: 'see you next week' }), names).quote).toBe('see you next week');
  });

  it('names an observer on leaving from their joining entry', () => {
    const log = [
      entry('ObserverJoined', { name: 'Ms Jones', role: 'dsl', schoolName: 'Northgate' }, MS_JONES),
      entry('ObserverLeft', { reason: 'students_left' }, MS_JONES),
    ];
    const people = peopleInLog(log, null);
    expect(describeLogEntry(log[0]!, people).text).toBe('Ms Jones started observing');
    expect(describeLogEntry(log[0]!, people).facts).toContainEqual({ label: 'role', value: 'dsl' });
    expect(describeLogEntry(log[1]!, people).text).toBe('Ms Jones stopped observing (both students had left)');
  });

  it('says in plain words when video was paused for a slow connection and when it came back', () => {
    expect(describeLogEntry(entry('VideoPausedForBandwidth', { receiver: 'student', availableKbps: 120 }), names)).toMatchObject({
      text: "Sam's connection was too slow for video, so their incoming video was paused to keep the voices clear (about 120 kbit/s)",
      facts: [],
    });
    expect(describeLogEntry(entry('VideoResumedForBandwidth', { receiver: 'student', availableKbps: 410 }), names).text).toBe(
      "Sam's connection recovered and their incoming video came back (about 410 kbit/s)",
    );
  });

  it('names who ended a session early, their role and school, and why, quoting their note', () => {
    const logged = entry(
      'SessionEnded',
      { reason: 'ended_by_staff', endReason: 'safeguarding_concern', note: 'Asked to meet.', name: 'Ms Grace Adeyemi', role: 'dsl', schoolName: 'Riverside High School' },
      MS_JONES,
    );
    const ended = describeLogEntry(logged, peopleInLog([logged], null));
    expect(ended.text).toBe('Ms Grace Adeyemi (safeguarding lead, Riverside High School) ended the session early for everyone: Safeguarding concern');
    expect(ended.quote).toBe('Asked to meet.');
    expect(ended.attention).toBe(true);
    expect(ended.facts).toEqual([]);
  });

  it('shows an entry type it does not know yet, in readable form', () => {
    expect(describeLogEntry(entry('TargetAgreed', { target: 'read a poem' }, null), names)).toMatchObject({
      text: 'Target Agreed',
      facts: [{ label: 'target', value: 'read a poem' }],
    });
  });
});
