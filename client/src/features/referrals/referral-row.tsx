import { useState } from 'react';
import type { RecordMethod, Referral, ReferralLetter, ReferralStaff } from '@peerbridge/shared';
import { useSchoolTime } from '../../lib/staff/staff-context';
import { Button } from '../../ui/button';
import { Field } from '../../ui/field';
import { Notice } from '../../ui/notice';
import { describeRecord, recordMethodChoices } from '../students/record-method';
import { ReferralLetterView } from './referral-letter';
import { nextStep, reasonsWords, referralStatusWords } from './referral-words';
import { fetchReferralLetter, passToDsl, recordConsent, recordOptIn, recordTraining, requestConsent, setReferralStatus } from './referrals-api';
import { useReferralAction } from './use-referral-action';

/** One referral in the queue: what is on record, and (opened) what to record next. */
export function ReferralRow({ referral: r, staff, today }: { referral: Referral; staff: readonly ReferralStaff[]; today: string }) {
  const time = useSchoolTime();
  const [open, setOpen] = useState(false);
  const closed = r.status === 'declined' || r.status === 'withdrawn';
  const step = nextStep(r);
  return (
    <li className="staff-row referral-row" data-testid="referral-row" data-status={r.status} data-student={`${r.student.firstName} ${r.student.lastName}`}>
      <div className="staff-row__main">
        <span className="staff-row__title">
          {r.student.firstName} {r.student.lastName} · Year {r.student.yearGroup} · {r.kind === 'mentor' ? 'Mentor application' : r.source === 'self' ? 'Self-referral' : 'Referral'}
        </span>
        <span data-testid="referral-status">{referralStatusWords[r.status]}</span>
        <ul className="referral-row__facts">
          <li>{reasonsWords(r.reasons)}</li>
          <li className="staff-muted">
            {r.referredBy ? `by ${r.referredBy}, ` : ''}
            {time.date(r.createdAt)}
          </li>
          {r.note ? <li>“{r.note}”</li> : null}
          {r.optIn ? <li data-testid="referral-optin-done">Agreed {time.date(r.optIn.at)}{r.optIn.askedBy ? `, asked by ${r.optIn.askedBy}` : ''}</li> : null}
          {r.consentRequest && !r.consent ? <li>Consent asked for {time.date(r.consentRequest.at)}{r.consentRequest.by ? ` by ${r.consentRequest.by}` : ''}</li> : null}
          {r.kind === 'mentee' && r.consent ? <li data-testid="referral-consent-done">Parental consent {describeRecord(r.consent, time.date)}</li> : null}
          {r.training.map((t) => (
            <li key={`${t.course}-${t.completedOn}`}>Trained: {t.course}, {t.completedOn}</li>
          ))}
          {r.statusReason ? <li>Why: {r.statusReason}</li> : null}
          {r.passedToDsl ? <li data-testid="referral-dsl-done">Passed to the safeguarding lead {time.date(r.passedToDsl.at)}</li> : null}
        </ul>
        {r.optInWarning ? <Notice data-testid="referral-optin-warning">{r.optInWarning}</Notice> : null}
        {step ? <span className="staff-muted">{step}</span> : null}
      </div>
      <div>
        <Button variant="secondary" data-testid="referral-open" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? 'Close' : closed ? 'Details' : 'Record…'}
        </Button>
      </div>
      {open ? <ReferralActions referral={r} staff={staff} today={today} closed={closed} /> : null}
    </li>
  );
}

