import { Parser } from '@asyncapi/parser';
import { Validator } from '@seriousme/openapi-schema-validator';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allEndpoints, clientPayloads, pushSchemas } from '@peerbridge/shared';
import { listRoutes } from '../../test-support/fuzz/express-routes.js';
import { startTestServer, stopTestServer, type TestServer } from '../../test-support/test-server.js';

const key = (method: string, path: string) => `${method.toUpperCase()} ${path}`;

/** The API reference is generated from the contract, so these hold on one database as on the other: PGlite only. */
describe('the API reference', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('pglite');
  });
  afterAll(() => stopTestServer(server));

  it('is a valid OpenAPI 3.1 document', async () => {
    const res = await request(server.url).get('/api/openapi.json').expect(200);
    expect(res.body.openapi).toBe('3.1.0');
    const validator = new Validator();
    const result = await validator.validate(res.body);
    expect(result.errors ?? [], 'OpenAPI validation errors').toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('documents every route the app serves, with a response, and nothing it does not serve', async () => {
    const served = listRoutes(server.app).filter((route) => !route.startsWith('GET /^'));
    const documented = allEndpoints.map((e) => key(e.method, e.path));
    expect(served.filter((route) => !documented.includes(route)), 'routes with no endpoint in shared/src/http (no documented response)').toEqual([]);
    expect(documented.filter((route) => !served.includes(route)), 'endpoints in shared/src/http the app does not serve').toEqual([]);

    const { body } = await request(server.url).get('/api/openapi.json').expect(200);
    const paths = body.paths as Record<string, Record<string, { responses?: Record<string, unknown> }>>;
    for (const endpoint of allEndpoints) {
      const operation = paths[endpoint.path.replace(/:([A-Za-z]+)/g, '{$1}')]?.[endpoint.method.toLowerCase()];
      expect(operation?.responses, `${key(endpoint.method, endpoint.path)} has no documented response`).toBeDefined();
      expect(Object.keys(operation!.responses!).some((status) => /^2/.test(status))).toBe(true);
    }
  });

  it('documents every socket event in a valid AsyncAPI 3.0 document', async () => {
    const res = await request(server.url).get('/api/asyncapi.json').expect(200);
    const { document, diagnostics } = await new Parser().parse(JSON.stringify(res.body));
    // severity 0 is an error; warnings (style hints) do not make a document invalid.
    expect(diagnostics.filter((d) => d.severity === 0).map((d) => `${d.path.join('.')}: ${d.message}`)).toEqual([]);
    expect(document).toBeDefined();
    const titles = Object.values(res.body.operations as Record<string, { title: string }>).map((o) => o.title);
    expect(new Set(titles)).toEqual(new Set([...Object.keys(clientPayloads), ...Object.keys(pushSchemas)]));
  });

  it('has one endpoint per method and path', () => {
    const keys = allEndpoints.map((e) => key(e.method, e.path));
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });
});
