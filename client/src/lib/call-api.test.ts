import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { CSV_BODY, endpoint } from '@peerbridge/shared';
import { callApi, staffAuth } from './api-client';
import { PeerbridgeError } from './peerbridge-error';

const Answer = z.object({ id: z.string(), count: z.number() });
const withParams = endpoint({
  method: 'PUT',
  path: '/api/staff/things/:id/parts/:part',
  tag: 'test',
  audience: 'staff',
  summary: 'A test endpoint.',
  params: z.object({ id: z.string(), part: z.string() }),
  query: z.object({ dryRun: z.boolean().optional(), note: z.string().optional() }),
  body: z.object({ name: z.string() }),
  response: Answer,
});
const noContent = endpoint({ method: 'POST', path: '/api/x', tag: 'test', audience: 'staff', summary: 'A test endpoint.', response: null });
const csv = endpoint({ method: 'POST', path: '/api/csv', tag: 'test', audience: 'staff', summary: 'A test endpoint.', body: CSV_BODY, response: Answer, answerStatuses: [422] });

function stubFetch(status: number, body?: unknown) {
  const fetchMock = vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) => new Response(body === undefined ? null : JSON.stringify(body), { status }));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

afterEach(() => vi.unstubAllGlobals());

describe('callApi', () => {
  it('fills the path, sends the query and the JSON body, and parses the answer with the endpoint schema', async () => {
    const fetchMock = stubFetch(200, { id: 'a', count: 2 });
    const answer = await callApi(withParams, { params: { id: 'a b', part: 'p/1' }, query: { dryRun: true, note: undefined }, body: { name: 'n' } }, { auth: staffAuth });
    expect(answer).toEqual({ id: 'a', count: 2 });
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/staff/things/a%20b/parts/p%2F1?dryRun=true');
    expect(init!.method).toBe('PUT');
    expect(init!.body).toBe('{"name":"n"}');
  });

  it('fails loudly when the answer breaks the contract', async () => {
    stubFetch(200, { id: 'a' });
    await expect(callApi(withParams, { params: { id: 'a', part: 'b' }, body: { name: 'n' } }, { auth: staffAuth })).rejects.toBeInstanceOf(PeerbridgeError);
  });

  it('answers nothing for a 204, and reads a 422 report as an answer when the endpoint says so', async () => {
    stubFetch(204);
    await expect(callApi(noContent, {}, { auth: staffAuth })).resolves.toBeUndefined();
    const fetchMock = stubFetch(422, { id: 'r', count: 3 });
    await expect(callApi(csv, { body: 'a,b' }, { auth: staffAuth })).resolves.toEqual({ id: 'r', count: 3 });
    expect((fetchMock.mock.calls[0]![1]!.headers as Record<string, string>)['Content-Type']).toBe('text/csv');
  });
});
