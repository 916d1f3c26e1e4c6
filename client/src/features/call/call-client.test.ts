import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeSocket, refused, type Ack } from '../../test-support/fake-socket';
import { CallClient, SignInRequiredError } from './call-client';

const JOIN = {
  sessionId: '11111111-1111-4111-8111-111111111111',
  studentId: '22222222-2222-4222-8222-222222222222',
  joinToken: 'join-token-from-pin',
  stream: { getTracks: () => [] } as unknown as MediaStream,
};

const clientAnswering = (answer: (event: string, payload: unknown) => Ack) => {
  const fake = fakeSocket({ answer });
  return { client: new CallClient('device-token', { socket: fake.socket }), ...fake };
};

afterEach(() => vi.restoreAllMocks());

describe('CallClient.join', () => {
  it('carries the join token from the PIN sign-in', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { client, sent } = clientAnswering(() => refused('session_over', 'This session finished at 09:10.'));
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
    const { client } = clientAnswering((event) =>
      event === 'session:join' ? refused('unauthenticated', message) : refused('internal', 'no'),
    );
    const error = await client.join(JOIN).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SignInRequiredError);
    expect(error).toMatchObject({ message });
    client.dispose();
  });

  it('does not send a student back to the PIN screen for other refusals', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { client } = clientAnswering(() => refused('session_not_open', "This session isn't open yet."));
    const error = await client.join(JOIN).catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(SignInRequiredError);
    client.dispose();
  });
});
