/**
 * Signatures as the audit rules see them: a key id and an opaque signature
 * over a text message. The keys themselves live outside the domain (and
 * outside the database); these interfaces are all the rules need.
 */
export interface Signature {
  /** Names the public key that verifies it; keys rotate, so there may be several. */
  keyId: string;
  /** base64url. */
  signature: string;
}

export interface Signer {
  /** The id of the key new signatures are made with. */
  readonly keyId: string;
  sign(message: string): Signature;
}

export type SignatureCheckResult = 'valid' | 'invalid' | 'unknown_key';

export interface SignatureChecker {
  check(message: string, signature: Signature): SignatureCheckResult;
}
