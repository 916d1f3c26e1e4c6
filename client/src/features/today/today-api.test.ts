import { afterEach, describe, expect, it, vi } from 'vitest';
import { TodaySessionsSource } from './today-api';

const day = (label: string) => ({
  school: { id: '00000001-0000-4000-8000-000000000002', name: 'Riverside High School', timeZone: 'Europe/London' },
  device: { id: '00000007-0000-4000-8000-000000000001', label },
  date: '2026-12-01',
  sessions: [],
});

/** Answers in turn; each call's headers are kept to check what the iPad sent. */
function stubAnswers(...answers: { status: number; body?: unknown; etag?: string }[]) {
  const fetchMock = vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) => {
    const next = answers.shift()!;
    const headers = next.etag ? { ETag: next.etag } : undefined;
    return new Response(next.body === undefined ? null : JSON.stringify(next.body), { status: next.status, ...(headers ? { headers } : {}) });
  });
  vi.stubGlobal('fetch', fetchMock);
  return (call: number) => (fetchMock.mock.calls[call]![1]!.headers as Record<string, string>)['If-None-Match'];
}

afterEach(() => vi.unstubAllGlobals());

describe("the iPad's today list: conditional polling", () => {
  it('sends the last ETag and keeps its list when the server answers 304', async () => {
    const sentEtag = stubAnswers({ status: 200, body: day('Library iPad'), etag: 'W/"a"' }, { status: 304 });
    const source = new TodaySessionsSource();
    const first = await source.fetch('tok');
    await expect(source.fetch('tok')).resolves.toBe(first);
    expect(sentEtag(0)).toBeUndefined();
    expect(sentEtag(1)).toBe('W/"a"');
  });

  it('takes a changed list and its new ETag for the next poll', async () => {
    const sentEtag = stubAnswers(
      { status: 200, body: day('Library iPad'), etag: 'W/"a"' },
      { status: 200, body: day('Library iPad 2'), etag: 'W/"b"' },
      { status: 304 },
    );
    const source = new TodaySessionsSource();
    await source.fetch('tok');
    expect((await source.fetch('tok')).device.label).toBe('Library iPad 2');
    expect((await source.fetch('tok')).device.label).toBe('Library iPad 2');
    expect(sentEtag(2)).toBe('W/"b"');
  });

  it("never offers one device token's ETag for another", async () => {
    const sentEtag = stubAnswers({ status: 200, body: day('Library iPad'), etag: 'W/"a"' }, { status: 200, body: day('Hall iPad'), etag: 'W/"c"' });
    const source = new TodaySessionsSource();
    await source.fetch('tok');
    expect((await source.fetch('other')).device.label).toBe('Hall iPad');
    expect(sentEtag(1)).toBeUndefined();
  });

  it('still reports a refused device token', async () => {
    stubAnswers({ status: 401, body: { error: { code: 'unauthenticated', message: 'This iPad has been removed from Peerbridge by your school.' } } });
    await expect(new TodaySessionsSource().fetch('tok')).rejects.toMatchObject({ code: 'unauthenticated' });
  });
});
