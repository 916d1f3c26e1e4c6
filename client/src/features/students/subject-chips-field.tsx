import { subjectWords } from '@peerbridge/shared';
import { useId, useState, type KeyboardEvent } from 'react';
import { Button } from '../../ui/button';
import { Field } from '../../ui/field';
import { addSubject, suggestionsFor } from './subject-chips';

/** A student's subjects as removable chips, with a box to add one and suggestions from what the partnership already uses. */
export function SubjectChipsField({
  label,
  hint,
  subjects,
  known,
  error,
  disabled,
  onChange,
}: {
  label: string;
  hint: string;
  subjects: readonly string[];
  known: readonly string[];
  /** The server's refusal, shown here next to the field it names. */
  error: string | null;
  disabled: boolean;
  onChange: (subjects: string[]) => void;
}) {
  const [typed, setTyped] = useState('');
  const [typingError, setTypingError] = useState<string | null>(null);
  const listId = useId();
  const suggestions = suggestionsFor(typed, known, subjects);

  const add = (text: string) => {
    const result = addSubject(subjects, text);
    if ('error' in result) {
      setTypingError(result.error);
      return;
    }
    setTypingError(null);
    setTyped('');
    onChange(result.list);
  };
  const onKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      add(typed);
    }
  };

  return (
    <div className="subject-chips" data-testid="subjects-field">
      <ul className="subject-chips__list" aria-label={label} data-testid="subject-chips">
        {subjects.length === 0 ? <li className="staff-muted">None yet.</li> : null}
        {subjects.map((subject) => (
          <li key={subject} className="subject-chip" data-testid="subject-chip" data-subject={subject}>
            <span title={subject}>{subjectWords(subject)}</span>
            <button
              type="button"
              className="subject-chip__remove"
              aria-label={`Remove ${subjectWords(subject)}`}
              data-testid={`subject-remove-${subject}`}
              disabled={disabled}
              onClick={() => onChange(subjects.filter((s) => s !== subject))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <Field label={label} hint={hint} error={typingError ?? error} errorTestId="subjects-error">
        {(control) => (
          <div className="staff-inline-form__row">
            <input
              {...control}
              className="pb-input"
              data-testid="subject-input"
              list={listId}
              autoComplete="off"
              value={typed}
              disabled={disabled}
              onChange={(event) => {
                setTyped(event.target.value);
                setTypingError(null);
              }}
              onKeyDown={onKey}
            />
            <datalist id={listId}>
              {suggestions.map((s) => (
                <option key={s} value={s} />
              ))}
            </datalist>
            <Button variant="secondary" data-testid="subject-add" disabled={disabled} onClick={() => add(typed)}>
              Add
            </Button>
          </div>
        )}
      </Field>
      {suggestions.length > 0 ? (
        <div className="subject-chips__suggestions" aria-label="Suggested subjects" role="group">
          {suggestions.map((s) => (
            <button key={s} type="button" className="subject-suggestion" data-testid="subject-suggestion" disabled={disabled} onClick={() => add(s)}>
              + {subjectWords(s)}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
