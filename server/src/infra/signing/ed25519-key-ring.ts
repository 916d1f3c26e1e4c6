import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import type { Signature, SignatureCheckResult, SignatureChecker, Signer } from '../../domain/audit/signature.js';

/** A key's id: the first 16 hex digits of the sha256 of its public key (SPKI DER). Stable across formats. */
export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 16);
}

export interface PublicKeyRecord {
  keyId: string;
  pem: string;
}

function asEd25519Public(pem: string, what: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
  } catch {
    throw new Error(`${what} is not a PEM public key`);
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`${what} is a ${key.asymmetricKeyType} key, not Ed25519`);
  return key;
}

/** Splits text holding one or more PEM public keys (a file, or an environment variable) into single PEMs. */
export function splitPems(text: string): string[] {
  return text.match(/-----BEGIN PUBLIC KEY-----[\s\S]*?-----END PUBLIC KEY-----/g) ?? [];
}

/**
 * Checks signatures against a set of Ed25519 public keys. This is all an
 * offline verifier holds: it can tell a real signature from a forged one but
 * cannot make either.
 */
export class Ed25519Verifier implements SignatureChecker {
  private readonly keys = new Map<string, KeyObject>();

  constructor(publicPems: readonly string[]) {
    publicPems.forEach((pem, i) => {
      const key = asEd25519Public(pem, `public key ${i + 1}`);
      this.keys.set(keyIdOf(key), key);
    });
  }

  check(message: string, { keyId, signature }: Signature): SignatureCheckResult {
    const key = this.keys.get(keyId);
    if (!key) return 'unknown_key';
    try {
      return verify(null, Buffer.from(message, 'utf8'), key, Buffer.from(signature, 'base64url')) ? 'valid' : 'invalid';
    } catch {
      return 'invalid';
    }
  }

  publicKeys(): PublicKeyRecord[] {
    return [...this.keys].map(([keyId, key]) => ({ keyId, pem: key.export({ type: 'spki', format: 'pem' }).toString() }));
  }
}

/**
 * The server's signing key and every public key it has used: signs with the
 * current one, verifies with any, so what was signed before a rotation still
 * verifies after it.
 */
export class Ed25519KeyRing extends Ed25519Verifier implements Signer {
  readonly keyId: string;
  private readonly privateKey: KeyObject;

  constructor(privatePem: string, retiredPublicPems: readonly string[] = []) {
    let privateKey: KeyObject;
    try {
      privateKey = createPrivateKey(privatePem);
    } catch {
      throw new Error('the log signing key is not a PEM private key');
    }
    if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error(`the log signing key is ${privateKey.asymmetricKeyType}, not Ed25519`);
    const publicPem = createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString();
    super([...retiredPublicPems, publicPem]);
    this.privateKey = privateKey;
    this.keyId = keyIdOf(createPublicKey(privateKey));
  }

  sign(message: string): Signature {
    return { keyId: this.keyId, signature: sign(null, Buffer.from(message, 'utf8'), this.privateKey).toString('base64url') };
  }

  /** PEM of the current public key: what a verifier needs. */
  currentPublicKey(): string {
    return this.publicKeys().find((k) => k.keyId === this.keyId)!.pem;
  }
}

export function generateEd25519PrivatePem(): string {
  const { privateKey } = generateKeyPairSync('ed25519');
  return privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}
