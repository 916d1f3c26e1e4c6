import { parseSetupCode } from '../../lib/device-token';

/**
 * What staff typed on the setup screen: the short one-time enrolment code
 * from the staff page (`K7QMD-2XH9P`), or a device token / setup link as the
 * demo prints them.
 */
export type SetupInput =
  | { kind: 'enrolment-code'; code: string }
  | { kind: 'device-token'; token: string }
  /** Short and code-like but not ten characters: a typo, never worth storing as a token. */
  | { kind: 'mistyped-code' };

const CODE_CHARACTERS = /^[A-Za-z0-9\s\-–]+$/;
/** Real device tokens are long signed strings; anything this short made of code characters is a code gone wrong. */
const MAX_MISTYPED_CODE_LENGTH = 16;

// Ten letters or digits, optionally split in two halves (dash, en dash from autocorrect, or a space).
const ENROLMENT_CODE = /^[A-Za-z0-9]{5}[-–\s]?[A-Za-z0-9]{5}$/;

export function classifySetupInput(input: string): SetupInput | null {
  const trimmed = input.trim();
  if (ENROLMENT_CODE.test(trimmed)) {
    // The server is as forgiving, but sending the canonical form keeps its logs readable.
    return { kind: 'enrolment-code', code: trimmed.replace(/[^A-Za-z0-9]/g, '').toUpperCase() };
  }
  if (trimmed.length <= MAX_MISTYPED_CODE_LENGTH && CODE_CHARACTERS.test(trimmed)) return { kind: 'mistyped-code' };
  const token = parseSetupCode(trimmed);
  return token ? { kind: 'device-token', token } : null;
}
