import type { z } from 'zod';
import type { PeerbridgeError } from '../../lib/peerbridge-error';

/** What is wrong, by field name, from the shared schema's check before sending. */
export type FieldProblems = Record<string, string>;

const sentence = (problem: string) => problem.charAt(0).toUpperCase() + problem.slice(1) + '.';

/** The form's values checked with the same schema the server uses: null when they pass. */
export function checkForm<S extends z.ZodType>(schema: S, values: unknown): { ok: true; value: z.output<S> } | { ok: false; problems: FieldProblems } {
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, value: result.data };
  const problems: FieldProblems = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? '');
    problems[field] ??= sentence(issue.message);
  }
  return { ok: false, problems };
}

/**
 * The server's refusal shown by the field it names (a URN or email already
 * used, or a 400 listing fields); what names no field goes in `general`.
 */
export function serverProblems(error: PeerbridgeError): { fields: FieldProblems; general: string | null } {
  const listed = error.details?.problems;
  const fields: FieldProblems = {};
  if (Array.isArray(listed)) {
    for (const entry of listed as { field?: unknown; problem?: unknown }[]) {
      if (typeof entry.field === 'string' && typeof entry.problem === 'string') fields[entry.field] ??= sentence(entry.problem.replace(/\.$/, ''));
    }
  }
  return { fields, general: Object.keys(fields).length > 0 ? null : error.message };
}
