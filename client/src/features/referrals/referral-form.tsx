import { useState } from 'react';
import type { ReferralSource } from '@peerbridge/shared';
import { Button } from '../../ui/button';
import { Field } from '../../ui/field';
import { Notice } from '../../ui/notice';
import { useSchoolStudents } from '../students/students-queries';
import { createReferral } from './referrals-api';
import { useReferralAction } from './use-referral-action';

/**
 * Refer one of the school's own students: a Year 11 mentee (by staff, or a self-referral staff record)
 * with reasons from the school's list and a note, or a Year 12/13 student's application to mentor.
 */
export function ReferralForm({ reasons }: { reasons: readonly string[] }) {
  const students = useSchoolStudents();
  const { busy, error, run } = useReferralAction();
  const [studentId, setStudentId] = useState('');
  const [source, setSource] = useState<ReferralSource>('staff');
  const [chosen, setChosen] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const referable = (students.data ?? []).filter((s) => (s.role === 'mentee' && s.yearGroup === 11) || (s.role === 'mentor' && (s.yearGroup === 12 || s.yearGroup === 13)));
  const student = referable.find((s) => s.id === studentId);
  const kind = student?.role === 'mentor' ? 'mentor' : 'mentee';

  const submit = async () => {
    if (!student) return;
    setDone(null);
    const ok = await run(() => createReferral({ studentId, kind, source, reasons: chosen, note }));
    if (ok) {
      setDone(`${student.firstName} ${student.lastName} is in the queue.`);
      setStudentId('');
      setChosen([]);
      setNote('');
    }
  };

  return (
    <form className="referrals-form" data-testid="referral-form" onSubmit={(e) => (e.preventDefault(), void submit())}>
      <div className="referrals-form__row">
        <Field label="Student" hint="Year 11 students to refer; Year 12 and 13 students to apply as mentors.">
          {(control) => (
            <select {...control} className="pb-input" data-testid="referral-student" value={studentId} onChange={(e) => setStudentId(e.target.value)}>
              <option value="">Choose a student…</option>
              {referable.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.firstName} {s.lastName} (Year {s.yearGroup}
                  {s.role === 'mentor' ? ', mentor application' : ''})
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Who asked">
          {(control) => (
            <select {...control} className="pb-input" data-testid="referral-source" value={source} onChange={(e) => setSource(e.target.value as ReferralSource)}>
              <option value="staff">Referred by a member of staff</option>
              <option value="self">The student asked (self-referral)</option>
            </select>
          )}
        </Field>
      </div>
      <fieldset className="referrals-reasons" data-testid="referral-reasons">
        <legend className="pb-field__label">Reasons{kind === 'mentor' ? ' (optional for a mentor)' : ''}</legend>
        {reasons.map((reason) => (
          <label key={reason}>
            <input
              type="checkbox"
              data-testid="referral-reason"
              value={reason}
              checked={chosen.includes(reason)}
              onChange={(e) => setChosen((now) => (e.target.checked ? [...now, reason] : now.filter((r) => r !== reason)))}
            />
            {reason}
          </label>
        ))}
      </fieldset>
      <Field label="Note" hint="What the referrer saw, in a sentence or two. The student's own school sees it; the partner school never does.">
        {(control) => <textarea {...control} className="pb-input" rows={3} maxLength={2000} data-testid="referral-note" value={note} onChange={(e) => setNote(e.target.value)} />}
      </Field>
      {error ? <Notice tone="error" data-testid="referral-form-error">{error}</Notice> : null}
      {done ? <Notice data-testid="referral-form-done">{done}</Notice> : null}
      <div>
        <Button type="submit" data-testid="referral-submit" disabled={busy || !student}>
          {kind === 'mentor' ? 'Record the application' : 'Refer the student'}
        </Button>
      </div>
    </form>
  );
}
