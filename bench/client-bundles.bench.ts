import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { compressedSize, keyOfModule, modulesIn, reachableFiles, staticFiles, staticKeys, type Manifest, type PathSize } from './bundle-graph.js';
import { reactToPreact } from '../client/react-compat.js';
import { reactFloor } from './react-floor.js';

/*
 * What a school iPad downloads, in bytes as served (the build's brotli copies; gzip beside them),
 * walked from the build manifest's chunk graph:
 *  - device: the device page's first paint, i.e. index.html and every file it loads before the app
 *    runs (the entry chunk, its static imports transitively, their CSS);
 *  - device-sessions: that, and what the device page then imports by itself to show today's sessions
 *    (the calls to the server, with zod and the contract's schemas);
 *  - student: a student's whole way through a call: the device page, then every chunk the iPad app
 *    imports on the way (PIN screen, pre-join, call, chat, targets), transitively, dynamic imports too.
 * The baselines in the same run are the floors no page can go under: React and react-dom alone,
 * rendering one button, built by the same Vite and compressed the same way; and that page on
 * preact/compat, which the client runs on in React's place (client/react-compat.ts).
 * CLIENT_DIST=<dir> measures an existing build (with its manifest and source maps) instead of building.
 */

const root = resolve(import.meta.dirname, '..');
const clientDir = join(root, 'client');

/** What the device page imports by itself once it is up: the today list's and the exits card's calls to the server. */
const DEVICE_PAGE_IMPORTS = ['src/features/today/today-api.ts', 'src/features/exits/exits-api.ts'];
/** The iPad app's further dynamic imports on a student's way through a call: the PIN's sign-in, then the call. */
const STUDENT_IMPORTS = [...DEVICE_PAGE_IMPORTS, 'src/features/sign-in/sign-in-api.ts', 'src/features/call/session-view.tsx'];

/**
 * Staff code, which must never reach a child's iPad: the staff shell, its sections and staff-only
 * features, and the contract's staff-only schemas (the barrel import used to bring them all).
 */
const STAFF_CLIENT_MODULE =
  /\/client\/src\/(app\/staff|lib\/staff|features\/(accounts|attendance|audit|calendar-feed|deployment|matching|observe|referrals|reports|safeguarding|safeguarding-words|school-calendar|second-factor|students|timetable))\/|-section\.tsx$/;
const STAFF_CONTRACT_MODULE =
  /\/shared\/src\/(log-words|http\/(attendance|calendar|calendar-feed|concerns|deployment|docs|endpoints|imports|matching|programme-reports|record-views|referrals|safeguarding-keywords|scheduling|series-lifecycle|session-log-evidence|session-logs|staff-account|staff-accounts|staff-audit|staff-sessions|staff-sign-in|students))\.ts$/;
const isStaffModule = (module: string) => STAFF_CLIENT_MODULE.test(module) || STAFF_CONTRACT_MODULE.test(module);

const dist = process.env.CLIENT_DIST ? resolve(process.env.CLIENT_DIST) : build();
const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8')) as Manifest;

// Module paths are the client's, relative to the workspace the build came from (dist's parent).
const keysOf = (modules: string[]) => modules.map((module) => keyOfModule(manifest, dist, resolve(dist, '..'), module));
const deviceChunks = staticKeys(manifest, ['index.html']);
const deviceFiles = new Set(['index.html', ...staticFiles(manifest, ['index.html'])]);
const deviceSessionsFiles = new Set([...deviceFiles, ...staticFiles(manifest, keysOf(DEVICE_PAGE_IMPORTS))]);
const studentFiles = new Set([...deviceFiles, ...reachableFiles(manifest, keysOf(STUDENT_IMPORTS), deviceChunks)]);
const allFiles = new Set(['index.html', ...reachableFiles(manifest, ['index.html'])]);
const staffOnlyFiles = [...allFiles].filter((file) => !studentFiles.has(file));

const kb = (bytes: number) => (bytes / 1000).toFixed(1);
const line = (label: string, size: PathSize) =>
  process.stdout.write(`${label} kb=${kb(size.brotli)} gzip_kb=${kb(size.gzip)} files=${size.files}\n`);

line('client-bundle path=device', compressedSize(dist, deviceFiles));
line('client-bundle path=device-sessions', compressedSize(dist, deviceSessionsFiles));
line('client-bundle path=student', compressedSize(dist, studentFiles));
line('client-bundle path=staff-only', compressedSize(dist, staffOnlyFiles));
const floor = await reactFloor(root);
process.stdout.write(`client-bundle-floor react-dom kb=${kb(floor.brotli)} gzip_kb=${kb(floor.gzip)}\n`);
const compatFloor = await reactFloor(root, reactToPreact);
process.stdout.write(`client-bundle-floor preact-compat kb=${kb(compatFloor.brotli)} gzip_kb=${kb(compatFloor.gzip)}\n`);

// React's own runtime must not ship beside Preact's: an import the aliases do not map would bring it back.
const reactShipped = [...modulesIn(dist, allFiles)].filter((module) => /\/node_modules\/(react|react-dom|scheduler)\//.test(module));
if (reactShipped.length > 0) fail(`React's runtime is in the build (map its entry point in client/react-compat.ts):\n  ${reactShipped.slice(0, 5).join('\n  ')}`);

const staffInStudentPath = [...modulesIn(dist, studentFiles)].filter(isStaffModule);
if (staffInStudentPath.length > 0) fail(`staff code is in the student path:\n  ${staffInStudentPath.join('\n  ')}`);
// zod and the schemas come after the first paint (client/src/lib/zod-config.ts says how it is still configured first).
const schemasInFirstPaint = [...modulesIn(dist, deviceFiles)].filter((module) => /\/node_modules\/zod\/|\/shared\/src\/http\//.test(module));
if (schemasInFirstPaint.length > 0) fail(`zod or the contract's schemas are in the device page's first paint:\n  ${schemasInFirstPaint.slice(0, 5).join('\n  ')}`);

function build(): string {
  execFileSync('npx', ['--no-install', 'vite', 'build', '--logLevel', 'warn'], { cwd: clientDir, stdio: ['ignore', 'ignore', 'inherit'] });
  return join(clientDir, 'dist');
}

function fail(message: string): never {
  process.stderr.write(`client-bundles: ${message}\n`);
  process.exit(1);
}
