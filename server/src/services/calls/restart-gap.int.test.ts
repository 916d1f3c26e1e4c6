import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import { SessionRepository } from '../../infra/db/session-repository.js';
import { connectDevice } from '../../test-support/device-socket.js';
import { testDatabaseKinds } from '../../test-support/test-databases.js';
import { startTestServer, stopTestServer, type TestServer } from '../../test-support/test-server.js';
import { SessionTimeline } from '../session-timeline/session-timeline.js';
import { recordRestartGap } from './restart-gap.js';

/*
 * What a server starting after a crash finds in the log: students left "in" a call with no
 * leaving. Here the crash is simulated by reading the log of a running server whose calls are
 * still going, as a fresh process would find it on start-up.
 */
describe.each(testDatabaseKinds())('the gap a stopped server leaves, on %s', (kind) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(kind);
  });
  afterAll(() => stopTestServer(server));

  it('logs a drop for each student the log leaves in a call, keeps the chain whole, and notes them as dropped so their return is a reconnection', async () => {
    const demo = server.demo!;
    const session = demo.sessions.find((s) => s.kind === 'now')!;
    const mentor = await connectDevice(server.url, demo.schools.find((s) => s.role === 'mentor')!.deviceToken);
    const mentee = await connectDevice(server.url, demo.schools.find((s) => s.role === 'mentee')!.deviceToken);
    expect((await mentor.join(session.id, session.mentor.id)).ok).toBe(true);
    expect((await mentee.join(session.id, session.mentee.id)).ok).toBe(true);

    const noted: [string, string][] = [];
    const gap = () =>
      recordRestartGap({
        events: server.events,
        sessions: new SessionRepository(server.database.db),
        timeline: new SessionTimeline({ events: server.events, clock: server.clock }),
        lifecycle: { noteDropped: (sessionId, studentId) => void noted.push([sessionId, studentId]) },
        clock: server.clock,
        log: pino({ level: 'silent' }),
      });
    expect(await gap()).toEqual({ dropped: 2 });
    const entries = await server.events.list(session.id);
    expect(entries.slice(-2).map((e) => [e.type, e.actor, e.detail.reason])).toEqual(
      expect.arrayContaining([
        ['ParticipantDropped', session.mentor.id, 'server_stopped'],
        ['ParticipantDropped', session.mentee.id, 'server_stopped'],
      ]),
    );
    expect(noted.map(([, student]) => student).sort()).toEqual([session.mentor.id, session.mentee.id].sort());
    expect((await server.events.verify(session.id)).ok).toBe(true);

    // Run again (a second restart): nobody is left in, so nothing more is written.
    expect(await gap()).toEqual({ dropped: 0 });
    expect(await server.events.list(session.id)).toHaveLength(entries.length);
    mentor.close();
    mentee.close();
  });
});
