import { useState, type FormEvent } from 'react';
import { Button } from '../../ui/button';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { Notice } from '../../ui/notice';
import { Field } from '../../ui/field';
import { isCompletePin, sanitisePin } from '../sign-in/pin-code';
import { useSchoolTime, useStaffContext, useStaffErrors } from '../../lib/staff/staff-context';
import { handlesConcerns } from '../../lib/staff/staff-sections';
import { ChildChronology } from '../safeguarding/child-chronology';
import { describeRecord, recordMethodChoices } from './record-method';
import { missingRequirements, readinessLabel } from './student-readiness';
import { StudentMatchingPanel } from './student-matching-panel';
import { setStudentEligibility, setStudentPin, type EligibilityChange, type RecordMethod, type SchoolStudent } from './students-api';

export interface StudentRowProps {
  student: SchoolStudent;
  /** Ticked for setting PINs for several students at once. */
  selected: boolean;
  onSelect: (selected: boolean) => void;
  /** Something was saved: the list reloads to show the server's record, not our guess. */
  onChanged: () => Promise<void>;
}

interface PendingRecord {
  title: string;
  body: string;
  confirmLabel: string;
  change: EligibilityChange;
}

/** One student: whether they can take part yet, and the coordinator's actions to get them there. */
export function StudentRow({ student, selected, onSelect, onChanged }: StudentRowProps) {
  const time = useSchoolTime();
  const handleError = useStaffErrors();
  const [editingPin, setEditingPin] = useState(false);
  const [pending, setPending] = useState<PendingRecord | null>(null);
  const [method, setMethod] = useState<RecordMethod | ''>('');
  const [methodError, setMethodError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [matchingOpen, setMatchingOpen] = useState(false);
  const [chronologyOpen, setChronologyOpen] = useState(false);
  // A coordinator who is also the school's safeguarding lead reads a child's chronology from here too.
  const readsChronology = handlesConcerns(useStaffContext().staff.roles);
  const ready = missingRequirements(student).length === 0;
  const isMentee = student.role === 'mentee';
  const name = `${student.firstName} ${student.lastName}`;

  const run = async (action: () => Promise<void>, success: string) => {
    setBusy(true);
    setProblem(null);
    setSaved(null);
    try {
      await action();
      setSaved(success);
      await onChanged();
      return true;
    } catch (error) {
      setProblem(handleError(error).message);
      return false;
    } finally {
      setBusy(false);
    }
  };

  const recordedAt = isMentee ? student.parentalConsentAt : student.trainingCompletedAt;
  const record = isMentee ? student.parentalConsentRecord : student.trainingRecord;
  const recordName = isMentee ? 'Parental consent' : 'Mentor training';
  const askToRecord = (): PendingRecord =>
    isMentee
      ? recordedAt
        ? {
            title: `Withdraw parental consent for ${student.firstName}?`,
            body: `${student.firstName} will not be able to join sessions until consent is recorded again.`,
            confirmLabel: 'Withdraw consent',
            change: { parentalConsent: false },
          }
        : {
            title: `Record parental consent for ${student.firstName}?`,
            body: `Only record this once a parent or carer has agreed to ${student.firstName} taking part in video mentoring.`,
            confirmLabel: 'Record consent',
            change: { parentalConsent: true },
          }
      : recordedAt
        ? {
            title: `Remove ${student.firstName}'s training record?`,
            body: `${student.firstName} will not be able to mentor until the training is recorded again.`,
            confirmLabel: 'Remove record',
            change: { trainingCompleted: false },
          }
        : {
            title: `Record that ${student.firstName} has completed mentor training?`,
            body: 'Only record this once the child protection and confidentiality training is done.',
            confirmLabel: 'Record training',
            change: { trainingCompleted: true },
          };

  return (
    <li className="staff-row student-row" data-testid="student-row" data-student-id={student.id}>
      <label className="student-row__pick">
        <input
          type="checkbox"
          data-testid="student-select"
          aria-label={`Tick ${name} for new PINs`}
          checked={selected}
          onChange={(event) => onSelect(event.target.checked)}
        />
      </label>
      <div className="student-row__who">
        <span className="staff-row__title">{name}</span>
        <span className="staff-muted">
          Year {student.yearGroup} · {isMentee ? 'Mentee' : 'Mentor'}
        </span>
        <span className={`staff-tag ${ready ? 'staff-tag--ok' : 'staff-tag--todo'}`} data-testid="student-readiness">
          {readinessLabel(student)}
        </span>
      </div>

      <div className="student-row__facts">
        <div className="student-row__fact">
          <span>
            <strong>PIN:</strong> {student.hasPin ? 'set' : 'not set yet'}
          </span>
          {!editingPin ? (
            <Button
              variant="secondary"
              data-testid="student-set-pin"
              disabled={busy}
              onClick={() => {
                setSaved(null);
                setEditingPin(true);
              }}
            >
              {student.hasPin ? 'Change PIN' : 'Set PIN'}
            </Button>
          ) : null}
        </div>
        {editingPin ? (
          <PinForm
            studentName={student.firstName}
            busy={busy}
            onCancel={() => setEditingPin(false)}
            onSave={async (pin) => {
              const ok = await run(() => setStudentPin(student.id, pin), `PIN saved. Tell ${student.firstName} in person.`);
              if (ok) setEditingPin(false);
            }}
          />
        ) : null}

        <div className="student-row__fact">
          <span>
            <strong>{recordName}:</strong>{' '}
            <span data-testid="student-record">
              {record ? describeRecord(record, time.date) : recordedAt ? `recorded ${time.date(recordedAt)}` : 'not recorded'}
            </span>
          </span>
          <Button
            variant={recordedAt ? 'quiet' : 'secondary'}
            data-testid={isMentee ? 'student-consent-toggle' : 'student-training-toggle'}
            disabled={busy}
            onClick={() => {
              setMethod('');
              setMethodError(null);
              setPending(askToRecord());
            }}
          >
            {recordedAt ? (isMentee ? 'Withdraw' : 'Remove') : 'Record'}
          </Button>
        </div>

        <div className="student-row__fact">
          <span>
            <strong>Free periods and subjects</strong>
          </span>
          <Button variant="secondary" data-testid="student-matching-open" aria-expanded={matchingOpen} onClick={() => setMatchingOpen(!matchingOpen)}>
            {matchingOpen ? 'Hide' : 'Edit'}
          </Button>
        </div>

        {readsChronology ? (
          <div className="student-row__fact">
            <span>
              <strong>Safeguarding chronology</strong>
            </span>
            <Button variant="secondary" data-testid="student-chronology-open" aria-expanded={chronologyOpen} onClick={() => setChronologyOpen(!chronologyOpen)}>
              {chronologyOpen ? 'Hide' : 'Open'}
            </Button>
          </div>
        ) : null}

        {saved ? <p className="staff-saved" role="status">{saved}</p> : null}
        {problem ? <Notice tone="error">{problem}</Notice> : null}
      </div>

      {chronologyOpen ? <ChildChronology studentId={student.id} childName={name} onClose={() => setChronologyOpen(false)} /> : null}

      {matchingOpen ? <StudentMatchingPanel student={student} onClose={() => setMatchingOpen(false)} /> : null}

      {pending ? (
        <ConfirmDialog
          title={pending.title}
          confirmLabel={pending.confirmLabel}
          cancelLabel="Cancel"
          confirmTone={pending.change.parentalConsent === false || pending.change.trainingCompleted === false ? 'danger' : 'primary'}
          busy={busy}
          confirmTestId="student-record-confirm"
          onCancel={() => setPending(null)}
          onConfirm={() => {
            if (!method) {
              setMethodError(`Say how ${isMentee ? 'the consent or its withdrawal' : 'the training record'} reached you.`);
              return;
            }
            const change = { ...pending.change, method };
            setPending(null);
            void run(() => setStudentEligibility(student.id, change), 'Saved.');
          }}
        >
          <p>{pending.body}</p>
          <Field label="How did it reach you?" error={methodError} errorTestId="student-record-method-error">
            {(control) => (
              <select
                {...control}
                className="pb-input"
                data-testid="student-record-method"
                value={method}
                onChange={(event) => {
                  setMethod(event.target.value as RecordMethod | '');
                  setMethodError(null);
                }}
              >
                <option value="">Choose…</option>
                {recordMethodChoices.map((c) => (
                  <option key={c.method} value={c.method}>
                    {c.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </ConfirmDialog>
      ) : null}
    </li>
  );
}

function PinForm({
  studentName,
  busy,
  onSave,
  onCancel,
}: {
  studentName: string;
  busy: boolean;
  onSave: (pin: string) => Promise<void>;
  onCancel: () => void;
}) {
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!isCompletePin(pin)) {
      setError('A PIN is exactly 4 numbers.');
      return;
    }
    setError(null);
    void onSave(pin);
  };

  return (
    <form className="student-pin-form" onSubmit={submit} noValidate>
      <Field label={`New PIN for ${studentName}`} error={error}>
        {(control) => (
          <div className="staff-inline-form__row">
            <input
              {...control}
              className="pb-input student-pin-form__input"
              data-testid="student-pin-input"
              type="password"
              inputMode="numeric"
              pattern="[0-9]*"
              autoComplete="off"
              maxLength={4}
              value={pin}
              onChange={(event) => setPin(sanitisePin(event.target.value))}
              disabled={busy}
            />
            <Button type="submit" data-testid="student-pin-save" disabled={busy}>
              Save PIN
            </Button>
            <Button variant="quiet" onClick={onCancel} disabled={busy}>
              Cancel
            </Button>
          </div>
        )}
      </Field>
    </form>
  );
}
