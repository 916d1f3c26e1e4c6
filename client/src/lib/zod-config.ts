/*
 * The server's CSP has no 'unsafe-eval', so zod's compiled fast path can
 * never run in this client. Saying so up front stops zod probing for it with
 * `new Function` (which it does as soon as an object schema is built), which
 * the browser reports as a CSP violation on every page.
 *
 * Set through the global zod reads its config from when it loads (zod's own
 * way to configure it before import), not `z.config`: this module is main.tsx's
 * first import, and importing zod here would put zod and its 90 KB in the
 * device page's first paint. zod and the schemas arrive later, in the chunks
 * that call the server, and whichever loads first finds the config set.
 */
const holder = globalThis as { __zod_globalConfig?: { jitless?: boolean } };
holder.__zod_globalConfig = Object.assign(holder.__zod_globalConfig ?? {}, { jitless: true });
