import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The version in server/package.json, for the API reference. */
export function serverVersion(): string {
  const file = fileURLToPath(new URL('../package.json', import.meta.url));
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}
