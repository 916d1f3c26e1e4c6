import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { signInStaff } from '../../test-support/staff-agent.js';
import { testDatabaseKinds } from '../../test-support/test-databases.js';
import { TestClock } from '../../test-support/test-clock.js';
import { startTestServer, stopTestServer, type TestServer } from '../../test-support/test-server.js';

const INDEX = '<!doctype html><script type="module" src="/assets/app-Ab12Cd34.js"></script><div id="root"></div>';
const SCRIPT = `export const words = ${JSON.stringify('mentoring '.repeat(400))};`;

/** A built client as the build leaves it: each file beside its brotli and gzip copies (one asset without them). */
function builtClientDist(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'peerbridge-assets-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  const write = (name: string, body: string, compressed = true) => {
    fs.writeFileSync(path.join(dir, name), body);
    if (!compressed) return;
    fs.writeFileSync(path.join(dir, `${name}.br`), zlib.brotliCompressSync(body));
    fs.writeFileSync(path.join(dir, `${name}.gz`), zlib.gzipSync(body));
  };
  write('index.html', INDEX);
  write('assets/app-Ab12Cd34.js', SCRIPT);
  write('assets/tiny-Zz99Yy88.js', 'export {};', false);
  write('favicon.svg', '<svg xmlns="http://www.w3.org/2000/svg"/>');
  return dir;
}

/** The bytes and headers exactly as they came over the wire (supertest would decode the body itself). */
function wire(base: string, address: string, acceptEncoding: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(new URL(address, base), { headers: { 'Accept-Encoding': acceptEncoding } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

describe.each(testDatabaseKinds())('the built client and API answers on the wire, on %s', (kind) => {
  let server: TestServer;
  let dist: string;
  beforeAll(async () => {
    dist = builtClientDist();
    server = await startTestServer(kind, new TestClock(), { CLIENT_DIST: dist });
  });
  afterAll(async () => {
    await stopTestServer(server);
    fs.rmSync(dist, { recursive: true, force: true });
  });

  it('serves the brotli copy to a browser that takes it, gzip to one that takes only gzip, and the file itself otherwise', async () => {
    const br = await wire(server.url, '/assets/app-Ab12Cd34.js', 'gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['vary']).toMatch(/Accept-Encoding/i);
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(zlib.brotliDecompressSync(br.body).toString()).toBe(SCRIPT);

    const gz = await wire(server.url, '/assets/app-Ab12Cd34.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.body).toString()).toBe(SCRIPT);

    const plain = await wire(server.url, '/assets/app-Ab12Cd34.js', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(SCRIPT);

    // br refused outright (q=0) is not sent.
    const noBr = await wire(server.url, '/assets/app-Ab12Cd34.js', 'br;q=0, gzip');
    expect(noBr.headers['content-encoding']).toBe('gzip');
  });

  it('lets hashed assets be kept for a year, and makes index.html and unhashed files revalidate', async () => {
    const asset = await request(server.url).get('/assets/app-Ab12Cd34.js').expect(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const uncompressed = await request(server.url).get('/assets/tiny-Zz99Yy88.js').set('Accept-Encoding', 'br').expect(200);
    expect(uncompressed.headers['content-encoding']).toBeUndefined();
    expect(uncompressed.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const icon = await request(server.url).get('/favicon.svg').expect(200);
    expect(icon.headers['cache-control']).toBe('no-cache');
  });

  it('answers every page address with index.html, compressed, revalidated, and with the page headers', async () => {
    for (const address of ['/', '/device', '/staff/concerns/abc']) {
      const page = await wire(server.url, address, 'br, gzip');
      expect(page.headers['content-encoding']).toBe('br');
      expect(page.headers['content-type']).toMatch(/text\/html/);
      expect(page.headers['cache-control']).toBe('no-cache');
      expect(page.headers['vary']).toMatch(/Accept-Encoding/i);
      expect(page.headers['content-security-policy']).toMatch(/default-src 'self'/);
      expect(zlib.brotliDecompressSync(page.body).toString()).toBe(INDEX);
    }
    const plain = await request(server.url).get('/staff').set('Accept-Encoding', 'identity').expect(200);
    expect(plain.text).toBe(INDEX);
  });

  it('compresses API JSON over a kilobyte and leaves small answers as they are, still never stored', async () => {
    const coordinator = await signInStaff(server, 'coordinator@northgate.example');
    const big = await coordinator.get('/api/staff/students').set('Accept-Encoding', 'gzip').expect(200);
    expect(Number(big.headers['content-length'] ?? Infinity)).toBeGreaterThan(0);
    expect(JSON.stringify(big.body).length).toBeGreaterThan(1024);
    expect(big.headers['content-encoding']).toBe('gzip');
    expect(big.headers['cache-control']).toBe('no-store');
    const small = await request(server.url).get('/api/staff/me').set('Accept-Encoding', 'gzip').expect(401);
    expect(small.headers['content-encoding']).toBeUndefined();
  });
});
