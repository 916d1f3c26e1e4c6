import zlib from 'node:zlib';
import type { Request, Response } from 'express';
import { RecentCompressed } from './recent-compressed.js';

/** Below this a JSON answer goes as it is (as the compression middleware's threshold): not worth the CPU. */
export const COMPRESS_FROM_BYTES = 1024;
/**
 * Up to this a JSON answer is compressed in one synchronous call (about 40–75 µs for the 9 KB of a school's
 * day). The compression middleware's stream costs two to three times as much per answer (a native
 * compressor made per response, a hop to the thread pool and back, chunked writes), which on the iPads'
 * today list was most of what a whole list costs beyond a 304. Longer answers (reports, logs) still go
 * through the middleware's stream, off the server's thread.
 */
export const COMPRESS_AT_ONCE_UP_TO_BYTES = 64 * 1024;

/** The compression middleware's settings, so the bytes are the ones it would send. */
const BROTLI = { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } };
const COMPRESS = { br: (text: string) => zlib.brotliCompressSync(text, BROTLI), gzip: (text: string) => zlib.gzipSync(text) };

/** About 2,500 iPads' days at 1.6 KB each (each iPad's list names the iPad, so each is its own answer). */
const recent = new RecentCompressed(4 * 1024 * 1024);

/**
 * Sends `reply` as JSON with the status given. The weak ETag (express's own, over the JSON text) is set
 * first, so a matching If-None-Match is answered 304 before anything is compressed; a body between the
 * thresholds is compressed here with the encoding the request prefers (or taken from the answers compressed
 * lately, when it is one of them); anything else is left to express and the compression middleware, which
 * skip an answer already encoded.
 */
export function sendJson(req: Request, res: Response, status: number, reply: unknown): void {
  const body = JSON.stringify(reply);
  res.status(status).type('application/json');
  const etag = (req.app.get('etag fn') as ((body: string, encoding: BufferEncoding) => string) | undefined)?.(body, 'utf8');
  if (etag) res.setHeader('ETag', etag);
  const length = Buffer.byteLength(body);
  const encoding = length >= COMPRESS_FROM_BYTES && length <= COMPRESS_AT_ONCE_UP_TO_BYTES && req.method !== 'HEAD' && !req.fresh ? preferredEncoding(req) : false;
  // A fresh one is answered 304 by express, which also drops the body's headers.
  if (!encoding) {
    res.send(body);
    return;
  }
  res.vary('Accept-Encoding');
  res.setHeader('Content-Encoding', encoding);
  res.send(recent.of(encoding, body, COMPRESS[encoding]));
}

/** Brotli whenever it is accepted, whatever order the request lists them in (Safari sends `gzip, deflate, br`), as the middleware does. */
function preferredEncoding(req: Request): 'br' | 'gzip' | false {
  if (req.acceptsEncodings('br') === 'br') return 'br';
  return req.acceptsEncodings('gzip') === 'gzip' ? 'gzip' : false;
}
