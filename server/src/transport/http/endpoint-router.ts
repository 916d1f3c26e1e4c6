import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { z } from 'zod';
import { CSV_BODY, type BodyOf, type FileReply, type Endpoint, type ParamsOf, type QueryOf, type ReplyOf } from '@peerbridge/shared';
import { sendJson } from './json-answer.js';
import { parseInput } from '../validation.js';

export interface EndpointInput<E extends Endpoint> {
  params: ParamsOf<E>;
  query: QueryOf<E>;
  body: BodyOf<E>;
  req: Request;
  /** For what the answer's body cannot say: cookies, a download's file name, a status besides success. */
  res: Response;
}

export type EndpointHandler<E extends Endpoint> = (input: EndpointInput<E>) => Promise<ReplyOf<E>> | ReplyOf<E>;

/** Turned on in tests: every answer is parsed with its shared schema, so a server that drifts from the contract fails loudly. */
export interface ContractOptions {
  checkResponses: boolean;
}

/**
 * An express router whose routes are the contract's endpoints. `on` parses
 * params, query and body with the endpoint's own schemas before the handler
 * runs, types the handler's answer against the endpoint's response schema, and
 * sends it with the endpoint's status. `mountedAt` is where the router is
 * mounted, so endpoints keep their full paths.
 */
export function endpointRouter(mountedAt: string, options: ContractOptions = { checkResponses: false }) {
  const router = Router();
  const on = <E extends Endpoint>(endpoint: E, ...chain: [...RequestHandler[], EndpointHandler<E>]): void => {
    if (!endpoint.path.startsWith(mountedAt)) throw new Error(`${endpoint.path} is not under ${mountedAt}`);
    const handler = chain.pop() as EndpointHandler<E>;
    const guards = chain as RequestHandler[];
    const path = endpoint.path.slice(mountedAt.length) || '/';
    const method = endpoint.method.toLowerCase() as 'get' | 'post' | 'put' | 'delete';
    router[method](path, ...guards, async (req: Request, res: Response) => {
      const input = {
        params: (endpoint.params ? parseInput(endpoint.params, req.params, 'address') : {}) as ParamsOf<E>,
        query: (endpoint.query ? parseInput(endpoint.query, req.query, 'query') : {}) as QueryOf<E>,
        body: readBody(endpoint, req.body) as BodyOf<E>,
        req,
        res,
      };
      const reply = await handler(input);
      send(endpoint, req, res, reply, options);
    });
  };
  return { router, on };
}

function readBody(endpoint: Endpoint, body: unknown): unknown {
  if (endpoint.body === undefined) return undefined;
  if (endpoint.body === CSV_BODY) return typeof body === 'string' ? body : '';
  return parseInput(endpoint.body, body, 'request');
}

function send(endpoint: Endpoint, req: Request, res: Response, reply: unknown, options: ContractOptions): void {
  const { response } = endpoint;
  if (response === null) {
    res.status(204).end();
    return;
  }
  // A handler that set its own status (a 503 readiness answer, a 422 import report) keeps it.
  const status = res.statusCode !== 200 ? res.statusCode : (endpoint.status ?? 200);
  if ('file' in response) {
    const file = reply as FileReply | string;
    const { content, filename } = typeof file === 'string' ? { content: file, filename: undefined } : file;
    if (filename) res.attachment(filename);
    res.status(status).type(`${response.file}; charset=utf-8`).send(content);
    return;
  }
  if (options.checkResponses) checkReply(endpoint, response, reply);
  sendJson(req, res, status, reply);
}

function checkReply(endpoint: Endpoint, schema: z.ZodType, reply: unknown): void {
  const parsed = schema.safeParse(reply);
  if (!parsed.success) {
    throw new Error(`${endpoint.method} ${endpoint.path} answered outside its contract: ${parsed.error.message}`);
  }
}
