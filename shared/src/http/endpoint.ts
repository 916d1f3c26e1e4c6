import type { z } from 'zod';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** Who may call an endpoint at all (the role and school checks come after, on the server). */
export type Audience = 'public' | 'device' | 'staff';

/** A body that is not JSON: an MIS export sent as `text/csv`. */
export const CSV_BODY = 'text/csv' as const;

/**
 * Set on requests the staff screens make by themselves (polling a queue): they show the page is open,
 * not that anyone is at it, so they do not count towards the server's idle time-out. Here, not with
 * the staff account's schemas: the one API client sends it, and the iPad's bundle should not carry
 * those schemas for a header's name.
 */
export const BACKGROUND_REQUEST_HEADER = 'x-peerbridge-background';

/** An answer that is a file, not a JSON document. */
export type FileType = 'text/csv' | 'text/calendar';

/**
 * One HTTP endpoint of the contract: where it is, who may call it, and the
 * shape of everything that crosses the wire. The server mounts its handlers
 * from these (so input is parsed with exactly these schemas and answers are
 * typed against `response`), the client calls through them, and the OpenAPI
 * document is generated from them.
 */
export interface Endpoint {
  method: HttpMethod;
  /** Full path in express style: `/api/staff/concerns/:id`. */
  path: string;
  /** One line for the reference: what the endpoint is for. */
  summary: string;
  /** The OpenAPI tag (the area it belongs to). */
  tag: string;
  audience: Audience;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType | typeof CSV_BODY;
  /**
   * The answer: a JSON schema; `null` for 204 No Content; or a file. A JSON
   * answer may also be offered as a download (`attachment`).
   */
  response: z.ZodType | null | { file: FileType };
  /** 200 unless stated. */
  status?: 200 | 201 | 202;
  /** Statuses besides success whose body is an answer in `response`'s shape, not an error (a 422 import report). */
  answerStatuses?: readonly number[];
  /** The response is also offered as a download by this name. */
  attachment?: boolean;
}

/** Declares an endpoint, keeping its literal types so handlers and callers are typed from it. */
export function endpoint<const E extends Endpoint>(spec: E): E {
  return spec;
}

type SchemaOf<T> = T extends z.ZodType ? T : never;
export type ParamsOf<E extends Endpoint> = E['params'] extends z.ZodType ? z.output<SchemaOf<E['params']>> : Record<string, never>;
export type QueryOf<E extends Endpoint> = E['query'] extends z.ZodType ? z.output<SchemaOf<E['query']>> : Record<string, never>;
export type BodyOf<E extends Endpoint> = E['body'] extends z.ZodType ? z.output<SchemaOf<E['body']>> : E['body'] extends typeof CSV_BODY ? string : undefined;
/** A file answer: the text, and the name it downloads as. */
export type FileReply = string | { content: string; filename?: string };

/** What the server must answer (the schema's input side, which the schema turns into what the client reads). */
export type ReplyOf<E extends Endpoint> = E['response'] extends z.ZodType ? z.input<SchemaOf<E['response']>> : E['response'] extends null ? void : FileReply;
/** What the client reads. */
export type AnswerOf<E extends Endpoint> = E['response'] extends z.ZodType ? z.output<SchemaOf<E['response']>> : E['response'] extends null ? void : string;

/** What a caller sends: the params, query and body as the schemas take them in. */
export type RequestOf<E extends Endpoint> = (E['params'] extends z.ZodType ? { params: z.input<SchemaOf<E['params']>> } : unknown) &
  (E['query'] extends z.ZodType ? { query?: z.input<SchemaOf<E['query']>> } : unknown) &
  (E['body'] extends z.ZodType ? { body: z.input<SchemaOf<E['body']>> } : E['body'] extends typeof CSV_BODY ? { body: string } : unknown);

/** The concrete path for some params: `/api/staff/concerns/:id` with `{ id }` → `/api/staff/concerns/<id>`. */
export function pathOf(path: string, params: Record<string, string | number> = {}): string {
  return path.replace(/:([A-Za-z]+)/g, (_m, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${path} needs a value for :${name}`);
    return encodeURIComponent(String(value));
  });
}
