import type http from 'node:http';
import type { Socket } from 'node:net';

/** How often, while the server stops, connections that have gone idle are closed. */
const IDLE_SWEEP_MS = 100;

/** What a connection cut at the end of a stop was doing: what the log needs to say why it did not close. */
export interface CutConnection {
  /** Since it was accepted. */
  ageMs: number;
  websocket: boolean;
  /** Requests it carried, the one being answered included. */
  requests: number;
  /** The request still being answered, as method and path (never the query: it can carry a session id). */
  answering?: string;
  bytesRead: number;
  bytesWritten: number;
}

export interface ConnectionDrain {
  /** Starts draining; returns what stops the idle sweep. */
  begin(): () => void;
  /**
   * Destroys every connection still open (answering, upgraded to a WebSocket, or half-closed by a
   * peer that stopped answering) and says how many there were and what each was doing: the last
   * resort of a stop whose connections did not close in their time.
   */
  cutRemaining(): { open: number; websockets: number; connections: CutConnection[] };
}

interface Tracked {
  acceptedAtMs: number;
  requests: number;
  answering?: string;
  websocket: boolean;
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
export function connectionDrain(server: http.Server, now: () => number = () => performance.now()): ConnectionDrain {
  let draining = false;
  // Every connection, since Node's own list forgets those upgraded to a WebSocket.
  const open = new Map<Socket, Tracked>();
  server.on('connection', (socket: Socket) => {
    open.set(socket, { acceptedAtMs: now(), requests: 0, websocket: false });
    socket.once('close', () => open.delete(socket));
  });
  server.on('upgrade', (_req: http.IncomingMessage, socket: Socket) => {
    const tracked = open.get(socket);
    if (tracked) tracked.websocket = true;
  });
  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (draining && !res.headersSent) res.setHeader('Connection', 'close');
    const tracked = open.get(req.socket);
    if (!tracked) return;
    const answering = `${req.method ?? '?'} ${(req.url ?? '').split('?')[0]}`;
    tracked.requests += 1;
    tracked.answering = answering;
    res.once('close', () => {
      if (tracked.answering === answering) delete tracked.answering;
    });
  });
  return {
    begin() {
      draining = true;
      const closeIdle = () => {
        server.closeIdleConnections();
        // Node's idle list leaves out a connection that has not sent a byte yet (a browser's
        // speculative preconnect): it would hold the stop until the browser drops it.
        for (const [socket, tracked] of open) if (tracked.requests === 0 && !tracked.websocket && socket.bytesRead === 0) socket.destroy();
      };
      closeIdle();
      const sweep = setInterval(closeIdle, IDLE_SWEEP_MS);
      sweep.unref();
      return () => clearInterval(sweep);
    },
    cutRemaining() {
      const at = now();
      const connections = [...open].map(([socket, tracked]) => {
        socket.destroy();
        return {
          ageMs: Math.round(at - tracked.acceptedAtMs),
          websocket: tracked.websocket,
          requests: tracked.requests,
          ...(tracked.answering ? { answering: tracked.answering } : {}),
          bytesRead: socket.bytesRead,
          bytesWritten: socket.bytesWritten,
        };
      });
      return { open: connections.length, websockets: connections.filter((c) => c.websocket).length, connections };
    },
  };
}
