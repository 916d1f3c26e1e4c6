import { hash, verify } from '@node-rs/argon2';

/** argon2id (the library's const enum value 2) with OWASP's recommended minimum: 19 MiB, 2 passes. */
const options = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashSecret(secret: string): Promise<string> {
  return hash(secret, options);
}

export async function verifySecret(storedHash: string, secret: string): Promise<boolean> {
  try {
    return await verify(storedHash, secret);
  } catch {
    return false;
  }
}

/** Verified against when an account does not exist, so a wrong email costs as long as a wrong password. */
export const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$Kx6Dv62cwYZT4jzLWBOIBw$L9OKfLLYgonTgKWSLPHO1p52J1dUQcx/W6iUnrZ+PPk';
