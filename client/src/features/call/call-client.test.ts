import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DeviceSocket } from '../../lib/socket-client';
import { CallClient, SignInRequiredError } from './call-client';

type Ack = { ok: true; data: unknown } | { ok: false; error: { code: string; message: string } };

/** Just enough of a socket.io client to drive CallClient's join without a server. */
function fakeSocket(answer: (event: string, payload: unknown) => Ack) {
  const sent: Array<{ event: string; payload: unknown }> = [];
  const socket = {
    connected: true,
    active: true,
    on: () => socket,
    off: () => socket,
    connect: () => socket,
    disconnect: () => socket,
    removeAllListeners: () => socket,
    timeout: () => ({
      emitWithAck: async (event: string, payload: unknown) => {
        sent.push({ event, payload });
        return answer(event, payload);
      },
    }),
  };
  return { socket: socket as unknown as DeviceSocket, sent };
}

const JOIN = {
  sessionId: '11111111-1111-4111-8111-111111111111',
  studentId: '22222222-2222-4222-8222-222222222222',
  joinToken: 'join-token-from-pin',
  stream: { getTracks: () => [] } as unknown as MediaStream,
};

const refused = (code: string, message: string): Ack => ({ ok: false, error: { code, message } });

afterEach(() => vi.restoreAllMocks());

describe('CallClient.join', () => {
  it('carries the join token from the PIN sign-in', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { socket, sent } = fakeSocket(() => refused('session_over', 'This session finished at 09:10.'));
    const client = new CallClient('device-token', { socket });
    await expect(client.join(JOIN)).rejects.toMatchObject({ code: 'session_over' });
    expect(sent.find((s) => s.event === 'session:join')?.payload).toMatchObject({
      sessionId: JOIN.sessionId,
      studentId: JOIN.studentId,
      joinToken: 'join-token-from-pin',
    });
    expect(client.state.phase).toBe('idle');
    client.dispose();
  });

  it('asks for the PIN again when the server refuses the join token', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const message = 'Your sign-in for this session has run out. Go back and enter your PIN again.';
    const { socket } = fakeSocket((event) =>
      event === 'session:join' ? refused('unauthenticated', message) : refused('internal', 'no'),
    );
    const client = new CallClient('device-token', { socket });
    const error = await client.join(JOIN).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SignInRequiredError);
    expect(error).toMatchObject({ message });
    client.dispose();
  });

  it('does not send a student back to the PIN screen for other refusals', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { socket } = fakeSocket(() => refused('session_not_open', "This session isn't open yet."));
    const client = new CallClient('device-token', { socket });
    const error = await client.join(JOIN).catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(SignInRequiredError);
    client.dispose();
  });
});
