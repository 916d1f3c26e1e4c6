import { describe, expect, it } from 'vitest';
import { SessionEventType } from './http/session-logs.js';
import { describeLogEntry, type LogEntryFacts } from './log-words.js';

const SAM = '11111111-1111-4111-8111-111111111111';
const MS_JONES = '22222222-2222-4222-8222-222222222222';
const CONCERN = '0f8b6c1e-3d0a-4d6e-9d2b-2c1f7a0e5b11';

const entry = (type: string, detail: Record<string, unknown> = {}, actor: string | null = SAM): LogEntryFacts => ({ type, actor, detail });
const names = new Map([
  [SAM, 'Sam'],
  [MS_JONES, 'Ms Jones'],
]);
const words = (e: LogEntryFacts) => describeLogEntry(e, names).text;

/** Each kind the server writes, with the details it writes (session-timeline.ts), and the words a DSL reads. */
const asWritten: Record<SessionEventType, { detail: Record<string, unknown>; actor?: string | null; says: string }> = {
  SessionJoined: { detail: { networkCheck: { direct: 'tcp', turn: 'not_configured', uploadKbps: 1200 } }, says: 'Sam joined; the network check looked good (UDP blocked · TCP ok · TURN not configured · upload ≈ 1.2 Mbit/s)' },
  SessionLeft: { detail: { reason: 'left' }, says: 'Sam left (tapped Leave)' },
  SessionReconnected: { detail: {}, says: 'Sam reconnected' },
  MediaToggled: { detail: { kind: 'audio', on: false }, says: 'Sam turned their microphone off' },
  ChatMessageSent: { detail: { text: 'see you next week', flaggedKeywords: ['kms'] }, says: 'Sam sent a chat message; it matched safeguarding words: “kms”' },
  ChatMessageBlocked: { detail: { text: 'ring me 07700 900123', contactKinds: ['phone'] }, says: 'Sam tried to send a phone number; the message was not delivered' },
  ConcernRaised: { detail: { concernId: CONCERN, wordsNotKept: 'too_long' }, says: 'Sam pressed “I’m worried”; their words were too long to keep' },
  ConcernWordsAdded: { detail: { concernId: CONCERN }, says: 'Sam added their own words to the concern they raised' },
  ObserverJoined: { detail: { name: 'Ms Jones', schoolName: 'Northgate', role: 'dsl' }, actor: MS_JONES, says: 'Ms Jones (Northgate, safeguarding lead) started observing' },
  ObserverLeft: { detail: { reason: 'students_left' }, actor: MS_JONES, says: 'Ms Jones stopped observing (both students had left)' },
  SessionEnded: { detail: { reason: 'time_up' }, actor: null, says: 'The session ended (the session time was over)' },
  ParticipantReconnecting: { detail: {}, says: 'Sam lost the connection; their place was kept while they reconnected' },
  ParticipantReconnected: { detail: { how: 'new_connection' }, says: 'Sam came back after losing the connection' },
  SessionRejoined: {
    detail: { after: 'page_reload', placeKept: true },
    says: 'Sam rejoined after the iPad reloaded (same iPad, within a few minutes, no PIN needed)',
  },
  MediaFlowing: { detail: { kind: 'audio' }, says: "Sam's microphone started reaching the call" },
  ParticipantDropped: { detail: { reason: 'server_stopped' }, says: 'Sam dropped out of the call (Peerbridge stopped unexpectedly)' },
  VideoPausedForBandwidth: { detail: { receiver: 'student', availableKbps: 120 }, says: "Sam's connection was too slow for video, so their incoming video was paused to keep the voices clear (about 120 kbit/s)" },
  VideoResumedForBandwidth: { detail: { receiver: 'observer', availableKbps: 410 }, says: "Sam's connection recovered and their incoming video came back (about 410 kbit/s)" },
  TargetSet: { detail: { what: 'Hand in homework on time', reviewOn: '2027-02-03' }, says: 'Sam added a target: Hand in homework on time (to review on 2027-02-03)' },
  TargetReviewed: {
    detail: { what: 'Read for 20 minutes a day', status: 'on_track', progress: 'Four days out of five', nextStep: 'Every day next week' },
    says: 'Sam reviewed the target “Read for 20 minutes a day”: on track; progress: Four days out of five; next step: Every day next week',
  },
};

