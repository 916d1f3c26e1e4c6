import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { connectionDrain } from './connection-drain.js';

/**
 * A real HTTP server on loopback whose answers take `answerMs`, with keep-alive kept far longer
 * than any test runs: a connection left to time out would hold the close past the test's limit.
 */
async function slowServer(answerMs: number, withDrain: boolean) {
  const server = http.createServer();
  server.keepAliveTimeout = 600_000;
  const drain = withDrain ? connectionDrain(server) : undefined;
  server.on('request', (_req, res) => void setTimeout(() => res.end('ok'), answerMs));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const closed = () => {
    const endDrain = drain?.begin();
    return new Promise<void>((resolve) => server.close(() => resolve(endDrain?.())));
  };
  return { server, url, closed };
}

function get(url: string, agent: http.Agent): Promise<{ connection: string | undefined } | { error: string }> {
  return new Promise((resolve) => {
    const req = http.get(url, { agent }, (res) => {
      res.resume();
      res.on('end', () => resolve({ connection: res.headers.connection }));
    });
    req.on('error', (err: NodeJS.ErrnoException) => resolve({ error: err.code ?? err.message }));
  });
}

const within = <T>(ms: number, promise: Promise<T>) =>
  Promise.race([promise.then(() => 'closed' as const), new Promise<'still open'>((r) => setTimeout(() => r('still open'), ms))]);

describe('draining connections when the server stops', () => {
  const agents: http.Agent[] = [];
  const servers: http.Server[] = [];
  afterEach(() => {
    for (const agent of agents.splice(0)) agent.destroy();
    for (const server of servers.splice(0)) server.closeAllConnections();
  });

  for (const withDrain of [true, false]) {
    it(`${withDrain ? 'closes' : 'without the drain, keeps'} a connection that was answering when the stop began and went idle after`, async () => {
      const { server, url, closed } = await slowServer(200, withDrain);
      servers.push(server);
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      agents.push(agent);
      const answer = get(url, agent);
      await new Promise((r) => setTimeout(r, 50));
      const stop = closed();
      // Its headers were decided before the stop, so it could not be told; it is closed once idle instead.
      expect(await answer).toEqual({ connection: 'keep-alive' });
      // The stop ends as soon as the connection is idle, not a keep-alive timeout later.
      expect(await within(2_000, stop)).toBe(withDrain ? 'closed' : 'still open');
    });
  }
});

describe('what a stop cuts', () => {
  const sockets: net.Socket[] = [];
  const servers: http.Server[] = [];
  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.destroy();
    for (const server of servers.splice(0)) server.closeAllConnections();
  });

  async function rawPeer(url: string, sends: string) {
    const { port } = new URL(url);
    const socket = net.connect(Number(port), '127.0.0.1');
    sockets.push(socket);
    await new Promise<void>((resolve) => socket.once('connect', resolve));
    if (sends) socket.write(sends);
    return socket;
  }

  it('says of each connection left what it was doing, the query left out, and closes it', async () => {
    const server = http.createServer();
    servers.push(server);
    server.keepAliveTimeout = 600_000;
    const drain = connectionDrain(server);
    // Never answered: a handler waiting on something that does not come.
    server.on('request', () => undefined);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const answering = await rawPeer(url, 'GET /socket.io/?sid=secret HTTP/1.1\r\nHost: x\r\n\r\n');
    const halfSent = await rawPeer(url, 'GET /api/dev');
    const silent = await rawPeer(url, '');
    await new Promise((r) => setTimeout(r, 100));
    const silentClosed = new Promise<void>((resolve) => silent.once('close', () => resolve()));
    const endDrain = drain.begin();
    await new Promise((r) => setTimeout(r, 300));
    // A connection that never sent a byte (a browser's preconnect) is closed by the drain: Node's idle list leaves it open.
    expect(await within(0, silentClosed)).toBe('closed');
    const cut = drain.cutRemaining();
    endDrain();
    expect(cut.open).toBe(2);
    expect(cut.websockets).toBe(0);
    expect(cut.connections.find((c) => c.answering)).toMatchObject({ answering: 'GET /socket.io/', requests: 1, websocket: false });
    expect(cut.connections.find((c) => !c.answering)).toMatchObject({ requests: 0, bytesRead: 'GET /api/dev'.length });
    for (const c of cut.connections) expect(c.ageMs).toBeGreaterThanOrEqual(300);
    expect(JSON.stringify(cut)).not.toContain('secret');
    const ended = (socket: net.Socket) => new Promise<void>((resolve) => (socket.destroyed ? resolve() : socket.once('close', () => resolve())));
    await Promise.all([ended(answering), ended(halfSent), ended(silent)]);
  });
});
