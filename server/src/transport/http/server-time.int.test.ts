import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { testDatabaseKinds } from '../../test-support/test-databases.js';
import { startTestServer, stopTestServer, type TestServer } from '../../test-support/test-server.js';

/* Every API answer says what time the server's clock says, so screens label "today" by it, not by the iPad's own clock. */
describe.each(testDatabaseKinds())('the server time on API answers on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(kind);
  });
  afterAll(() => stopTestServer(server));

  it("carries the server's (injected) clock on answers and refusals alike", async () => {
    for (const path of ['/api/staff/session', '/api/no-such-thing', '/api/device/sessions/today']) {
      const before = server.clock.now().epochMilliseconds;
      const res = await request(server.url).get(path);
      const stamped = Date.parse(res.headers['x-server-time'] as string);
      expect(stamped, path).toBeGreaterThanOrEqual(before);
      expect(stamped, path).toBeLessThanOrEqual(server.clock.now().epochMilliseconds);
    }
  });
});
