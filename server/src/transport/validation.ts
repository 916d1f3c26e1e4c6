import type { z } from 'zod';
import { AppError } from '../errors.js';

/** Parses outside input with a shared schema; a failure names every bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what = 'request'): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => ({
    field: issue.path.length > 0 ? issue.path.join('.') : '(whole payload)',
    problem: issue.message,
  }));
  const summary = problems.map((p) => `${p.field}: ${p.problem}`).join('; ');
  throw AppError.badRequest(`Invalid ${what}: ${summary}`, { problems });
}
