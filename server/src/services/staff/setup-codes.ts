import { createHash, randomInt } from 'node:crypto';
import { Temporal } from 'temporal-polyfill';

/*
 * One-time set-up codes, with which a new member of staff (or one whose
 * password was reset) chooses their own password. No email can be sent from
 * here, so the code is shown once to the person who hands it on; only its
 * hash is stored.
 */

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const SETUP_CODE_LIFETIME = Temporal.Duration.from({ hours: 24 * 7 });

/** Case, spaces and dashes do not matter when the code is typed back. */
export const setupCodeHash = (code: string) => createHash('sha256').update(code.toUpperCase().replace(/[^A-Z0-9]/g, '')).digest('hex');

export function newSetupCode(): string {
  let code = '';
  for (let i = 0; i < 12; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
}
