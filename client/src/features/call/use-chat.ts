import { useCallback, useReducer, useRef, useState } from 'react';
import { toPeerbridgeError } from '../../lib/peerbridge-error';
import type { ChatSendResult } from './call-client';
import { composerReducer, emptyComposer } from './chat-composer';
import { sendableText, unreadCount, type ChatEntry } from './chat-log';

/**
 * The chat panel's open/closed state, the unread dot and the input. Lives on
 * the call screen rather than in the panel, so closing the panel keeps a
 * half-written (or blocked) message.
 */
export function useChat(entries: readonly ChatEntry[], send: (text: string) => Promise<ChatSendResult>) {
  const [open, setOpen] = useState(false);
  const [seen, setSeen] = useState(0);
  const [composer, dispatch] = useReducer(composerReducer, emptyComposer);
  const sending = useRef(false);

  // While the panel is open everything in it counts as read (React's "adjust state while rendering").
  if (open && seen !== entries.length) setSeen(entries.length);
  const unread = open ? 0 : unreadCount(entries, seen);

  const submit = useCallback(async () => {
    const text = sendableText(composer.text);
    if (!text || sending.current) return;
    sending.current = true;
    dispatch({ type: 'send' });
    try {
      const result = await send(text);
      dispatch(result.delivered ? { type: 'delivered' } : { type: 'blocked', explanation: result.explanation });
    } catch (error) {
      dispatch({ type: 'failed', message: toPeerbridgeError(error).message });
    } finally {
      sending.current = false;
    }
  }, [composer.text, send]);

  return {
    open,
    setOpen,
    unread,
    composer,
    edit: useCallback((text: string) => dispatch({ type: 'edit', text }), []),
    submit,
  };
}
