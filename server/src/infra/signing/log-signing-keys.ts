import fs from 'node:fs';
import path from 'node:path';
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { Ed25519KeyRing, generateEd25519PrivatePem, keyIdOf, splitPems } from './ed25519-key-ring.js';

/**
 * Where the log signing key lives: a directory outside the database (by
 * default `DATA_DIR/log-signing`), holding
 *   signing-key.pem          the current private key (mode 0600)
 *   public-keys/<id>.pem     every public key ever used, current and retired
 * or, for deployments that keep secrets in the environment, LOG_SIGNING_KEY
 * (the private key's PEM) with LOG_SIGNING_PUBLIC_KEYS (retired public keys).
 */
export interface LogSigningKeySource {
  dir: string;
  privateKeyPem?: string | undefined;
  retiredPublicKeysPem?: string | undefined;
}

const PRIVATE_FILE = 'signing-key.pem';
const PUBLIC_DIR = 'public-keys';

function readPublicDir(dir: string): string[] {
  const publicDir = path.join(dir, PUBLIC_DIR);
  if (!fs.existsSync(publicDir)) return [];
  return fs
    .readdirSync(publicDir)
    .filter((f) => f.endsWith('.pem'))
    .sort()
    .flatMap((f) => splitPems(fs.readFileSync(path.join(publicDir, f), 'utf8')));
}

function writePublicKey(dir: string, privatePem: string): string {
  const publicKey = createPublicKey(createPrivateKey(privatePem));
  const keyId = keyIdOf(publicKey);
  fs.mkdirSync(path.join(dir, PUBLIC_DIR), { recursive: true });
  fs.writeFileSync(path.join(dir, PUBLIC_DIR, `${keyId}.pem`), publicKey.export({ type: 'spki', format: 'pem' }).toString());
  return keyId;
}

/** Loads the key ring, generating the first key on first start. */
export function loadLogSigningKeys(source: LogSigningKeySource): Ed25519KeyRing {
  const retired = [...readPublicDir(source.dir), ...splitPems(source.retiredPublicKeysPem ?? '')];
  if (source.privateKeyPem) return new Ed25519KeyRing(source.privateKeyPem, retired);
  const file = path.join(source.dir, PRIVATE_FILE);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(source.dir, { recursive: true, mode: 0o700 });
    const pem = generateEd25519PrivatePem();
    try {
      fs.writeFileSync(file, pem, { mode: 0o600, flag: 'wx' });
      writePublicKey(source.dir, pem);
    } catch (error) {
      // Another process made it first: use theirs.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  const pem = fs.readFileSync(file, 'utf8');
  // Keep the public copy even if someone deleted it: a key that signed must stay verifiable.
  writePublicKey(source.dir, pem);
  return new Ed25519KeyRing(pem, readPublicDir(source.dir));
}

/**
 * Replaces the signing key with a new one. The old private key is destroyed
 * (it can sign nothing more); its public key stays in `public-keys/`, so
 * everything it signed still verifies. The running server picks the new key
 * up at its next start.
 */
export function rotateLogSigningKey(dir: string): { retiredKeyId: string | undefined; keyId: string } {
  const file = path.join(dir, PRIVATE_FILE);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const retiredKeyId = fs.existsSync(file) ? writePublicKey(dir, fs.readFileSync(file, 'utf8')) : undefined;
  const pem = generateEd25519PrivatePem();
  const keyId = writePublicKey(dir, pem);
  const next = `${file}.next`;
  fs.writeFileSync(next, pem, { mode: 0o600 });
  fs.renameSync(next, file);
  return { retiredKeyId, keyId };
}
