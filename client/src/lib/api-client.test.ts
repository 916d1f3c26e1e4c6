import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { CSV_BODY, endpoint } from '@peerbridge/shared';
import { callApi, deviceAuth, errorFromResponse, staffAuth } from './api-client';
import { PeerbridgeError } from './peerbridge-error';

const test = { tag: 'test', audience: 'staff', summary: 'A test endpoint.' } as const;
const Ok = z.object({ ok: z.number() });
const get = endpoint({ ...test, method: 'GET', path: '/api/x', response: Ok });
const put = endpoint({
  ...test,
  method: 'PUT',
  path: '/api/staff/things/:id/parts/:part',
  params: z.object({ id: z.string(), part: z.string() }),
  query: z.object({ dryRun: z.boolean().optional(), note: z.string().optional() }),
  body: z.object({ name: z.string() }),
  response: z.object({ id: z.string(), count: z.number() }),
});
const noContent = endpoint({ ...test, method: 'POST', path: '/api/y', body: z.object({ pin: z.string() }), response: null });
const Report = z.object({ written: z.boolean(), problems: z.array(z.object({ line: z.number(), reason: z.string() })) });
const csv = endpoint({ ...test, method: 'POST', path: '/api/csv', body: CSV_BODY, response: Report, answerStatuses: [422] });

function stubFetch(status: number, body?: unknown) {
  const fetchMock = vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) => new Response(body === undefined ? null : JSON.stringify(body), { status }));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}
const initOf = (fetchMock: ReturnType<typeof stubFetch>, call = 0) => fetchMock.mock.calls[call]![1] as RequestInit;
const headersOf = (init: RequestInit) => init.headers as Record<string, string>;

afterEach(() => vi.unstubAllGlobals());

describe('callApi: who a request speaks for', () => {
  it('sends the device token, and no cookies, for a device call', async () => {
    const fetchMock = stubFetch(200, { ok: 1 });
    await expect(callApi(get, {}, { auth: deviceAuth('tok') })).resolves.toEqual({ ok: 1 });
    expect(headersOf(initOf(fetchMock)).Authorization).toBe('Bearer tok');
    expect(initOf(fetchMock).credentials).toBe('omit');
  });

  it('sends the session cookie, and no bearer token, for a staff call', async () => {
    const fetchMock = stubFetch(200, { ok: 1 });
    await callApi(get, {}, { auth: staffAuth });
    expect(headersOf(initOf(fetchMock)).Authorization).toBeUndefined();
    expect(initOf(fetchMock).credentials).toBe('same-origin');
  });

  it('marks a request the screen makes by itself, so the server does not count it as someone using the page', async () => {
    const fetchMock = stubFetch(200, { ok: 1 });
    await callApi(get, {}, { auth: staffAuth, background: true });
    await callApi(get, {}, { auth: staffAuth });
    expect(headersOf(initOf(fetchMock, 0))['x-peerbridge-background']).toBe('1');
    expect(headersOf(initOf(fetchMock, 1))['x-peerbridge-background']).toBeUndefined();
  });
});

describe('callApi: the contract', () => {
  it('fills the path, sends the query and the JSON body, and parses the answer with the endpoint schema', async () => {
    const fetchMock = stubFetch(200, { id: 'a', count: 2 });
    const answer = await callApi(put, { params: { id: 'a b', part: 'p/1' }, query: { dryRun: true, note: undefined }, body: { name: 'n' } }, { auth: staffAuth });
    expect(answer).toEqual({ id: 'a', count: 2 });
    expect(fetchMock.mock.calls[0]![0]).toBe('/api/staff/things/a%20b/parts/p%2F1?dryRun=true');
    expect(initOf(fetchMock).method).toBe('PUT');
    expect(initOf(fetchMock).body).toBe('{"name":"n"}');
  });

  it('fails loudly when the answer breaks the contract', async () => {
    stubFetch(200, { nope: true });
    await expect(callApi(get, {}, { auth: staffAuth })).rejects.toMatchObject({ code: 'internal' });
  });

  it('answers nothing for a 204, sending the body as JSON', async () => {
    const fetchMock = stubFetch(204);
    await expect(callApi(noContent, { body: { pin: '1234' } }, { auth: staffAuth })).resolves.toBeUndefined();
    expect(initOf(fetchMock).body).toBe('{"pin":"1234"}');
  });

  it("rejects with the server's message", async () => {
    stubFetch(429, { error: { code: 'rate_limited', message: 'Too many wrong PINs. Try again at 09:10.' } });
    const error = await callApi(noContent, { body: { pin: '1' } }, { auth: staffAuth }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PeerbridgeError);
    expect(error).toMatchObject({ code: 'rate_limited', message: 'Too many wrong PINs. Try again at 09:10.' });
  });
});

describe('callApi: CSV bodies', () => {
  it('sends the file as text/csv, untouched', async () => {
    const fetchMock = stubFetch(200, { written: false, problems: [] });
    await expect(callApi(csv, { body: 'a,b\n1,2\n' }, { auth: staffAuth })).resolves.toEqual({ written: false, problems: [] });
    expect(initOf(fetchMock).method).toBe('POST');
    expect(headersOf(initOf(fetchMock))['Content-Type']).toBe('text/csv');
    expect(initOf(fetchMock).body).toBe('a,b\n1,2\n');
  });

  it('reads a 422 import report as an answer when the endpoint says so', async () => {
    stubFetch(422, { written: false, problems: [{ line: 14, reason: 'year is missing' }] });
    await expect(callApi(csv, { body: 'x' }, { auth: staffAuth })).resolves.toMatchObject({ problems: [{ line: 14 }] });
  });

  it('still rejects with the message of an error envelope', async () => {
    stubFetch(400, { error: { code: 'bad_request', message: 'The file is not valid CSV.' } });
    await expect(callApi(csv, { body: 'x' }, { auth: staffAuth })).rejects.toMatchObject({ message: 'The file is not valid CSV.' });
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
