import { loadConfig } from '../config/config.js';
import { loadLogSigningKeys, rotateLogSigningKey } from '../infra/signing/log-signing-keys.js';

/**
 * `npm run log-keys -w @peerbridge/server -- public-keys` prints every public key the server has
 * signed logs with (give these to whoever verifies evidence files);
 * `… -- rotate` replaces the signing key, keeping the old public key, and takes effect at the next start.
 */
const config = loadConfig();
const command = process.argv[2];
if (command === 'public-keys') {
  const keys = loadLogSigningKeys(config.logSigning);
  for (const { keyId, pem } of keys.publicKeys()) {
    process.stdout.write(`# key ${keyId}${keyId === keys.keyId ? ' (current)' : ' (retired)'}\n${pem}`);
  }
} else if (command === 'rotate') {
  if (config.logSigning.privateKeyPem) {
    process.stderr.write('LOG_SIGNING_KEY is set: rotate by setting a new key there and adding the old public key to LOG_SIGNING_PUBLIC_KEYS.\n');
    process.exit(2);
  }
  const { retiredKeyId, keyId } = rotateLogSigningKey(config.logSigning.dir);
  process.stdout.write(`New signing key ${keyId}${retiredKeyId ? `; ${retiredKeyId} retired (its public key is kept)` : ''}. Restart the server to use it.\n`);
} else {
  process.stderr.write('Usage: log-keys public-keys | rotate\n');
  process.exit(2);
}
