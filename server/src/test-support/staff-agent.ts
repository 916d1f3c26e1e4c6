import request from 'supertest';
import type { TestServer } from './test-server.js';

export const DEMO_PASSWORD = 'demo-password-1';

/**
 * A signed-in staff member's browser: supertest's agent keeps the session
 * cookie and, like a browser on Peerbridge's own page, sends its Origin on
 * every request (state-changing staff requests without it are refused).
 */
export async function signInStaff(server: TestServer, email: string, password = DEMO_PASSWORD) {
  const agent = request.agent(server.url).set('Origin', server.url);
  const res = await agent.post('/api/staff/login').send({ email, password });
  if (res.status !== 200) throw new Error(`sign-in of ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return agent;
}
