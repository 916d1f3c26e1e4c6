import { useEffect, useId, useRef, type FormEvent } from 'react';
import { CloseIcon, SendIcon } from '../../ui/icons';
import { schoolTime } from '../../lib/school-time';
import type { ComposerState } from './chat-composer';
import { CHAT_COUNTER_FROM, CHAT_MAX_CHARS, sendableText, type ChatEntry } from './chat-log';

export interface ChatPanelProps {
  entries: readonly ChatEntry[];
  partnerName: string;
  /** The partner is not in the call right now: messages reach nobody until they are. */
  partnerAway: boolean;
  timeZone: string;
  composer: ComposerState;
  onEdit: (text: string) => void;
  onSend: () => void;
  onClose: () => void;
}

/**
 * The in-call chat: a side panel in landscape, a bottom sheet in portrait
 * (call-chat.css). It says plainly that staff can read it and what is not allowed,
 * so a blocked message is never a surprise.
 */
export function ChatPanel({ entries, partnerName, partnerAway, timeZone, composer, onEdit, onSend, onClose }: ChatPanelProps) {
  const titleId = useId();
  const inputId = useId();
  const listRef = useRef<HTMLOListElement>(null);
  const canSend = sendableText(composer.text) !== null && !composer.sending;

  useEffect(() => {
    // Newest at the bottom, like every messaging app they know.
    const list = listRef.current;
    if (list) list.scrollTop = list.scrollHeight;
  }, [entries.length]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (canSend) onSend();
  };

  return (
    <aside className="call-chat" data-testid="chat-panel" aria-labelledby={titleId}>
      <header className="call-chat__header">
        <h2 id={titleId} className="call-chat__title">
          Chat with {partnerName}
        </h2>
        <button type="button" className="call-chat__close" onClick={onClose} aria-label="Close chat">
          <CloseIcon size={26} />
        </button>
      </header>
      <p className="call-chat__note">
        Staff at both schools can read this chat. Phone numbers, emails, links and social media names can’t be sent.
      </p>

      <ol ref={listRef} className="call-chat__messages" aria-live="polite" aria-label="Messages">
        {entries.length === 0 ? <li className="call-chat__empty">No messages yet.</li> : null}
        {entries.map((entry) => (
          <li
            key={entry.id}
            className={`call-chat__message call-chat__message--${entry.from}`}
            data-testid="chat-message"
            data-from={entry.from}
          >
            <span className="call-chat__who">
              {entry.from === 'self' ? 'You' : entry.firstName}
              <time className="call-chat__time" dateTime={entry.at}>
                {schoolTime(timeZone).time(entry.at)}
              </time>
            </span>
            <span className="call-chat__text">{entry.text}</span>
          </li>
        ))}
      </ol>

      {partnerAway ? <p className="call-chat__away">{partnerName} isn’t in the call right now.</p> : null}

      <form className="call-chat__form" onSubmit={submit} noValidate>
        <label htmlFor={inputId} className="visually-hidden">
          Message to {partnerName}
        </label>
        <input
          id={inputId}
          className="pb-input call-chat__input"
          data-testid="chat-input"
          type="text"
          enterKeyHint="send"
          autoComplete="off"
          placeholder="Write a message"
          maxLength={CHAT_MAX_CHARS}
          value={composer.text}
          // Read-only, not disabled, while sending: the iPad keyboard stays up.
          readOnly={composer.sending}
          onChange={(event) => onEdit(event.target.value)}
          aria-describedby={composer.blocked ? `${inputId}-blocked` : undefined}
        />
        <button type="submit" className="call-chat__send" data-testid="chat-send" disabled={!canSend}>
          <SendIcon size={22} />
          {composer.sending ? 'Sending…' : 'Send'}
        </button>
      </form>
      {composer.text.length >= CHAT_COUNTER_FROM ? (
        <p className="call-chat__counter">
          {composer.text.length} of {CHAT_MAX_CHARS} characters
        </p>
      ) : null}
      {composer.blocked ? (
        <p id={`${inputId}-blocked`} className="call-chat__blocked" data-testid="chat-blocked" role="alert">
          {composer.blocked}
        </p>
      ) : null}
      {composer.error ? (
        <p className="call-chat__error" data-testid="chat-error" role="alert">
          Your message wasn’t sent. {composer.error}
        </p>
      ) : null}
    </aside>
  );
}
