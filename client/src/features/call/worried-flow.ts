/**
 * The "I'm worried" button. One tap is the report: the concern is raised at
 * once, before any question is asked, because a child who is worried may not
 * manage a second step. Afterwards they may add a sentence in their own words,
 * which is added to that same concern (one press is one concern). A failure is said plainly, with a retry: a
 * child must never believe they were heard when they were not.
 */
export type WorriedState =
  | { step: 'closed' }
  /** The one-tap report is on its way. */
  | { step: 'raising' }
  | { step: 'raise-failed'; message: string }
  | {
      step: 'raised';
      /** The concern the tap raised: their words are added to it. */
      concernId: string;
      /** Their own words are on their way. */
      sendingWords: boolean;
      wordsSent: boolean;
      wordsError: string | null;
    };

export type WorriedAction =
  | { type: 'tap' }
  | { type: 'raised'; concernId: string }
  | { type: 'raise-failed'; message: string }
  | { type: 'send-words' }
  | { type: 'words-sent' }
  | { type: 'words-failed'; message: string }
  | { type: 'close' };

export const worriedClosed: WorriedState = { step: 'closed' };

export function worriedReducer(state: WorriedState, action: WorriedAction): WorriedState {
  switch (action.type) {
    case 'tap':
      // A second tap while a report is already on its way changes nothing.
      return state.step === 'raising' ? state : { step: 'raising' };
    case 'raised':
      return { step: 'raised', concernId: action.concernId, sendingWords: false, wordsSent: false, wordsError: null };
    case 'raise-failed':
      return { step: 'raise-failed', message: action.message };
    case 'send-words':
      return state.step === 'raised' ? { ...state, sendingWords: true, wordsError: null } : state;
    case 'words-sent':
      return state.step === 'raised' ? { ...state, sendingWords: false, wordsSent: true } : state;
    case 'words-failed':
      return state.step === 'raised' ? { ...state, sendingWords: false, wordsError: action.message } : state;
    case 'close':
      return worriedClosed;
  }
}

/** Something is on its way: closing now could hide a failure the child needs to see. */
export function isBusy(state: WorriedState): boolean {
  return state.step === 'raising' || (state.step === 'raised' && state.sendingWords);
}
