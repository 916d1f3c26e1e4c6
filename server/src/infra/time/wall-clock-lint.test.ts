import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/** The lint rule that keeps the wall clock in the clock modules: it must keep biting. */
// Linting with type-aware parsers is slow on a busy 2-core machine: give each case room.
describe('reading the wall clock', { timeout: 30_000 }, () => {
  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
  const eslint = new ESLint({ cwd: repoRoot });
  const source = [
    "import { Temporal } from 'temporal-polyfill';",
    'export const a = Date.now();',
    'export const b = new Date();',
    'export const c = Temporal.Now.instant();',
    "export const fine = new Date('2026-12-01T09:16:00Z');",
    '',
  ].join('\n');
  const clockErrors = async (file: string) => {
    const [result] = await eslint.lintText(source, { filePath: path.join(repoRoot, file) });
    return result!.messages.filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.line);
  };

  // Loading the whole lint configuration takes a few seconds on a busy machine; do it once.
  beforeAll(() => clockErrors('server/src/example.ts'), 60_000);

  it.each(['server/src/services/example.ts', 'server/src/domain/example.ts', 'client/src/features/example.tsx', 'shared/src/example.ts', 'e2e/specs/example.spec.ts'])(
    'is refused in %s',
    async (file) => {
      expect(await clockErrors(file)).toEqual([2, 3, 4]);
    },
  );

  it.each(['server/src/infra/time/example.ts', 'client/src/lib/clock.ts', 'server/src/test-support/example.ts'])('is allowed in %s', async (file) => {
    expect(await clockErrors(file)).toEqual([]);
  });
});
