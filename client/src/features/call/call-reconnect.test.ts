import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeMediaSession } from '../../test-support/fake-media';
import { accepted, fakeSocket, refused, type Ack } from '../../test-support/fake-socket';
import { CallClient, type CreateMediaSession } from './call-client';
import { rejoinDelayMs } from './call-reconnect';
import { joinResult, ME, PARTNER, SESSION } from '../../test-support/join-result';

const joinAnswer = joinResult();
const JOIN = { sessionId: SESSION, studentId: ME, joinToken: 'join-token', stream: { getTracks: () => [] } as unknown as MediaStream };

async function inCall(joinAnswers: Ack[] = []) {
  const answers = [...joinAnswers];
  const fake = fakeSocket({ answer: (event) => (event === 'session:join' ? (answers.shift() ?? accepted(joinAnswer)) : accepted()) });
  const raw = fake.raw as typeof fake.raw & { recovered: boolean };
  raw.recovered = false;
  let built = 0;
  let closed = 0;
  const create: CreateMediaSession = async () => {
    built++;
    const media = fakeMediaSession();
    return Object.assign(media, { close: () => void closed++ });
  };
  const client = new CallClient('device-token', { socket: fake.socket, createMediaSession: create });
  await client.join(JOIN);
  const joins = () => fake.sent.filter((s) => s.event === 'session:join');
  const drop = () => {
    raw.connected = false;
    fake.push('disconnect', 'transport close');
  };
  const back = async (recovered: boolean) => {
    raw.connected = true;
    raw.recovered = recovered;
    fake.push('connect');
    await vi.advanceTimersByTimeAsync(0);
  };
  return { client, ...fake, joins, drop, back, built: () => built, closed: () => closed };
}

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('CallClient through a dropped socket', () => {
  it('keeps the media while the socket is down and carries on when socket.io recovers the connection', async () => {
    vi.useFakeTimers();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const call = await inCall();
    call.drop();
    expect(call.client.state.phase).toBe('reconnecting');
    expect(call.closed()).toBe(0);
    await call.back(true);
    expect(call.client.state.phase).toBe('connected');
    expect(call.joins()).toHaveLength(1);
    expect(call.built()).toBe(1);
    expect(call.client.state.rejoins).toBe(0);
    call.client.dispose();
  });

  it('rejoins with the join token it holds (no PIN) when the server did not keep the connection', async () => {
    vi.useFakeTimers();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const call = await inCall();
    call.drop();
    await call.back(false);
    expect(call.joins()).toHaveLength(2);
    expect(call.joins()[1]!.payload).toMatchObject({ sessionId: SESSION, studentId: ME, joinToken: 'join-token' });
    expect(call.closed()).toBe(1);
    expect(call.client.state.phase).toBe('connected');
    expect(call.client.state.rejoins).toBe(1);
    call.client.dispose();
  });

  it('after a graceful restart comes back by itself, retrying with backoff while the server is not ready', async () => {
    vi.useFakeTimers();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    const call = await inCall([accepted(joinAnswer), refused('shutting_down', 'restarting'), refused('unavailable', 'starting')]);
    call.push('session:ended', { reason: 'server_shutdown', message: 'Peerbridge is restarting.' });
    expect(call.client.state.phase).toBe('reconnecting');
    call.drop();
    await call.back(false);
    expect(call.joins()).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(rejoinDelayMs(1, () => 0.5));
    expect(call.joins()).toHaveLength(3);
    expect(call.client.state.phase).toBe('reconnecting');
    await vi.advanceTimersByTimeAsync(rejoinDelayMs(2, () => 0.5));
    expect(call.joins()).toHaveLength(4);
    expect(call.client.state.phase).toBe('connected');
    call.client.dispose();
  });

  it('goes back to sign-in when the join token is refused on rejoin', async () => {
    vi.useFakeTimers();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const call = await inCall([accepted(joinAnswer), refused('unauthenticated', 'Sign in again.')]);
    call.drop();
    await call.back(false);
    expect(call.client.state.phase).toBe('ended');
    call.client.dispose();
  });

  it("says the partner is reconnecting while the server keeps their place", async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const call = await inCall();
    call.push('peer:reconnecting', { participantId: PARTNER });
    expect(call.client.state.notice).toBe('Priya is reconnecting…');
    call.push('peer:reconnected', { participantId: PARTNER });
    expect(call.client.state.notice).toBeNull();
    call.client.dispose();
  });

  it('spreads rejoins out: exponential, capped, jittered', () => {
    expect([1, 2, 3, 4, 5, 9].map((n) => rejoinDelayMs(n, () => 0.5))).toEqual([500, 1000, 2000, 4000, 5000, 5000]);
    expect(rejoinDelayMs(1, () => 0)).toBe(250);
    expect(rejoinDelayMs(1, () => 0.999)).toBe(750);
  });
});
