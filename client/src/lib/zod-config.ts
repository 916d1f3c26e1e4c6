import { z } from 'zod';

/*
 * The server's CSP has no 'unsafe-eval', so zod's compiled fast path can
 * never run in this client. Saying so up front stops zod probing for it with
 * `new Function`, which the browser reports as a CSP violation on every page.
 * Imported first by main.tsx, before any schema parses.
 */
z.config({ jitless: true });
