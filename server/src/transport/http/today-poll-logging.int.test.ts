import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { capturingLogger } from '../../test-support/log-capture.js';
import { startTestServer, stopTestServer, type TestServer } from '../../test-support/test-server.js';
import { TestClock } from '../../test-support/test-clock.js';

// The iPads' 30-second poll is routine traffic: at the production level (info) only a refused one is logged.
describe('request logging of the iPads\' poll of their day', () => {
  let server: TestServer;
  const capture = capturingLogger('info');
  const requestsLogged = () => capture.lines.filter((l) => l.msg === 'request completed') as { req: { url: string }; res: { statusCode: number } }[];

  beforeAll(async () => {
    server = await startTestServer('pglite', new TestClock(), {}, capture.log);
  });
  afterAll(() => stopTestServer(server));

  it('leaves out answered polls and the probes, and logs a refused poll and every other request', async () => {
    const token = server.demo!.schools.find((s) => s.role === 'mentee')!.deviceToken;
    const today = () => request(server.url).get('/api/device/sessions/today');
    const first = await today().set('Authorization', `Bearer ${token}`).expect(200);
    await today().set('Authorization', `Bearer ${token}`).set('If-None-Match', first.headers.etag as string).expect(304);
    await today().set('Authorization', 'Bearer not-a-device').expect(401);
    await request(server.url).get('/api/staff/me').expect(401);
    // The probes are never logged.
    await request(server.url).get('/healthz').expect(200);
    // pino-http logs when the answer has finished: wait for the last one.
    await expect.poll(() => requestsLogged().length).toBe(2);
    expect(requestsLogged().map((l) => [l.req.url, l.res.statusCode])).toEqual([
      ['/api/device/sessions/today', 401],
      ['/api/staff/me', 401],
    ]);
  });
});
