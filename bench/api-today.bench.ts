import { fork } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

/*
 * GET /api/device/sessions/today against GET /healthz on the same server in the same run. The server (real
 * app, real database, production settings) runs in a child (api-today-server.ts) so this process's load
 * generator does not compete with it for its thread. For each database, PostgreSQL (a fresh database from
 * TEST_DATABASE_URL, made and dropped) then PGlite:
 *  - ratio: maximum throughput, 10 connections, ROUNDS rounds of SECONDS s each of /healthz then the endpoint,
 *    interleaved; the median of the rounds' endpoint/healthz ratios;
 *  - p99_ms: the endpoint's 99th-percentile latency at a fixed 1,000 requests/s (and /healthz's beside it).
 * Both once as a first request (no If-None-Match: the whole list, conditional=no) and once as a polling iPad
 * sends it after its first answer (If-None-Match with the list's ETag, answered 304: conditional=yes).
 * Requests carry Safari's Accept-Encoding, so lists over a kilobyte are compressed as on a school iPad.
 */

const ROUNDS = Number(process.env.API_TODAY_ROUNDS ?? 3);
const SECONDS = Number(process.env.API_TODAY_SECONDS ?? 3);
const FIXED_RATE = 1_000;
const CONNECTIONS = 10;
const SAFARI_ENCODINGS = 'gzip, deflate, br';

interface Load {
  url: string;
  /** Asked before each run: a conditional load fetches the list's current ETag (statuses move with the clock). */
  headers: () => Promise<Record<string, string>>;
  expectStatus: number;
}

async function drive(load: Load, options: { seconds: number; overallRate?: number }) {
  const result = await autocannon({
    url: load.url,
    headers: { 'accept-encoding': SAFARI_ENCODINGS, ...(await load.headers()) },
    connections: CONNECTIONS,
    duration: options.seconds,
    ...(options.overallRate ? { overallRate: options.overallRate } : {}),
  });
  const answered = Object.entries(result.statusCodeStats ?? {});
  // A session's status may change mid-run (its join window opens): the odd full answer then is what an iPad gets too.
  const wrong = answered.filter(([status]) => Number(status) !== load.expectStatus && Number(status) !== 200).length > 0;
  const expected = result.statusCodeStats?.[`${load.expectStatus}`]?.count ?? 0;
  if (result.errors > 0 || result.timeouts > 0 || wrong || expected < 0.95 * result.requests.total) {
    throw new Error(`${load.url} answered ${JSON.stringify(Object.fromEntries(answered))} with ${result.errors} errors, ${result.timeouts} timeouts (expected only ${load.expectStatus})`);
  }
  return { rps: result.requests.total / options.seconds, p99: result.latency.p99 };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

async function measure(healthz: Load, today: Load) {
  // Warm-up: JIT, the pool's connections, the database's caches and prepared statements.
  await drive(healthz, { seconds: 1 });
  await drive(today, { seconds: 2 });
  const ratios: number[] = [];
  const rates = { today: [] as number[], healthz: [] as number[] };
  for (let round = 0; round < ROUNDS; round++) {
    const base = await drive(healthz, { seconds: SECONDS });
    const endpoint = await drive(today, { seconds: SECONDS });
    ratios.push(endpoint.rps / base.rps);
    rates.today.push(endpoint.rps);
    rates.healthz.push(base.rps);
  }
  const baseAtRate = await drive(healthz, { seconds: SECONDS, overallRate: FIXED_RATE });
  const endpointAtRate = await drive(today, { seconds: SECONDS, overallRate: FIXED_RATE });
  return { ratio: median(ratios), rps: median(rates.today), healthzRps: median(rates.healthz), p99: endpointAtRate.p99, healthzP99: baseAtRate.p99 };
}

async function run(kind: 'postgres' | 'pglite'): Promise<void> {
  const child = fork(fileURLToPath(new URL('./api-today-server.ts', import.meta.url)), [kind], {
    // API_TODAY_SERVER_NODE_ARGS: node options for the server alone (an A/B of a V8 flag leaves the load generator as it is).
    execArgv: ['--import', 'tsx', ...(process.env.API_TODAY_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean)],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const exited = once(child, 'exit');
  try {
    const [ready] = (await Promise.race([once(child, 'message'), exited.then(([code]) => Promise.reject(new Error(`the ${kind} server exited (${String(code)})`)))])) as [
      { url: string; token: string },
    ];
    const url = `${ready.url}/api/device/sessions/today`;
    const auth = { authorization: `Bearer ${ready.token}` };
    const currentEtag = async () => {
      const first = await fetch(url, { headers: auth });
      const body = (await first.json()) as { sessions: unknown[] };
      const etag = first.headers.get('etag');
      if (first.status !== 200 || body.sessions.length !== 20 || !etag) {
        throw new Error(`the endpoint answered ${first.status} with ${body.sessions.length} sessions and ETag ${String(etag)} (expected 200, 20, an ETag)`);
      }
      return etag;
    };
    const healthz: Load = { url: `${ready.url}/healthz`, headers: async () => ({}), expectStatus: 200 };
    const db = kind === 'postgres' ? 'pg' : 'pglite';
    for (const conditional of [false, true]) {
      const today: Load = conditional
        ? { url, headers: async () => ({ ...auth, 'if-none-match': await currentEtag() }), expectStatus: 304 }
        : { url, headers: async () => auth, expectStatus: 200 };
      const m = await measure(healthz, today);
      process.stdout.write(
        `api today db=${db} ratio=${m.ratio.toFixed(3)} p99_ms=${m.p99} conditional=${conditional ? 'yes' : 'no'} rps=${m.rps.toFixed(0)} healthz_rps=${m.healthzRps.toFixed(0)} healthz_p99_ms=${m.healthzP99}\n`,
      );
    }
  } finally {
    if (child.connected) child.send('stop');
    await exited;
  }
}

process.env.TEST_DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/test';
await run('postgres');
if (process.env.BENCH_SKIP_PGLITE !== '1') await run('pglite');
