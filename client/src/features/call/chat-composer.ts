/**
 * The chat input's state. A message the server blocked was NOT sent: its
 * text stays in the box so the child can change it, and the server's kind
 * explanation stays under it until a message goes through.
 */
export interface ComposerState {
  text: string;
  sending: boolean;
  /** The server's explanation of why the last message was not sent. */
  blocked: string | null;
  /** We could not ask the server at all (Wi-Fi, timeout). */
  error: string | null;
}

export type ComposerAction =
  | { type: 'edit'; text: string }
  | { type: 'send' }
  | { type: 'delivered' }
  | { type: 'blocked'; explanation: string | undefined }
  | { type: 'failed'; message: string };

export const emptyComposer: ComposerState = { text: '', sending: false, blocked: null, error: null };

const DEFAULT_BLOCKED = "That message wasn't sent. Try saying it another way.";

export function composerReducer(state: ComposerState, action: ComposerAction): ComposerState {
  switch (action.type) {
    case 'edit':
      // The explanation stays while they edit: it says what to change.
      return { ...state, text: action.text, error: null };
    case 'send':
      return { ...state, sending: true, error: null };
    case 'delivered':
      return emptyComposer;
    case 'blocked':
      return { ...state, sending: false, blocked: action.explanation?.trim() || DEFAULT_BLOCKED };
    case 'failed':
      return { ...state, sending: false, error: action.message };
  }
}