const UUID_LIKE = /[0-9a-f]{8}(-?[0-9a-f]{4}){0,3}/i;
// `iPad` is a word a DSL reads, not a detail key.
const CAMEL_CASE = /\b(?!iPad\b)[a-z]+[A-Z][a-zA-Z]*\b/;
const BOOLEAN = /\b(true|false)\b/;

describe('describeLogEntry', () => {
  it.each(SessionEventType.options)('says %s in plain words with the name', (type) => {
    const { detail, actor, says } = asWritten[type];
    expect(words(entry(type, detail, actor === undefined ? SAM : actor))).toBe(says);
  });

  it.each(SessionEventType.options)('never shows an id, a detail key or true/false for %s, named or not', (type) => {
    const { detail, actor } = asWritten[type];
    for (const known of [names, new Map<string, string>()]) {
      const said = describeLogEntry(entry(type, { ...detail, deviceId: '68829c76-aaaa-4bbb-8ccc-123456789abc', on: false }, actor === undefined ? SAM : actor), known);
      for (const text of [said.text, said.quote ?? '']) {
        expect(text).not.toMatch(UUID_LIKE);
        expect(text).not.toMatch(CAMEL_CASE);
        expect(text).not.toMatch(BOOLEAN);
      }
    }
  });

  it('says who ended a session early for everyone, as what, where, why, and keeps their note as the quote', () => {
    const ended = describeLogEntry(
      entry(
        'SessionEnded',
        { reason: 'ended_by_staff', endReason: 'safeguarding_concern', note: 'Asked to meet.', name: 'Ms Grace Adeyemi', role: 'dsl', schoolName: 'Riverside High School' },
        MS_JONES,
      ),
      names,
    );
    expect(ended).toEqual({
      text: 'Ms Grace Adeyemi (safeguarding lead, Riverside High School) ended the session early for everyone: Safeguarding concern',
      quote: 'Asked to meet.',
      attention: true,
    });
  });

  it('says which device was turned on or off, and when the iPad paused it in the background', () => {
    expect(words(entry('MediaToggled', { kind: 'video', on: true }))).toBe('Sam turned their camera on');
    expect(words(entry('MediaToggled', { kind: 'video', paused: true }))).toBe('Sam turned their camera off');
    expect(words(entry('MediaToggled', { kind: 'video', on: false, reason: 'background' }))).toBe('Sam’s camera paused (the iPad app went to the background)');
    expect(words(entry('MediaToggled', { kind: 'video', on: true, reason: 'background' }))).toBe('Sam’s camera came back (the iPad app was back on screen)');
    expect(words(entry('MediaToggled', {}))).toBe('Sam turned their microphone or camera on or off');
  });

  it('names every kind of contact detail a blocked message held, and quotes it for the record', () => {
    const blocked = describeLogEntry(entry('ChatMessageBlocked', { text: 'x', contactKinds: ['email', 'link', 'social_handle', 'email'] }), names);
    expect(blocked).toEqual({ text: 'Sam tried to send an email address, a link and a social media name; the message was not delivered', attention: true, quote: 'x' });
  });

  it('flags concerns, blocked and keyword messages, not ordinary chat', () => {
    expect(describeLogEntry(entry('ConcernRaised', { concernId: CONCERN }), names)).toMatchObject({ text: 'Sam pressed “I’m worried”', attention: true });
    expect(describeLogEntry(entry('ChatMessageSent', { text: 'hi' }), names)).toEqual({ text: 'Sam sent a chat message', attention: false, quote: 'hi' });
  });

  it('falls back to "a student" when the name is not known, and keeps a reason it has no words for in words', () => {
    expect(describeLogEntry(entry('SessionJoined'), new Map()).text).toBe('A student joined');
    expect(words(entry('SessionLeft', { reason: 'fire_drill' }))).toBe('Sam left (fire drill)');
  });

  it('shows an entry type it does not know yet in readable words, without its details', () => {
    expect(describeLogEntry(entry('TargetAgreed', { target: 'read a poem', targetId: SAM }, null), names)).toEqual({ text: 'Target agreed', attention: false, quote: null });
  });
});
