import { z } from 'zod';
import { ackSchemas, clientPayloads, DeviceHandshake, pushSchemas, type AsyncApiDocument } from '@peerbridge/shared';

type JsonSchema = Record<string, unknown>;

const schemaOf = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema => {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;
  return rest;
};

const ACK_ERROR: JsonSchema = {
  type: 'object',
  required: ['ok', 'error'],
  properties: {
    ok: { const: false },
    error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' } } },
  },
};

const id = (event: string) => event.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ?? '').toUpperCase());

/**
 * The AsyncAPI 3.0 document of the realtime API, generated from the typed
 * event map in shared/src/realtime/events.ts: every client → server event
 * with its payload and acknowledgement, every server → client push.
 */
export function asyncApiDocument(version: string): AsyncApiDocument {
  const messages: Record<string, JsonSchema> = {};
  const operations: Record<string, JsonSchema> = {};
  const message = (name: string, title: string, payload: JsonSchema) => {
    messages[name] = { name, title, payload };
    return { $ref: `#/channels/socket/messages/${name}` };
  };

  for (const [event, schema] of Object.entries(clientPayloads)) {
    const ack = (ackSchemas as Record<string, z.ZodType>)[event]!;
    const request = message(id(event), event, schemaOf(schema, 'input'));
    const reply = message(`${id(event)}Ack`, `${event} acknowledgement`, {
      oneOf: [{ type: 'object', required: ['ok', 'data'], properties: { ok: { const: true }, data: schemaOf(ack, 'output') } }, ACK_ERROR],
    });
    operations[id(event)] = {
      action: 'receive',
      title: event,
      summary: `Client → server \`${event}\`, answered by an acknowledgement.`,
      channel: { $ref: '#/channels/socket' },
      messages: [request],
      reply: { channel: { $ref: '#/channels/socket' }, messages: [reply] },
    };
  }
  for (const [event, schema] of Object.entries(pushSchemas)) {
    const push = message(id(event), event, schemaOf(schema, 'output'));
    operations[`${id(event)}Push`] = {
      action: 'send',
      title: event,
      summary: `Server → client push \`${event}\`.`,
      channel: { $ref: '#/channels/socket' },
      messages: [push],
    };
  }

  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Peerbridge realtime API',
      version,
      description:
        'socket.io events (`area:verb`) between the iPads, the staff area and the server. Generated from `shared/src/realtime/events.ts`. ' +
        'Every client event is emitted with an acknowledgement callback that receives `{ ok: true, data }` or `{ ok: false, error: { code, message } }`.',
    },
    servers: {
      peerbridge: { host: 'localhost:3000', pathname: '/socket.io', protocol: 'wss', description: 'socket.io on the HTTP server (same origin as the app).' },
    },
    channels: {
      socket: {
        address: '/',
        title: 'The socket.io connection',
        description: `A device connects with \`auth\`: ${JSON.stringify(schemaOf(DeviceHandshake, 'input').properties)}; staff connect with their session cookie.`,
        messages,
      },
    },
    operations,
  };
}
