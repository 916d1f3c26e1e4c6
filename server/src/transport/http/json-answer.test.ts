import zlib from 'node:zlib';
import compression from 'compression';
import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { COMPRESS_AT_ONCE_UP_TO_BYTES, COMPRESS_FROM_BYTES, sendJson } from './json-answer.js';

/** As the app is set up: weak ETags, the compression middleware in front of the answers. */
function appAnswering(reply: unknown) {
  const app = express();
  app.set('etag', 'weak');
  app.use(compression({ threshold: COMPRESS_FROM_BYTES }));
  app.get('/', (req, res) => sendJson(req, res, 200, reply));
  return app;
}

const list = { sessions: Array.from({ length: 20 }, (_, i) => ({ id: `session-${i}`, firstName: `Name ${i}`, focus: 'Revision planning' })) };
const text = JSON.stringify(list);

describe('a JSON answer', () => {
  it('over a kilobyte goes compressed in one piece, with its length, in the encoding the request prefers', async () => {
    const res = await request(appAnswering(list)).get('/').set('Accept-Encoding', 'gzip, deflate, br').expect(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers.vary).toBe('Accept-Encoding');
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    // The client decompressed it: the length sent is the compressed one's.
    expect(Number(res.headers['content-length'])).toBe(zlib.brotliCompressSync(text, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } }).length);
    expect(res.text).toBe(text);
  });

  it('keeps the ETag of its JSON text whatever the encoding, and answers a matching If-None-Match 304 with no body', async () => {
    const plain = await request(appAnswering(list)).get('/').set('Accept-Encoding', 'identity').expect(200);
    const gzip = await request(appAnswering(list)).get('/').set('Accept-Encoding', 'gzip').expect(200);
    expect(plain.text).toBe(text);
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.text).toBe(text);
    expect(gzip.headers.etag).toBe(plain.headers.etag);
    const unchanged = await request(appAnswering(list)).get('/').set('Accept-Encoding', 'gzip').set('If-None-Match', plain.headers.etag as string).expect(304);
    expect(unchanged.text).toBe('');
    expect(unchanged.headers['content-encoding']).toBeUndefined();
    expect(unchanged.headers['content-type']).toBeUndefined();
  });

  it('under a kilobyte goes as it is; over the at-once limit the middleware streams it compressed', async () => {
    const small = await request(appAnswering({ ok: true })).get('/').set('Accept-Encoding', 'gzip').expect(200);
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.text).toBe('{"ok":true}');
    const big = { rows: 'x'.repeat(COMPRESS_AT_ONCE_UP_TO_BYTES + 10) };
    const streamed = await request(appAnswering(big)).get('/').set('Accept-Encoding', 'gzip').expect(200);
    expect(streamed.headers['content-encoding']).toBe('gzip');
    expect(streamed.headers['content-length']).toBeUndefined();
    expect(streamed.body).toEqual(big);
  });
});
