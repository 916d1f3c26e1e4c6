import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDevice } from '../../test-support/device-socket.js';
import { startTestServer, stopTestServer, type TestServer } from '../../test-support/test-server.js';

/*
 * With REDIS_URL set, socket.io runs on the Redis adapter so several nodes can
 * share rooms. Runs when TEST_REDIS_URL names a Redis server (CI sets it), like
 * the PostgreSQL suites; without it there is nothing to run against.
 */
const redisUrl = process.env.TEST_REDIS_URL;

describe.runIf(redisUrl)('socket.io on the Redis adapter', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('pglite', undefined, { REDIS_URL: redisUrl! });
  });
  afterAll(() => stopTestServer(server));

  it('serves joins and pushes through the adapter', async () => {
    const demo = server.demo!;
    const session = demo.sessions.find((s) => s.kind === 'now')!;
    const mentor = await connectDevice(server.url, demo.schools.find((s) => s.role === 'mentor')!.deviceToken);
    const mentee = await connectDevice(server.url, demo.schools.find((s) => s.role === 'mentee')!.deviceToken);
    expect((await mentor.join(session.id, session.mentor.id)).ok).toBe(true);
    const announced = mentor.next('peer:joined');
    expect((await mentee.join(session.id, session.mentee.id)).ok).toBe(true);
    expect(await announced).toMatchObject({ participantId: session.mentee.id });
    mentor.close();
    mentee.close();
  });
});
