import { useState, type FormEvent } from 'react';
import { Button } from '../../ui/button';
import { Notice } from '../../ui/notice';
import { Field } from '../../ui/field';
import { useStaffErrors } from '../../lib/staff/staff-context';
import { staffConcernProblem } from './concern-amendments';
import { raiseStaffConcern } from './concerns-api';
import { useConcernsChanged } from './safeguarding-queries';
import type { SessionStudent, StaffSessionSummary } from './session-log-api';
import './concerns.css';

const WHAT_HAPPENED_MAX = 2000;

/**
 * Any member of school staff (coordinator, supervisor, safeguarding lead) can
 * raise a concern about a session's children. It goes to the safeguarding
 * lead at each chosen child's school; the description is required, because
 * staff, unlike a worried child, always say what they saw.
 */
export function RaiseConcern({ session }: { session: StaffSessionSummary }) {
  const [open, setOpen] = useState(false);
  const [sent, setSent] = useState(false);

  if (!open) {
    return (
      <div className="raise-concern">
        {sent ? (
          <p className="staff-saved" role="status" data-testid="raise-concern-done">
            Concern sent. The safeguarding lead at each child’s school has been told.
          </p>
        ) : null}
        <Button
          variant="secondary"
          data-testid="raise-concern-button"
          onClick={() => {
            setSent(false);
            setOpen(true);
          }}
        >
          Raise a concern
        </Button>
      </div>
    );
  }

  return (
    <RaiseConcernForm
      session={session}
      onCancel={() => setOpen(false)}
      onSent={() => {
        setSent(true);
        setOpen(false);
      }}
    />
  );
}

function RaiseConcernForm({ session, onCancel, onSent }: { session: StaffSessionSummary; onCancel: () => void; onSent: () => void }) {
  const handleError = useStaffErrors();
  const concernsChanged = useConcernsChanged();
  const [chosen, setChosen] = useState<string[]>([]);
  const [whatHappened, setWhatHappened] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const students: Array<{ student: SessionStudent; role: string }> = [
    { student: session.mentor, role: 'mentor' },
    { student: session.mentee, role: 'mentee' },
  ];

  const toggle = (studentId: string, on: boolean) =>
    setChosen((current) => (on ? [...current, studentId] : current.filter((c) => c !== studentId)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing = staffConcernProblem(chosen, whatHappened);
    if (missing) {
      setProblem(missing);
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      await raiseStaffConcern({ sessionId: session.id, studentIds: chosen, whatHappened: whatHappened.trim() });
      concernsChanged();
      onSent();
    } catch (error) {
      setProblem(handleError(error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="raise-concern raise-concern--open" data-testid="raise-concern-form" onSubmit={(e) => void submit(e)} noValidate>
      <h4 className="raise-concern__title">Raise a concern about this session</h4>
      <fieldset className="raise-concern__children">
        <legend className="pb-field__label">Which child is it about?</legend>
        {students.map(({ student, role }) => (
          <label key={role} className="raise-concern__child">
            <input
              type="checkbox"
              data-testid="raise-concern-student"
              data-student-id={student.id ?? ''}
              // Without the id the server could not tell who is meant.
              disabled={!student.id || busy}
              checked={student.id ? chosen.includes(student.id) : false}
              onChange={(event) => student.id && toggle(student.id, event.target.checked)}
            />
            <span>
              {student.firstName} <span className="staff-muted">({role}, {student.schoolName})</span>
            </span>
          </label>
        ))}
      </fieldset>
      <Field label="What happened" hint="What you saw or heard, in plain words, and when. Quote the child’s own words where you can.">
        {(control) => (
          <textarea
            {...control}
            className="pb-input raise-concern__text"
            data-testid="raise-concern-text"
            rows={5}
            maxLength={WHAT_HAPPENED_MAX}
            value={whatHappened}
            onChange={(event) => setWhatHappened(event.target.value)}
            disabled={busy}
          />
        )}
      </Field>
      {problem ? (
        <Notice tone="error" data-testid="raise-concern-error">
          {problem}
        </Notice>
      ) : null}
      <div className="staff-inline-form__row">
        <Button type="submit" data-testid="raise-concern-submit" disabled={busy}>
          {busy ? 'Sending…' : 'Send to the safeguarding lead'}
        </Button>
        <Button variant="quiet" onClick={onCancel} disabled={busy}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
