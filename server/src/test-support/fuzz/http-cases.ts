import fc from 'fast-check';
import { errorCodes } from '@peerbridge/shared';
import { csvArbitrary, httpRoutes, paramArbitrary, queryArbitrary, realParam, type Fixture, type Principal } from './http-catalogue.js';
import { hostileValue, malformed, type Hints } from './zod-arbitrary.js';

export interface HttpCase {
  route: string;
  method: string;
  path: string;
  query: string | undefined;
  body: { type: string; text: string; encoding?: string } | undefined;
  /** `own`: the route's principal; otherwise credentials that are wrong in some way. */
  credentials: 'own' | 'none' | 'garbage-cookie' | 'bad-escape-cookie' | 'garbage-bearer';
  /** Each case from its own address, so per-address limits do not hide what is behind them. */
  address: string;
}

const RAW_BODIES = ['{"a":', '', 'null', '[]', '"text"', '{"__proto__":{"admin":true}}', '{"a":1,"a":2}', '\u0000', '\uFEFF{}', 'x'.repeat(70_000)];
const CONTENT_TYPES = ['application/json', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=utf-16', 'application/json; charset=bogus', 'text/csv'];

function bodyArbitrary(values: fc.Arbitrary<unknown>): fc.Arbitrary<HttpCase['body']> {
  return fc.oneof(
    { weight: 8, arbitrary: values.map((v) => ({ type: 'application/json', text: JSON.stringify(v) ?? 'null' })) },
    { weight: 2, arbitrary: fc.record({ type: fc.constantFrom(...CONTENT_TYPES), text: fc.constantFrom(...RAW_BODIES) }) },
    { weight: 1, arbitrary: fc.record({ type: fc.constant('application/json'), text: fc.constant('{}'), encoding: fc.constantFrom('gzip', 'br', 'deflate', 'bogus') }) },
  );
}

export function httpCaseArbitrary(fixture: Fixture, hints: Hints): fc.Arbitrary<HttpCase> {
  return fc.constantFrom(...Object.keys(httpRoutes)).chain((route) => {
    const spec = httpRoutes[route]!;
    const [method, pattern] = route.split(' ') as [string, string];
    const names = pattern.match(/:[a-z]+/gi) ?? [];
    const real = realParam(route, fixture);
    const path = fc
      .tuple(...names.map(() => paramArbitrary(real)))
      .map((values) => names.reduce((p, name, i) => p.replace(name, values[i]!), pattern));
    const body =
      method === 'GET'
        ? fc.constant(undefined)
        : spec.body === 'csv'
          ? fc.oneof({ weight: 5, arbitrary: csvArbitrary.map((text) => ({ type: 'text/csv', text })) }, { weight: 1, arbitrary: bodyArbitrary(hostileValue) })
          : spec.body
            ? bodyArbitrary(malformed(spec.body, hints))
            : fc.option(bodyArbitrary(hostileValue), { nil: undefined, freq: 2 });
    const query = spec.query ? fc.option(queryArbitrary(malformed(spec.query, hints)), { nil: undefined, freq: 4 }) : fc.option(queryArbitrary(hostileValue), { nil: undefined, freq: 5 });
    return fc.record({
      route: fc.constant(route),
      method: fc.constant(method),
      path,
      query,
      body,
      credentials: fc.oneof(
        { weight: 12, arbitrary: fc.constant<HttpCase['credentials']>('own') },
        { weight: 1, arbitrary: fc.constantFrom<HttpCase['credentials']>('none', 'garbage-cookie', 'bad-escape-cookie', 'garbage-bearer') },
      ),
      address: fc.ipV4(),
    });
  });
}

export interface HttpOutcome {
  status?: number;
  body?: unknown;
  hung: boolean;
}

export async function sendHttpCase(baseUrl: string, c: HttpCase, credentialsOf: (p: Principal) => Record<string, string>, timeoutMs: number): Promise<HttpOutcome> {
  const own = credentialsOf(httpRoutes[c.route]!.as);
  const credentials: Record<string, string> =
    c.credentials === 'own'
      ? own
      : c.credentials === 'garbage-cookie'
        ? { cookie: 'pb_staff=garbage; other=1' }
        : c.credentials === 'bad-escape-cookie'
          ? { cookie: 'pb_staff=%E0%A4%A' }
          : c.credentials === 'garbage-bearer'
            ? { authorization: 'Bearer not.a.token' }
            : {};
  const headers: Record<string, string> = { 'x-forwarded-for': c.address, ...credentials };
  if (c.body) headers['content-type'] = c.body.type;
  if (c.body?.encoding) headers['content-encoding'] = c.body.encoding;
  try {
    const res = await fetch(`${baseUrl}${c.path}${c.query === undefined ? '' : `?${c.query}`}`, {
      method: c.method,
      headers,
      body: c.body?.text,
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'manual',
    });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // Not JSON: fine for a calendar or a CSV, checked below for errors.
    }
    return { status: res.status, body, hung: false };
  } catch {
    return { hung: true };
  }
}

/** What is wrong with an answer, if anything: no 5xx, and every refusal carries a known code. */
export function httpProblem(outcome: HttpOutcome): string | null {
  if (outcome.hung || outcome.status === undefined) return 'no answer in time';
  if (outcome.status >= 500) return `status ${outcome.status}: ${JSON.stringify(outcome.body)?.slice(0, 300)}`;
  if (outcome.status < 400) return null;
  const body = outcome.body as { error?: { code?: unknown; message?: unknown }; problems?: unknown[]; message?: unknown } | undefined;
  // An import with bad rows answers 422 with its report: every row and reason, nothing written.
  if (outcome.status === 422 && Array.isArray(body?.problems) && body.problems.length > 0 && typeof body.message === 'string') return null;
  if (!errorCodes.includes(body?.error?.code as never)) return `status ${outcome.status} without a known error code: ${JSON.stringify(outcome.body)?.slice(0, 300)}`;
  if (typeof body?.error?.message !== 'string') return `status ${outcome.status} without a message`;
  return null;
}
