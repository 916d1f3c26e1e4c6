import type http from 'node:http';

/** How often, while the server stops, connections that have gone idle are closed. */
const IDLE_SWEEP_MS = 100;

/**
 * Lets the HTTP server stop promptly while pages hold keep-alive connections. `server.close()`
 * closes only the connections idle at that moment: one answering then goes idle afterwards and
 * is kept for `keepAliveTimeout` (5 s), all of it added to a deploy's stop (seen as a 6 s stop
 * after an iPad left its call). While draining, every new answer says `Connection: close` and
 * each connection is closed as soon as it is idle.
 *
 * Install before the app's own request listener, so the header is set before the app answers.
 */
export function connectionDrain(server: http.Server): { begin(): () => void } {
  let draining = false;
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
  };
}
