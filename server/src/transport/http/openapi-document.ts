import { z } from 'zod';
import { CSV_BODY, type Endpoint, type OpenApiDocument } from '@peerbridge/shared';

type JsonSchema = Record<string, unknown>;

/*
 * zod writes JSON Schema 2020-12, which is OpenAPI 3.1's own dialect. Requests
 * are described as the server takes them in, answers as the server sends them;
 * what JSON Schema cannot say (a transform) is left open rather than guessed.
 */
const schemaOf = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema => {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;
  return rest;
};

const ERROR = {
  description: 'Refused: the error envelope names what is wrong.',
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
};

function parametersOf(endpoint: Endpoint): JsonSchema[] {
  const list: JsonSchema[] = [];
  const add = (where: 'path' | 'query', schema: z.ZodType | undefined) => {
    if (!schema) return;
    const described = schemaOf(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
    for (const [name, property] of Object.entries(described.properties ?? {})) {
      list.push({ name, in: where, required: where === 'path' || (described.required ?? []).includes(name), schema: property });
    }
  };
  add('path', endpoint.params);
  add('query', endpoint.query);
  // A path parameter the contract forgot is still a parameter: the document must stay valid.
  for (const [, name] of endpoint.path.matchAll(/:([A-Za-z]+)/g)) {
    if (!list.some((p) => p.in === 'path' && p.name === name)) list.push({ name, in: 'path', required: true, schema: { type: 'string' } });
  }
  return list;
}

function requestBodyOf(endpoint: Endpoint): JsonSchema | undefined {
  if (endpoint.body === undefined) return undefined;
  if (endpoint.body === CSV_BODY) return { required: true, content: { 'text/csv': { schema: { type: 'string' } } } };
  return { required: true, content: { 'application/json': { schema: schemaOf(endpoint.body, 'input') } } };
}

function responsesOf(endpoint: Endpoint): JsonSchema {
  const { response } = endpoint;
  const success = String(endpoint.status ?? (response === null ? 204 : 200));
  const responses: JsonSchema = {};
  if (response === null) responses[success] = { description: 'Done; nothing to answer.' };
  else if ('file' in response) responses[success] = { description: 'A file.', content: { [response.file]: { schema: { type: 'string' } } } };
  else {
    const body = { description: endpoint.attachment ? 'The answer, offered as a download.' : 'The answer.', content: { 'application/json': { schema: schemaOf(response, 'output') } } };
    responses[success] = body;
    for (const status of endpoint.answerStatuses ?? []) responses[String(status)] = { ...body, description: 'An answer in the same shape.' };
  }
  responses['4XX'] = ERROR;
  return responses;
}

const SECURITY: Record<Endpoint['audience'], JsonSchema[]> = {
  public: [],
  device: [{ deviceToken: [] }],
  staff: [{ staffSession: [] }],
};

/** The OpenAPI 3.1 document of every endpoint, generated from the shared contract. */
export function openApiDocument(endpoints: readonly Endpoint[], version: string): OpenApiDocument {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const endpoint of endpoints) {
    const path = endpoint.path.replace(/:([A-Za-z]+)/g, '{$1}');
    const requestBody = requestBodyOf(endpoint);
    const parameters = parametersOf(endpoint);
    (paths[path] ??= {})[endpoint.method.toLowerCase()] = {
      operationId: `${endpoint.method.toLowerCase()}${path.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ?? '').toUpperCase())}`,
      summary: endpoint.summary,
      tags: [endpoint.tag],
      security: SECURITY[endpoint.audience],
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(requestBody ? { requestBody } : {}),
      responses: responsesOf(endpoint),
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Peerbridge API',
      version,
      description: 'Scheduling, mentoring and safeguarding API of Peerbridge. Generated from the zod schemas in `shared/src/http/`.',
    },
    tags: [...new Set(endpoints.map((e) => e.tag))].sort().map((name) => ({ name })),
    paths,
    components: {
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: { code: { type: 'string' }, message: { type: 'string' }, details: { type: 'object' } },
            },
          },
        },
      },
      securitySchemes: {
        deviceToken: { type: 'http', scheme: 'bearer', description: "A school iPad's device token." },
        staffSession: { type: 'apiKey', in: 'cookie', name: 'pb_staff', description: 'The staff session cookie (httpOnly, SameSite=Strict).' },
      },
    },
  };
}
