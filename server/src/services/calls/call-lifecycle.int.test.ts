import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { sessionEvents } from '../../infra/db/schema.js';
import { connectDevice } from '../../test-support/device-socket.js';
import { startTestServer, type TestServer } from '../../test-support/test-server.js';

describe('live sessions when the media worker dies and when the server stops', () => {
  let server: TestServer;
  let stopped = false;
  beforeAll(async () => {
    server = await startTestServer('pglite');
  });
  afterAll(async () => {
    if (!stopped) await server.close();
    await server.testDb.dispose();
  });

  const demo = () => server.demo!;
  const token = (role: 'mentor' | 'mentee') => demo().schools.find((s) => s.role === role)!.deviceToken;
  const nowSession = () => demo().sessions.find((s) => s.kind === 'now')!;
  const leftReasons = async () =>
    (
      await server.database.db
        .select()
        .from(sessionEvents)
        .where(eq(sessionEvents.occurrenceId, nowSession().id))
        .orderBy(asc(sessionEvents.id))
    )
      .filter((e) => e.type === 'SessionLeft')
      .map((e) => e.detail.reason);

  it('tells both students the media was lost, logs their leaving, and lets them rejoin on the replacement worker', async () => {
    const mentor = await connectDevice(server.url, token('mentor'));
    const mentee = await connectDevice(server.url, token('mentee'));
    const session = nowSession();
    expect((await mentor.join(session.id, session.mentor.id)).ok).toBe(true);
    expect((await mentee.join(session.id, session.mentee.id)).ok).toBe(true);

    const mentorTold = mentor.next('session:ended', 10_000);
    const menteeTold = mentee.next('session:ended', 10_000);
    process.kill(server.media.workerPids()[0]!, 'SIGKILL');
    expect(await mentorTold).toMatchObject({ reason: 'media_lost' });
    expect(await menteeTold).toMatchObject({ reason: 'media_lost' });
    await expect.poll(leftReasons).toEqual(['media_lost', 'media_lost']);

    await expect.poll(() => server.media.health(), { timeout: 10_000 }).toMatchObject({ workersAlive: 1 });
    const rejoin = await mentor.join(session.id, session.mentor.id);
    expect(rejoin.ok).toBe(true);
    mentor.close();
    mentee.close();
    await expect.poll(leftReasons).toHaveLength(3);
  });

  it('on shutdown, tells everyone, logs them out and refuses new joins', async () => {
    const mentor = await connectDevice(server.url, token('mentor'));
    const session = nowSession();
    expect((await mentor.join(session.id, session.mentor.id)).ok).toBe(true);
    const told = mentor.next('session:ended');
    const closing = server.close();
    stopped = true;
    expect(await told).toMatchObject({ reason: 'server_shutdown' });
    await closing;
    expect(server.calls.liveSessionCount()).toBe(0);
    // The database is closed now; reopen would need the lock, which the closed server released.
  });
});
