import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Runs in the child: PGlite.create on an empty directory is what runs initdb; closing flushes it to disk. */
const INITDB_SCRIPT = `
const [pgliteUrl, dataDir, startParams] = process.argv.slice(1);
const { PGlite } = await import(pgliteUrl);
const client = await PGlite.create(dataDir, { startParams: JSON.parse(startParams) });
await client.close();
`;

/**
 * Initialises a new PGlite data directory in a short-lived child process; returns whether it had to.
 *
 * PGlite runs initdb through a second, temporary PostgreSQL in the same process. Closing it leaves its WASM
 * memory and initdb's (several hundred MB) for a full garbage collection that an idle server may not run for
 * hours, so a first start sat at about three times the memory of every later one. In a child process all of it
 * goes back to the operating system when the child exits, and the server opens the directory as on a restart.
 */
export async function initPgliteDataDirInChild(dataDir: string, startParams: string[]): Promise<boolean> {
  if (fs.existsSync(path.join(dataDir, 'PG_VERSION'))) return false;
  const pgliteUrl = pathToFileURL(createRequire(import.meta.url).resolve('@electric-sql/pglite')).href;
  try {
    await run(process.execPath, ['--input-type=module', '--eval', INITDB_SCRIPT, pgliteUrl, dataDir, JSON.stringify(startParams)]);
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new Error(`Could not initialise the embedded database in ${dataDir}${stderr ? `: ${stderr}` : ''}`, { cause: error });
  }
  return true;
}
