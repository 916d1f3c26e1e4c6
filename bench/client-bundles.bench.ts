import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { compressedSize, modulesIn, reachableFiles, staticFiles, staticKeys, type Manifest, type PathSize } from './bundle-graph.js';
import { reactFloor } from './react-floor.js';

/*
 * What a school iPad downloads, in bytes as served (the build's brotli copies; gzip beside them),
 * walked from the build manifest's chunk graph:
 *  - device: the device page's first paint, i.e. index.html and every file it loads before the app
 *    runs (the entry chunk, its static imports transitively, their CSS);
 *  - student: a student's whole way through a call: the device page, then every chunk the iPad app
 *    imports on the way (PIN screen, pre-join, call, chat, targets), transitively, dynamic imports too.
 * The baseline in the same run is the floor no page can go under: React and react-dom alone,
 * rendering one button, built by the same Vite and compressed the same way.
 * CLIENT_DIST=<dir> measures an existing build (with its manifest and source maps) instead of building.
 */

const root = resolve(import.meta.dirname, '..');
const clientDir = join(root, 'client');

/** The iPad app's dynamic imports a student's browser takes from the device page to the end of a call. */
const STUDENT_DYNAMIC_ENTRIES = ['src/features/call/session-view.tsx'];

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

const deviceFiles = new Set(['index.html', ...staticFiles(manifest, ['index.html'])]);
const studentEntries = STUDENT_DYNAMIC_ENTRIES.filter((key) => key in manifest);
const deviceChunks = staticKeys(manifest, ['index.html']);
const studentFiles = new Set([...deviceFiles, ...reachableFiles(manifest, studentEntries, deviceChunks)]);
const allFiles = new Set(['index.html', ...reachableFiles(manifest, ['index.html'])]);
const staffOnlyFiles = [...allFiles].filter((file) => !studentFiles.has(file));

const kb = (bytes: number) => (bytes / 1000).toFixed(1);
const line = (label: string, size: PathSize) =>
  console.log(`${label} kb=${kb(size.brotli)} gzip_kb=${kb(size.gzip)} files=${size.files}`);

line('client-bundle path=device', compressedSize(dist, deviceFiles));
line('client-bundle path=student', compressedSize(dist, studentFiles));
line('client-bundle path=staff-only', compressedSize(dist, staffOnlyFiles));
const floor = await reactFloor(root);
console.log(`client-bundle-floor react-dom kb=${kb(floor.brotli)} gzip_kb=${kb(floor.gzip)}`);

const missing = STUDENT_DYNAMIC_ENTRIES.filter((key) => !(key in manifest));
const staffInStudentPath = [...modulesIn(dist, studentFiles)].filter(isStaffModule);
if (missing.length > 0) fail(`the build has no chunk for ${missing.join(', ')}: the student path is measured wrong`);
if (staffInStudentPath.length > 0) fail(`staff code is in the student path:\n  ${staffInStudentPath.join('\n  ')}`);

function build(): string {
  execFileSync('npx', ['--no-install', 'vite', 'build', '--logLevel', 'warn'], { cwd: clientDir, stdio: ['ignore', 'ignore', 'inherit'] });
  return join(clientDir, 'dist');
}

function fail(message: string): never {
  console.error(`client-bundles: ${message}`);
  process.exit(1);
}
