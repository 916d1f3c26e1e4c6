import { request } from '@playwright/test';
import { DEMO_STAFF_PASSWORD } from './staff-pages.js';

export interface LogEntry {
  seq: number;
  type: string;
  actor: string | null;
  detail: Record<string, unknown>;
}

/** A session's log as a safeguarding lead reads it over the staff API (signed in with the demo password). */
export async function readSessionLog(baseUrl: string, sessionId: string, email = 'dsl@northgate.example'): Promise<LogEntry[]> {
  const api = await request.newContext({ baseURL: baseUrl, extraHTTPHeaders: { Origin: baseUrl } });
  try {
    const login = await api.post('/api/staff/login', { data: { email, password: DEMO_STAFF_PASSWORD } });
    if (!login.ok()) throw new Error(`staff sign-in failed: ${login.status()} ${await login.text()}`);
    const res = await api.get(`/api/staff/sessions/${sessionId}/log`);
    if (!res.ok()) throw new Error(`reading the log failed: ${res.status()} ${await res.text()}`);
    return ((await res.json()) as { entries: LogEntry[] }).entries;
  } finally {
    await api.dispose();
  }
}
