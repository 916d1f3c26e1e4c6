import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { SessionLogEvidenceFile } from '@peerbridge/shared';
import { verifyEvidence, type EvidenceFile } from '../domain/audit/evidence-file.js';
import { Ed25519Verifier, splitPems } from '../infra/signing/ed25519-key-ring.js';

/**
 * `npm run verify-evidence -w @peerbridge/server -- file.json --public-key key.pem`
 *
 * Checks a session-log evidence file offline: needs no server, no database and
 * no network, only the school's Peerbridge public key(s). Exit status 0: intact;
 * 1: altered, incomplete or not signed by that key; 2: could not be checked.
 */
const usage = 'Usage: verify-evidence <file.json> --public-key <key.pem> [--public-key <older-key.pem> …]';

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({ allowPositionals: true, options: { 'public-key': { type: 'string', multiple: true } } });
} catch (error) {
  fail(`${(error as Error).message}\n${usage}`);
}
const [file, ...extra] = parsed.positionals;
const keyFiles = parsed.values['public-key'] ?? [];
if (!file || extra.length > 0 || keyFiles.length === 0) fail(usage);

const read = (path: string, what: string) => {
  try {
    return fs.readFileSync(path, 'utf8');
  } catch (error) {
    return fail(`Cannot read ${what} ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
};

const pems = keyFiles.flatMap((path) => {
  const found = splitPems(read(path, 'public key'));
  if (found.length === 0) fail(`${path} holds no PEM public key (-----BEGIN PUBLIC KEY-----).`);
  return found;
});
let verifier: Ed25519Verifier;
try {
  verifier = new Ed25519Verifier(pems);
} catch (error) {
  fail((error as Error).message);
}

let json: unknown;
try {
  json = JSON.parse(read(file, 'evidence file'));
} catch {
  fail(`${file} is not JSON.`);
}
const evidence = SessionLogEvidenceFile.safeParse(json);
if (!evidence.success) {
  fail(`${file} is not a Peerbridge evidence file: ${evidence.error.issues.map((i) => `${i.path.join('.') || 'file'} ${i.message}`).slice(0, 5).join('; ')}`);
}

const result = verifyEvidence(evidence.data as EvidenceFile, verifier);
const { session, exportedAt, exportedBy, entries } = evidence.data;
process.stdout.write(
  [
    `Session ${session.id} (${session.startsAt} – ${session.endsAt})`,
    `Exported ${exportedAt} by ${exportedBy.name}; ${entries.length} entries, ${evidence.data.checkpoints.length} checkpoints.`,
    `File signature: ${result.fileSignature}.`,
    result.ok ? `INTACT. ${result.message}` : `NOT INTACT. ${result.message}`,
  ].join('\n') + '\n',
);
process.exit(result.ok ? 0 : 1);
