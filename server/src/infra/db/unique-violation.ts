type PgError = { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } };

/**
 * PostgreSQL's unique_violation (23505), as pg and PGlite raise it, bare or
 * wrapped by drizzle; with `constraint`, only a violation of that one.
 */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = error as PgError | undefined;
  const raised = e?.code === '23505' ? e : e?.cause?.code === '23505' ? e.cause : undefined;
  return raised !== undefined && (constraint === undefined || raised.constraint === constraint);
}
