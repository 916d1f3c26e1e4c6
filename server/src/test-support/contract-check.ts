import { expect } from 'vitest';
import type request from 'supertest';
import { allEndpoints, type Endpoint } from '@peerbridge/shared';

/*
 * Holding an HTTP test's requests and answers to the shared contract: which
 * endpoint a request names, and whether a JSON answer is exactly its schema.
 */

/** The contract's endpoint a case calls, found by method and path (`:id` matching one segment, the query string aside). */
export function endpointOf(route: { method: string }, path: string): Endpoint | undefined {
  const bare = path.split('?')[0]!;
  return allEndpoints.find(
    (e) => e.method === route.method.toUpperCase() && new RegExp(`^${e.path.replace(/:[A-Za-z]+/g, '[^/]+').replace(/\./g, '\\.')}$`).test(bare),
  );
}

/** A success is read with the endpoint's own shared schema, as the client reads it: the answer must be exactly what the contract says. */
export function expectAnswerInContract(endpoint: Endpoint, res: request.Response): void {
  if (res.status >= 300 || !res.type.includes('json')) return;
  const where = `${endpoint.method} ${endpoint.path}`;
  expect(endpoint.response, `${where} answered JSON where the contract says 204`).not.toBeNull();
  const schema = endpoint.response as Exclude<Endpoint['response'], null | { file: string }>;
  expect('file' in schema, `${where} answered JSON where the contract says a file`).toBe(false);
  const parsed = schema.safeParse(res.body);
  expect(parsed.success, `${where}: ${parsed.error?.message}`).toBe(true);
}
