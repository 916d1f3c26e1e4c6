import { useCallback, useReducer, useRef } from 'react';
import { toPeerbridgeError } from '../../lib/peerbridge-error';
import type { RaisedConcern } from './call-client';
import { isBusy, worriedClosed, worriedReducer } from './worried-flow';

/** Drives the "I'm worried" dialog; the rules are in worried-flow.ts. */
export function useWorriedFlow(raise: (text?: string, concernId?: string) => Promise<RaisedConcern>) {
  const [state, dispatch] = useReducer(worriedReducer, worriedClosed);
  // One report at a time, whatever the fingers do.
  const inFlight = useRef(false);

  const once = useCallback(async (run: () => Promise<void>) => {
    if (inFlight.current) return;
    inFlight.current = true;
    try {
      await run();
    } finally {
      inFlight.current = false;
    }
  }, []);

  const tap = useCallback(
    () =>
      once(async () => {
        dispatch({ type: 'tap' });
        try {
          const { concernId } = await raise();
          dispatch({ type: 'raised', concernId });
        } catch (error) {
          dispatch({ type: 'raise-failed', message: toPeerbridgeError(error).message });
        }
      }),
    [once, raise],
  );

  const sendWords = useCallback(
    (text: string) =>
      once(async () => {
        if (state.step !== 'raised') return;
        const { concernId } = state;
        dispatch({ type: 'send-words' });
        try {
          const { wordsNotKept } = await raise(text, concernId);
          // The worry reached the safeguarding leads, but without these words: say so, so the child can try again.
          dispatch(wordsNotKept ? { type: 'words-failed', message: wordsNotKept } : { type: 'words-sent' });
        } catch (error) {
          dispatch({ type: 'words-failed', message: toPeerbridgeError(error).message });
        }
      }),
    [once, raise, state],
  );

  const close = useCallback(() => {
    if (!isBusy(state)) dispatch({ type: 'close' });
  }, [state]);

  return { state, tap, sendWords, close };
}
