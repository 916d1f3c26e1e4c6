// Compiles the server and the shared package to plain JavaScript for `npm start` (server/dist, shared/dist).
// Each file keeps its place (dist mirrors src), so paths the code finds from its own location (the migrations,
// the client build, package.json) resolve as they do from the sources. Compiling on the fly with tsx instead
// keeps a loader thread, esbuild and every module's source map in the server's memory for its whole life.
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The package's sources without tests and test helpers, which nothing at run time imports. */
function sources(srcDir) {
  return readdirSync(srcDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => !file.split(path.sep).includes('test-support'));
}

for (const pkg of ['server', 'shared']) {
  const srcDir = path.join(repoRoot, pkg, 'src');
  const outDir = path.join(repoRoot, pkg, 'dist');
  rmSync(outDir, { recursive: true, force: true });
  await build({
    entryPoints: sources(srcDir),
    outdir: outDir,
    outbase: srcDir,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
  });
}
