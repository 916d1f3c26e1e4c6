import { SESSION_NOTE_MAX } from '@peerbridge/shared';
import { useState, type FormEvent } from 'react';
import { toPeerbridgeError } from '../../lib/peerbridge-error';
import { Button } from '../../ui/button';
import { Field } from '../../ui/field';
import { Notice } from '../../ui/notice';
import { saveSessionNote, type SignedInStudent } from './device-targets-api';
import './targets.css';

/**
 * The mentor's short note after the call (one per session), for the mentee's coordinator and safeguarding
 * lead and the mentor's own coordinator. Contact details are refused with a kind explanation, as in chat.
 */
export default function SessionNoteForm({ who }: { who: SignedInStudent }) {
  const [text, setText] = useState('');
  const [state, setState] = useState<{ step: 'writing' | 'saving' | 'saved'; problem?: string }>({ step: 'writing' });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) {
      setState({ step: 'writing', problem: 'Write a sentence or two first.' });
      return;
    }
    setState({ step: 'saving' });
    try {
      const answer = await saveSessionNote(who, text);
      setState(answer.saved ? { step: 'saved' } : { step: 'writing', problem: answer.explanation ?? "Your note wasn't saved." });
    } catch (error) {
      setState({ step: 'writing', problem: toPeerbridgeError(error).message });
    }
  };

  if (state.step === 'saved') {
    return (
      <p className="session-note" data-testid="session-note-saved" role="status">
        Thanks, your note is saved.
      </p>
    );
  }
  return (
    <form className="session-note" data-testid="session-note" onSubmit={(e) => void submit(e)}>
      <Field label="A short note about today's session" hint="What you worked on and anything staff should know. Your coordinators read it.">
        {(c) => <textarea {...c} data-testid="session-note-text" maxLength={SESSION_NOTE_MAX} value={text} onChange={(e) => setText(e.target.value)} />}
      </Field>
      {state.problem ? (
        <Notice tone="error" data-testid="session-note-problem">
          {state.problem}
        </Notice>
      ) : null}
      <Button type="submit" data-testid="session-note-save" disabled={state.step === 'saving'} aria-busy={state.step === 'saving'}>
        Save note
      </Button>
    </form>
  );
}
