/** Staff passwords: long rather than clever (the server holds the same minimum). */
export const MIN_PASSWORD_LENGTH = 12;

export interface SetupAccountDraft {
  code: string;
  password: string;
  again: string;
}

export type SetupCheck = { ok: true; code: string; password: string } | { ok: false; message: string };

/**
 * Checked before sending, so a typo in the second password costs no try
 * against the server's per-minute limit. The code goes as typed (trimmed):
 * the server ignores case, spaces and dashes.
 */
export function checkSetup(draft: SetupAccountDraft): SetupCheck {
  const code = draft.code.trim();
  if (!code) return { ok: false, message: 'Type the set-up code your coordinator gave you.' };
  if (draft.password.length < MIN_PASSWORD_LENGTH) {
    return { ok: false, message: `Choose a password of at least ${MIN_PASSWORD_LENGTH} characters. A few words in a row is easy to remember.` };
  }
  if (draft.password !== draft.again) return { ok: false, message: "The two passwords aren't the same. Type it again in both boxes." };
  return { ok: true, code, password: draft.password };
}
