import { request } from '@playwright/test';
import { serverInfo } from './server-info.js';

const STAFF_SESSION_HOURS = 12;

/**
 * The server's clock (the run's stated instant, moving with real time), read exactly rather than
 * guessed: a staff sign-in answers with its expiry, 12 hours after the server's "now". Authenticator
 * codes must be computed on this clock. The sign-in is made in a request context of its own, so no
 * browser's cookie changes.
 */
export async function readServerClock(email: string, password: string): Promise<() => number> {
  const api = await request.newContext();
  try {
    const res = await api.post(`${serverInfo().url}/api/staff/login`, { data: { email, password } });
    if (!res.ok()) throw new Error(`sign-in to read the server's clock failed: ${res.status()}`);
    const { expiresAt } = (await res.json()) as { expiresAt: string };
    const serverMs = Date.parse(expiresAt) - STAFF_SESSION_HOURS * 3_600_000;
    const localMs = Date.now();
    return () => Math.floor((serverMs + (Date.now() - localMs)) / 1000);
  } finally {
    await api.dispose();
  }
}
