import { request } from '@playwright/test';
import { DEMO_STAFF_PASSWORD } from './staff-pages.js';

export interface LogEntry {
  seq: number;
  type: string;
  actor: string | null;
  detail: Record<string, unknown>;
}

/** An HTTP request as a lab makes it from inside its namespaces (see netlab `lab.fetch`). */
export type LabFetch = (
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string },
) => Promise<{ status: number; headers: Record<string, string>; body: string }>;

/** A session's log as a safeguarding lead reads it over the staff API (signed in with the demo password). */
export async function readSessionLog(baseUrl: string, sessionId: string, options: { email?: string; via?: LabFetch } = {}): Promise<LogEntry[]> {
  const email = options.email ?? 'dsl@northgate.example';
  if (options.via) return readVia(options.via, baseUrl, sessionId, email);
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

async function readVia(fetch: LabFetch, baseUrl: string, sessionId: string, email: string): Promise<LogEntry[]> {
  const login = await fetch(`${baseUrl}/api/staff/login`, {
    method: 'POST',
    headers: { origin: baseUrl, 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_STAFF_PASSWORD }),
  });
  if (login.status !== 200) throw new Error(`staff sign-in failed: ${login.status} ${login.body}`);
  const setCookie = Object.entries(login.headers).find(([name]) => name.toLowerCase() === 'set-cookie')?.[1] ?? '';
  const cookie = String(setCookie).split(';')[0]!;
  const res = await fetch(`${baseUrl}/api/staff/sessions/${sessionId}/log`, { headers: { origin: baseUrl, cookie } });
  if (res.status !== 200) throw new Error(`reading the log failed: ${res.status} ${res.body}`);
  return (JSON.parse(res.body) as { entries: LogEntry[] }).entries;
}
