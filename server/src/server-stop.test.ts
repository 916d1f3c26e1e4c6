import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { Server as SocketServer } from 'socket.io';
import { afterEach, describe, expect, it } from 'vitest';
import { connectionDrain } from './infra/http/connection-drain.js';
import { Cleanups } from './infra/lifecycle/stop-budget.js';
import { gracefulStop } from './server-stop.js';
import { capturingLogger } from './test-support/log-capture.js';

const budgets = { endingCallsMs: 100, closingConnectionsMs: 300, cleanupMs: 100 };

/** A real HTTP + socket.io server on loopback, stopped by the graceful stop under test. */
async function serverWithStop(calls: { shutdown(): Promise<void> }) {
  const { log, lines } = capturingLogger('info');
  const httpServer = http.createServer();
  const drain = connectionDrain(httpServer);
  const io = new SocketServer(httpServer, { transports: ['websocket'] });
  const cleanups = new Cleanups(log);
  const cleaned: string[] = [];
  cleanups.add('database', async () => void cleaned.push('database'), { waitFully: true });
  cleanups.add('media', async () => void cleaned.push('media'));
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = httpServer.address() as AddressInfo;
  const stop = gracefulStop({ log, calls, io, drain, cleanups, budgets });
  return { port, stop, lines, cleaned, httpServer };
}

/**
 * A peer that opens a socket.io WebSocket and then goes silent: it never answers the closing
 * handshake, as an iPad whose Wi-Fi vanished mid-call, so the server's side stays open (ws waits 30 s).
 */
function silentWebSocketPeer(port: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.write(
        'GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
          'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
      );
    });
    socket.once('data', (chunk) => {
      socket.pause(); // reads nothing more, so never sees (or answers) the close frame
      if (chunk.toString().startsWith('HTTP/1.1 101')) resolve(socket);
      else reject(new Error(chunk.toString()));
    });
    socket.on('error', () => {});
  });
}

const peers: net.Socket[] = [];
afterEach(() => {
  for (const peer of peers.splice(0)) peer.destroy();
});

describe('the graceful stop', () => {
  it('ends promptly and in order when nothing holds it up', async () => {
    const { stop, lines, cleaned } = await serverWithStop({ shutdown: async () => {} });
    await stop.close();
    expect(cleaned).toEqual(['media', 'database']);
    expect(lines.map((l) => l.msg).filter((m) => String(m).startsWith('Shutdown'))).toEqual(['ShutdownStarted', 'ShutdownFinished']);
  });

  it('cuts a WebSocket whose peer never answers the close, says so, and still finishes', async () => {
    const { port, stop, lines, cleaned } = await serverWithStop({ shutdown: async () => {} });
    peers.push(await silentWebSocketPeer(port));
    await stop.close();
    const overrun = lines.find((l) => l.msg === 'ShutdownStepOverran');
    expect(overrun).toMatchObject({ step: 'closing connections', cut: { open: 1, websockets: 1 } });
    expect(cleaned).toEqual(['media', 'database']);
    expect(lines.at(-1)?.msg).toBe('ShutdownFinished');
  });

  it('goes on past calls that do not end in their time, naming the step', async () => {
    const { stop, lines, cleaned } = await serverWithStop({ shutdown: () => new Promise(() => {}) });
    expect(stop.step()).toBe('ending calls');
    await stop.close();
    expect(lines.find((l) => l.msg === 'ShutdownStepOverran')).toMatchObject({ step: 'ending calls', budgetMs: 100 });
    expect(cleaned).toEqual(['media', 'database']);
    expect(stop.step()).toBe('stopping database');
  });

  it('is one stop however often it is asked for', async () => {
    let shutdowns = 0;
    const { stop, cleaned } = await serverWithStop({ shutdown: async () => void shutdowns++ });
    await Promise.all([stop.close(), stop.close()]);
    await stop.close();
    expect(shutdowns).toBe(1);
    expect(cleaned).toEqual(['media', 'database']);
  });
});
