import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { signInStaff } from '../../test-support/staff-agent.js';
import { testDatabaseKinds } from '../../test-support/test-databases.js';
import { TestClock } from '../../test-support/test-clock.js';
import { startTestServer, stopTestServer, type TestServer } from '../../test-support/test-server.js';

/** A stand-in for the built client, so the page's own headers can be read. */
function fakeClientDist(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'peerbridge-client-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><link rel="stylesheet" href="/assets/app.css"><div id="root"></div>');
  fs.writeFileSync(path.join(dir, 'assets', 'app.css'), 'body { margin: 0 }');
  return dir;
}

function directives(header: string | undefined): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of (header ?? '').split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) map.set(name, values);
  }
  return map;
}

describe.each(testDatabaseKinds())('response headers on %s', (kind) => {
  let server: TestServer;
  let clientDist: string;
  beforeAll(async () => {
    clientDist = fakeClientDist();
    server = await startTestServer(kind, new TestClock(), { CLIENT_DIST: clientDist });
  });
  afterAll(async () => {
    await stopTestServer(server);
    fs.rmSync(clientDist, { recursive: true, force: true });
  });

  it("marks every API answer about children no-store, in every area and for errors too", async () => {
    const demo = server.demo!;
    const session = demo.sessions.find((s) => s.kind === 'now')!;
    const mentorDevice = demo.schools.find((s) => s.role === 'mentor')!.deviceToken;
    const coordinator = await signInStaff(server, 'coordinator@northgate.example');
    const dsl = await signInStaff(server, 'dsl@northgate.example');
    const concern = await dsl
      .post('/api/staff/concerns')
      .send({ sessionId: session.id, studentIds: [session.mentor.id], whatHappened: 'A headers fixture.' })
      .expect(201);
    const feed = await coordinator.post('/api/staff/calendar-feed').expect(201);
    const bearer = (req: request.Test) => req.set('Authorization', `Bearer ${mentorDevice}`);

    const answers: [string, request.Response][] = [
      ['device: today', await bearer(request(server.url).get('/api/device/sessions/today')).expect(200)],
      ['device: PIN sign-in', await bearer(request(server.url).post('/api/device/sign-in')).send({ sessionId: session.id, studentId: session.mentor.id, pin: '1234' }).expect(200)],
      ['device: enrol', await request(server.url).post('/api/device/enrol').send({ code: 'ABCDE-FGHJK' }).expect(404)],
      ['staff: sign-in', await request(server.url).post('/api/staff/login').send({ email: 'dsl@northgate.example', password: 'demo-password-1' }).expect(200)],
      ['staff: me', await coordinator.get('/api/staff/me').expect(200)],
      ['students', await coordinator.get('/api/staff/students').expect(200)],
      ['devices', await coordinator.get('/api/staff/devices').expect(200)],
      ['sessions', await coordinator.get('/api/staff/sessions').expect(200)],
      ['session log', await dsl.get(`/api/staff/sessions/${session.id}/log`).expect(200)],
      ['concern', await dsl.get(`/api/staff/concerns/${concern.body.concernId}`).expect(200)],
      ['concern export (CSV)', await dsl.get(`/api/staff/concerns/${concern.body.concernId}/export.csv`).expect(200)],
      ['concern export (JSON)', await dsl.get(`/api/staff/concerns/${concern.body.concernId}/export.json`).expect(200)],
      ['chronology', await dsl.get(`/api/staff/students/${session.mentor.id}/chronology`).expect(200)],
      ['live sessions', await dsl.get('/api/staff/live-sessions').expect(200)],
      ['timetabling', await coordinator.get('/api/staff/partnerships').expect(200)],
      ['schedule changes', await coordinator.get('/api/staff/schedule-changes').expect(200)],
      ['calendar feed', await request(server.url).get(new URL(feed.body.url as string).pathname).expect(200)],
      ['not signed in', await request(server.url).get('/api/staff/students').expect(401)],
      ['bad input', await coordinator.put(`/api/staff/students/${session.mentor.id}/pin`).send({ pin: 'abc' }).expect(400)],
      ['cross-origin', await coordinator.post('/api/staff/calendar-feed').set('Origin', 'https://evil.example').expect(403)],
      ['no such endpoint', await request(server.url).get('/api/nothing-here').expect(404)],
    ];
    const cacheControl = Object.fromEntries(answers.map(([name, res]) => [name, res.headers['cache-control']]));
    expect(cacheControl).toEqual(Object.fromEntries(answers.map(([name]) => [name, 'no-store'])));
  });

  it('sends a CSP that allows no inline style or script, on the page and on API answers', async () => {
    const page = await request(server.url).get('/').expect(200);
    expect(page.text).toContain('<div id="root">');
    const api = await request(server.url).get('/api/nothing-here').expect(404);
    for (const res of [page, api]) {
      const header = res.headers['content-security-policy'] as string | undefined;
      expect(header).not.toContain('unsafe-inline');
      expect(header).not.toContain('unsafe-eval');
      const csp = directives(header);
      expect(csp.get('default-src')).toEqual(["'self'"]);
      expect(csp.get('style-src')).toEqual(["'self'"]);
      expect(csp.get('style-src-attr')).toEqual(["'none'"]);
      expect(csp.get('script-src')).toEqual(["'self'"]);
      expect(csp.get('script-src-attr')).toEqual(["'none'"]);
      expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
      expect(csp.get('object-src')).toEqual(["'none'"]);
      expect(csp.get('media-src')).toEqual(["'self'", 'blob:']);
    }
    // The client's own hashed files may be cached; only answers with children's data may not.
    const css = await request(server.url).get('/assets/app.css').expect(200);
    expect(css.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(page.headers['cache-control']).not.toContain('max-age=');
  });

  it("serves the page for the staff area's own addresses, so a deep link from an alert or an email opens (the API stays JSON)", async () => {
    for (const address of ['/staff', '/staff/concerns/0b6c1f4e-9f7a-4c4e-8a55-3d2f1c0e9a11', '/staff/timetable', '/staff/no-such-area']) {
      const page = await request(server.url).get(address).expect(200);
      expect(page.headers['content-type']).toContain('text/html');
      expect(page.text).toContain('<div id="root">');
    }
    const api = await request(server.url).get('/api/no-such-area').expect(404);
    expect(api.headers['content-type']).toContain('application/json');
  });
});