function ReferralActions({ referral: r, staff, today, closed }: { referral: Referral; staff: readonly ReferralStaff[]; today: string; closed: boolean }) {
  const { busy, error, run } = useReferralAction();
  const [askedBy, setAskedBy] = useState('');
  const [method, setMethod] = useState<RecordMethod>('form');
  const [course, setCourse] = useState('Child protection and confidentiality');
  const [completedOn, setCompletedOn] = useState(today);
  const [reason, setReason] = useState('');
  const [dslText, setDslText] = useState('');
  const [letter, setLetter] = useState<ReferralLetter | null>(null);

  return (
    <div className="referral-actions" data-testid="referral-actions">
      {error ? <Notice tone="error" data-testid="referral-error">{error}</Notice> : null}
      {!closed && !r.optIn ? (
        <div className="referral-actions__row">
          <Field label="Who asked the student">
            {(control) => (
              <select {...control} className="pb-input" data-testid="referral-optin-asked-by" value={askedBy} onChange={(e) => setAskedBy(e.target.value)}>
                <option value="">I did</option>
                {staff.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Button data-testid="referral-optin" disabled={busy} onClick={() => void run(() => recordOptIn(r.id, askedBy || undefined))}>
            The student agreed
          </Button>
        </div>
      ) : null}
      {!closed && r.kind === 'mentee' && !r.consent ? (
        <div className="referral-actions__row">
          <Button variant="secondary" data-testid="referral-consent-request" disabled={busy} onClick={() => void run(() => requestConsent(r.id))}>
            {r.consentRequest ? 'Asked again for consent' : 'Consent asked for'}
          </Button>
          <Field label="How the consent came">
            {(control) => (
              <select {...control} className="pb-input" data-testid="referral-consent-method" value={method} onChange={(e) => setMethod(e.target.value as RecordMethod)}>
                {recordMethodChoices.map((c) => (
                  <option key={c.method} value={c.method}>
                    {c.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Button data-testid="referral-consent" disabled={busy} onClick={() => void run(() => recordConsent(r.id, method))}>
            Record consent
          </Button>
        </div>
      ) : null}
      {!closed && r.kind === 'mentor' ? (
        <div className="referral-actions__row">
          <Field label="Training course">
            {(control) => <input {...control} className="pb-input" data-testid="referral-training-course" value={course} onChange={(e) => setCourse(e.target.value)} />}
          </Field>
          <Field label="Completed on">
            {(control) => <input {...control} type="date" max={today} className="pb-input" data-testid="referral-training-date" value={completedOn} onChange={(e) => setCompletedOn(e.target.value)} />}
          </Field>
          <Button data-testid="referral-training" disabled={busy || !course.trim() || !completedOn} onClick={() => void run(() => recordTraining(r.id, course, completedOn))}>
            Record training
          </Button>
        </div>
      ) : null}
      <div className="referral-actions__row">
        <Button variant="secondary" data-testid="referral-letter-open" disabled={busy} onClick={() => void run(async () => setLetter(await fetchReferralLetter(r.id)))}>
          Letter for parents
        </Button>
      </div>
      {letter ? <ReferralLetterView letter={letter} onClose={() => setLetter(null)} /> : null}
      {!closed ? (
        <div className="referral-actions__row">
          <Field label="Reason (to decline or withdraw)">
            {(control) => <input {...control} className="pb-input" maxLength={500} data-testid="referral-close-reason" value={reason} onChange={(e) => setReason(e.target.value)} />}
          </Field>
          <Button variant="secondary" data-testid="referral-decline" disabled={busy} onClick={() => void run(() => setReferralStatus(r.id, 'declined', reason))}>
            Declined
          </Button>
          <Button variant="secondary" data-testid="referral-withdraw" disabled={busy} onClick={() => void run(() => setReferralStatus(r.id, 'withdrawn', reason))}>
            Withdraw
          </Button>
        </div>
      ) : null}
      {!r.passedToDsl ? (
        <div className="referral-actions__row">
          <Field label="Beyond the programme? Tell the safeguarding lead why" hint="This becomes a concern in your DSL's queue at once.">
            {(control) => <textarea {...control} rows={2} className="pb-input" maxLength={4000} data-testid="referral-dsl-text" value={dslText} onChange={(e) => setDslText(e.target.value)} />}
          </Field>
          <Button variant="danger" data-testid="referral-dsl" disabled={busy || dslText.trim().length < 10} onClick={() => void run(() => passToDsl(r.id, dslText))}>
            Pass to the DSL
          </Button>
        </div>
      ) : null}
    </div>
  );
}
