import type http from 'node:http';
import type { Socket } from 'node:net';

/** How often, while the server stops, connections that have gone idle are closed. */
const IDLE_SWEEP_MS = 100;

export interface ConnectionDrain {
  /** Starts draining; returns what stops the idle sweep. */
  begin(): () => void;
  /**
   * Destroys every connection still open (answering, upgraded to a WebSocket, or half-closed by a
   * peer that stopped answering) and says how many there were: the last resort of a stop whose
   * connections did not close in their time.
   */
  cutRemaining(): { open: number; websockets: number };
}

/**
 * Lets the HTTP server stop promptly while pages hold keep-alive connections. `server.close()`
 * closes only the connections idle at that moment: one answering then goes idle afterwards and
 * is kept for `keepAliveTimeout` (5 s), all of it added to a deploy's stop (seen as a 6 s stop
 * after an iPad left its call). While draining, every new answer says `Connection: close` and
 * each connection is closed as soon as it is idle.
 *
 * Install before the app's own request listener, so the header is set before the app answers.
 */
export function connectionDrain(server: http.Server): ConnectionDrain {
  let draining = false;
  // Every connection, since Node's own list forgets those upgraded to a WebSocket.
  const open = new Set<Socket>();
  const upgraded = new WeakSet<Socket>();
  server.on('connection', (socket: Socket) => {
    open.add(socket);
    socket.once('close', () => open.delete(socket));
  });
  server.on('upgrade', (_req: http.IncomingMessage, socket: Socket) => upgraded.add(socket));
  server.on('request', (_req: http.IncomingMessage, res: http.ServerResponse) => {
    if (draining && !res.headersSent) res.setHeader('Connection', 'close');
  });
  return {
    begin() {
      draining = true;
      server.closeIdleConnections();
      const sweep = setInterval(() => server.closeIdleConnections(), IDLE_SWEEP_MS);
      sweep.unref();
      return () => clearInterval(sweep);
    },
    cutRemaining() {
      const sockets = [...open];
      for (const socket of sockets) socket.destroy();
      return { open: sockets.length, websockets: sockets.filter((socket) => upgraded.has(socket)).length };
    },
  };
}
