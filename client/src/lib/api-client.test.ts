import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { apiGet, apiSendCsv, apiSendNoContent, deviceAuth, errorFromResponse, staffAuth } from './api-client';
import { PeerbridgeError } from './peerbridge-error';

function stubFetch(status: number, body?: unknown) {
  const fetchMock = vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) => new Response(body === undefined ? null : JSON.stringify(body), { status }));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

afterEach(() => vi.unstubAllGlobals());

describe('apiGet', () => {
  it('sends the device token, and no cookies, for a device call', async () => {
    const fetchMock = stubFetch(200, { ok: 1 });
    await expect(apiGet('/api/x', z.object({ ok: z.number() }), { auth: deviceAuth('tok') })).resolves.toEqual({ ok: 1 });
    const init = fetchMock.mock.calls[0]![1] as RequestInit;
    expect((init.headers as Record<string, string>).Authorization).toBe('Bearer tok');
    expect(init.credentials).toBe('omit');
  });

  it('sends the session cookie, and no bearer token, for a staff call', async () => {
    const fetchMock = stubFetch(200, {});
    await apiGet('/api/staff/me', z.object({}), { auth: staffAuth });
    const init = fetchMock.mock.calls[0]![1] as RequestInit;
    expect((init.headers as Record<string, string>).Authorization).toBeUndefined();
    expect(init.credentials).toBe('same-origin');
  });

  it('marks a request the screen makes by itself, so the server does not count it as someone using the page', async () => {
    const fetchMock = stubFetch(200, {});
    await apiGet('/api/staff/concerns', z.object({}), { auth: staffAuth, background: true });
    await apiGet('/api/staff/concerns', z.object({}), { auth: staffAuth });
    const headers = fetchMock.mock.calls.map((call) => (call[1] as RequestInit).headers as Record<string, string>);
    expect(headers[0]!['x-peerbridge-background']).toBe('1');
    expect(headers[1]!['x-peerbridge-background']).toBeUndefined();
  });

  it('fails loudly when the answer breaks the contract', async () => {
    stubFetch(200, { nope: true });
    await expect(apiGet('/api/x', z.object({ ok: z.number() }), { auth: staffAuth })).rejects.toMatchObject({ code: 'internal' });
  });
});

describe('apiSendNoContent', () => {
  it('resolves on 204 and sends the body as JSON', async () => {
    const fetchMock = stubFetch(204);
    await apiSendNoContent('PUT', '/api/staff/students/1/pin', { pin: '1234' }, { auth: staffAuth });
    const init = fetchMock.mock.calls[0]![1] as RequestInit;
    expect(init.method).toBe('PUT');
    expect(init.body).toBe('{"pin":"1234"}');
  });

  it("rejects with the server's message", async () => {
    stubFetch(429, { error: { code: 'rate_limited', message: 'Too many wrong PINs. Try again at 09:10.' } });
    const error = await apiSendNoContent('POST', '/api/x', {}, { auth: staffAuth }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PeerbridgeError);
    expect(error).toMatchObject({ code: 'rate_limited', message: 'Too many wrong PINs. Try again at 09:10.' });
  });
});

describe('errorFromResponse', () => {
  it("keeps the server's message for a code this client does not know yet", () => {
    const error = errorFromResponse(403, { error: { code: 'consent_missing', message: 'Ask your coordinator.' } }, staffAuth);
    expect(error).toMatchObject({ code: 'forbidden', message: 'Ask your coordinator.' });
  });

  it('words a bare 401 for whoever is asking', () => {
    expect(errorFromResponse(401, undefined, deviceAuth('t')).message).toMatch(/iPad needs to be set up/);
    expect(errorFromResponse(401, undefined, staffAuth).message).toBe('Please sign in again.');
  });
});

describe('apiSendCsv', () => {
  const Report = z.object({ written: z.boolean(), problems: z.array(z.object({ line: z.number(), reason: z.string() })) });

  it('sends the file as text/csv, untouched', async () => {
    const fetchMock = stubFetch(200, { written: false, problems: [] });
    await expect(apiSendCsv('/api/staff/import/students?dryRun=true', 'a,b\n1,2\n', Report, { auth: staffAuth })).resolves.toEqual({
      written: false,
      problems: [],
    });
    const init = fetchMock.mock.calls[0]![1] as RequestInit;
    expect(init.method).toBe('POST');
    expect((init.headers as Record<string, string>)['Content-Type']).toBe('text/csv');
    expect(init.body).toBe('a,b\n1,2\n');
  });

  it('reads a 422 import report as an answer', async () => {
    stubFetch(422, { written: false, problems: [{ line: 14, reason: 'year is missing' }] });
    await expect(apiSendCsv('/api/x', 'x', Report, { auth: staffAuth })).resolves.toMatchObject({ problems: [{ line: 14 }] });
  });

  it('still rejects with the message of an error envelope', async () => {
    stubFetch(400, { error: { code: 'bad_request', message: 'The file is not valid CSV.' } });
    await expect(apiSendCsv('/api/x', 'x', Report, { auth: staffAuth })).rejects.toMatchObject({ message: 'The file is not valid CSV.' });
  });
});
