import { z } from 'zod';
import { endpoint } from './endpoint.js';

/** An OpenAPI 3.1 document: read loosely here, checked in full by a validator in the server's tests. */
export const OpenApiDocument = z.looseObject({
  openapi: z.string(),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.unknown()),
});
export type OpenApiDocument = z.infer<typeof OpenApiDocument>;

/** An AsyncAPI 3.0 document, likewise read loosely here. */
export const AsyncApiDocument = z.looseObject({
  asyncapi: z.string(),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  operations: z.record(z.string(), z.unknown()),
});
export type AsyncApiDocument = z.infer<typeof AsyncApiDocument>;

export const docsEndpoints = {
  openApi: endpoint({
    method: 'GET',
    path: '/api/openapi.json',
    tag: 'reference',
    audience: 'public',
    summary: 'This reference: every HTTP endpoint, generated from the shared schemas.',
    response: OpenApiDocument,
  }),
  asyncApi: endpoint({
    method: 'GET',
    path: '/api/asyncapi.json',
    tag: 'reference',
    audience: 'public',
    summary: 'The realtime (socket.io) events, generated from shared/src/realtime/events.ts.',
    response: AsyncApiDocument,
  }),
};
