import type { ObserverInfo } from '@peerbridge/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeMediaSession } from '../../test-support/fake-media';
import { fakeSocket, type Ack } from '../../test-support/fake-socket';
import { grace, jo } from '../../test-support/observers';
import { CallClient, type CreateMediaSession } from './call-client';
import { joinResult, ME, PARTNER, SESSION } from '../../test-support/join-result';

const fakeMedia: CreateMediaSession = async () => fakeMediaSession();

const JOIN = {
  sessionId: SESSION,
  studentId: ME,
  joinToken: 'join-token',
  stream: { getTracks: () => [] } as unknown as MediaStream,
};

async function joinedClient(options: { observers?: ObserverInfo[]; answer?: (event: string, payload: unknown) => Ack } = {}) {
  // Everything else succeeds quietly (the early Device load then fails in Node, which a join tolerates).
  const answer = options.answer ?? ((): Ack => ({ ok: true, data: {} }));
  const fake = fakeSocket({
    answer: (event, payload) =>
      event === 'session:join' ? { ok: true, data: joinResult(options.observers ?? []) } : answer(event, payload),
  });
  const client = new CallClient('device-token', { socket: fake.socket, createMediaSession: fakeMedia });
  await client.join(JOIN);
  return { client, ...fake };
}

afterEach(() => vi.restoreAllMocks());

describe('CallClient observers', () => {
  it('shows the staff already watching when the student joins', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { client } = await joinedClient({ observers: [grace] });
    expect(client.state.phase).toBe('connected');
    expect(client.state.observers).toEqual([grace]);
    client.dispose();
  });

  it('adds observers as they arrive and removes them as they leave', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { client, push } = await joinedClient();
    push('observer:joined', grace);
    push('observer:joined', jo);
    push('observer:joined', grace);
    expect(client.state.observers.map((o) => o.name)).toEqual(['Ms Grace Adeyemi', 'Mrs Jo Walsh']);
    push('observer:left', { observerId: grace.observerId });
    expect(client.state.observers).toEqual([jo]);
    client.dispose();
  });
});

describe('CallClient audio first', () => {
  it('says video is paused while the server holds it back for a slow connection, and stops saying so when it is back', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { client, push } = await joinedClient();
    expect(client.state.videoPausedForBandwidth).toBe(false);
    push('media:video-paused-for-bandwidth', { paused: true, availableKbps: 120 });
    expect(client.state.videoPausedForBandwidth).toBe(true);
    push('media:video-paused-for-bandwidth', { paused: false, availableKbps: 410 });
    expect(client.state.videoPausedForBandwidth).toBe(false);
    push('media:video-paused-for-bandwidth', { paused: true, availableKbps: 90 });
    await client.leave();
    expect(client.state.videoPausedForBandwidth).toBe(false);
    client.dispose();
  });
});

describe('CallClient chat', () => {
  it("adds the partner's messages and our delivered ones", async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { client, push, sent } = await joinedClient({ answer: () => ({ ok: true, data: { delivered: true } }) });
    push('chat:message', { fromParticipantId: PARTNER, firstName: 'Priya', text: 'Hi!', at: '2026-01-01T09:01:00Z' });
    await expect(client.sendChat('  Hello  ')).resolves.toEqual({ delivered: true });
    expect(sent.at(-1)).toEqual({ event: 'chat:send', payload: { text: 'Hello' } });
    expect(client.state.chat.map((m) => [m.from, m.text])).toEqual([
      ['partner', 'Hi!'],
      ['self', 'Hello'],
    ]);
    client.dispose();
  });

  it('keeps a blocked message out of the chat and hands back the explanation', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const verdict = { delivered: false, explanation: 'Phone numbers are not shared in Peerbridge.' };
    const { client } = await joinedClient({ answer: () => ({ ok: true, data: verdict }) });
    await expect(client.sendChat('07700 900123')).resolves.toEqual(verdict);
    expect(client.state.chat).toEqual([]);
    client.dispose();
  });

  it('ignores a malformed push instead of breaking the screen', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { client, push } = await joinedClient();
    push('chat:message', { text: 42 });
    expect(client.state.chat).toEqual([]);
    client.dispose();
  });
});

describe('CallClient concerns', () => {
  it('raises with one tap, and sends words as a second report', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { client, sent } = await joinedClient({ answer: () => ({ ok: true, data: { concernId: grace.observerId } }) });
    await client.raiseConcern();
    await client.raiseConcern('  He asked where I live.  ');
    await client.raiseConcern('   ');
    expect(sent.filter((s) => s.event === 'concern:raise').map((s) => s.payload)).toEqual([
      {},
      { text: 'He asked where I live.' },
      {},
    ]);
    client.dispose();
  });

  it('hands back the sentence for the child when the concern went but their words were not kept', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const wordsNotKept = 'Your worry reached the safeguarding leads, but your words were too long to keep.';
    const { client } = await joinedClient({ answer: () => ({ ok: true, data: { concernId: grace.observerId, wordsNotKept } }) });
    await expect(client.raiseConcern('words', grace.observerId)).resolves.toEqual({ concernId: grace.observerId, wordsNotKept });
    client.dispose();
  });

  it("rejects with the server's message so the child can be told and try again", async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { client } = await joinedClient({
      answer: () => ({ ok: false, error: { code: 'internal', message: 'Something went wrong. Please try again.' } }),
    });
    await expect(client.raiseConcern()).rejects.toMatchObject({ message: 'Something went wrong. Please try again.' });
    client.dispose();
  });

  it('says at once when there is no connection, rather than sending it late', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { client, raw, sent } = await joinedClient();
    raw.connected = false;
    await expect(client.raiseConcern()).rejects.toMatchObject({ code: 'network' });
    expect(sent.some((s) => s.event === 'concern:raise')).toBe(false);
    client.dispose();
  });
});
