import type { StaffAuditEntry, StaffAuditKind } from '@peerbridge/shared';
import { useEffect, useId, useMemo, useState } from 'react';
import { Button } from '../../ui/button';
import { Notice } from '../../ui/notice';
import { useSchoolTime, useStaffErrors } from '../../lib/staff/staff-context';
import { useIntegrityCheck } from '../../lib/staff/use-integrity-check';
import { type DateRange } from '../../lib/school-time';
import { LoadState, StaffSection } from '../../ui/staff-section';
import { Field, TextField } from '../../ui/field';
import { fetchAuditPage, verifyAuditTrail, type AuditFilter } from './audit-api';
import { useNewestAudit } from './audit-queries';
import { auditRange, auditRangeProblem } from './audit-range';
import { auditKindChoices, auditSentence, describeAuditVerification } from './audit-words';
import './audit.css';

/**
 * Coordinators and safeguarding leads: what staff at this school did, newest
 * first, in sentences. The server keeps it append-only and chained; the check
 * button recomputes the chain there.
 */
export function AuditSection() {
  const time = useSchoolTime();
  const id = useId();
  const handleError = useStaffErrors();
  // No dates to start with: the newest actions first, whenever they were.
  const [range, setRange] = useState<DateRange>({ from: '', to: '' });
  const [kind, setKind] = useState<StaffAuditKind | null>(null);
  const [actorId, setActorId] = useState<string | null>(null);
  const problem = auditRangeProblem(range.from, range.to);
  const filter = useMemo<AuditFilter>(
    () => ({ ...auditRange(range.from, range.to, time), kind, actorId }),
    [range, problem, kind, actorId, time],
  );

  // Older pages, appended under the first; a new filter or a new answer starts again from the newest.
  const [older, setOlder] = useState<{ entries: StaffAuditEntry[]; nextBefore: number | null } | null>(null);
  // Nothing to ask while the dates are impossible: the problem is explained next to them.
  const first = useNewestAudit(filter, problem === null, older === null);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [olderProblem, setOlderProblem] = useState<string | null>(null);
  useEffect(() => {
    setOlder(null);
    setOlderProblem(null);
  }, [first.data]);

  const entries = [...(first.data?.entries ?? []), ...(older?.entries ?? [])];
  const nextBefore = older ? older.nextBefore : (first.data?.nextBefore ?? null);

  const showOlder = async () => {
    if (nextBefore === null) return;
    setLoadingOlder(true);
    setOlderProblem(null);
    try {
      const page = await fetchAuditPage(filter, nextBefore);
      setOlder((o) => ({ entries: [...(o?.entries ?? []), ...page.entries], nextBefore: page.nextBefore }));
    } catch (error) {
      setOlderProblem(handleError(error).message);
    } finally {
      setLoadingOlder(false);
    }
  };

  return (
    <StaffSection
      id="staff-audit"
      title="Staff actions"
      testId="audit-section"
    >
      <p className="staff-muted">
        Who at your school reset a PIN, recorded consent or training, enrolled or removed an iPad, imported students or
        staff, exported a concern, paired students or booked sessions, and when. Nothing here can be changed or removed.
      </p>
      <div className="audit-filters">
        <TextField
          label="From"
          fieldClassName="audit-filters__field"
          describedBy={problem ? `${id}-range` : undefined}
          invalid={problem !== null}
          type="date"
          data-testid="audit-from"
          value={range.from}
          onChange={(e) => setRange((r) => ({ ...r, from: e.target.value }))}
        />
        <TextField
          label="To"
          fieldClassName="audit-filters__field"
          describedBy={problem ? `${id}-range` : undefined}
          invalid={problem !== null}
          type="date"
          data-testid="audit-to"
          value={range.to}
          onChange={(e) => setRange((r) => ({ ...r, to: e.target.value }))}
        />
        <Field label="What" className="audit-filters__field audit-filters__field--grow">
          {(control) => (
            <select
              {...control}
              className="pb-input"
              data-testid="audit-kind"
              value={kind ?? ''}
              onChange={(e) => setKind(e.target.value === '' ? null : (e.target.value as StaffAuditKind))}
            >
              <option value="">Everything</option>
              {auditKindChoices.map((c) => (
                <option key={c.kind} value={c.kind}>
                  {c.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Who" className="audit-filters__field audit-filters__field--grow">
          {(control) => (
            <select {...control} className="pb-input" data-testid="audit-actor" value={actorId ?? ''} onChange={(e) => setActorId(e.target.value || null)}>
              <option value="">Anyone</option>
              {(first.data?.actors ?? []).map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {problem ? (
        <p id={`${id}-range`} className="pb-field__error">
          {problem}
        </p>
      ) : null}

      <LoadState loading={first.loading} error={first.error} hasData={first.data !== null} onRetry={() => void first.refresh()} what="staff actions" />

      {first.data ? (
        <p id={`${id}-count`} className="staff-muted" role="status">
          {nextBefore === null ? plural(entries.length) : `The newest ${entries.length}`}
        </p>
      ) : null}
      {first.data && entries.length === 0 ? <p className="staff-muted">Nothing recorded for these dates and choices.</p> : null}
      {entries.length > 0 ? (
        <ol className="staff-list audit-list" aria-label="Staff actions, newest first" aria-describedby={`${id}-count`}>
          {entries.map((entry) => (
            <li key={entry.seq} className="staff-row audit-row" data-testid="audit-entry" data-kind={entry.action.kind} data-seq={entry.seq}>
              <span className="audit-row__sentence">{auditSentence(entry)}</span>
              <span className="staff-muted audit-row__when">
                <time dateTime={entry.at}>{time.dateTime(entry.at)}</time> · #{entry.seq}
              </span>
            </li>
          ))}
        </ol>
      ) : null}
      {nextBefore !== null ? (
        <Button variant="secondary" data-testid="audit-more" onClick={() => void showOlder()} disabled={loadingOlder} aria-busy={loadingOlder}>
          {loadingOlder ? 'Loading…' : 'Show older'}
        </Button>
      ) : null}
      {olderProblem ? <Notice tone="error">{olderProblem}</Notice> : null}

      <AuditVerify />
    </StaffSection>
  );
}

const plural = (n: number) => `${n} ${n === 1 ? 'action' : 'actions'}`;

/** Recomputes the whole trail's chain on the server and says whether it still holds. */
function AuditVerify() {
  const { checking, result, problem, verify } = useIntegrityCheck(verifyAuditTrail);

  return (
    <div className="audit-verify">
      <Button variant="secondary" data-testid="audit-verify" onClick={() => void verify()} disabled={checking} aria-busy={checking}>
        {checking ? 'Checking…' : 'Check this record has not been altered'}
      </Button>
      {result ? (
        <div
          className={`audit-verify__result ${result.ok ? 'audit-verify__result--ok' : 'audit-verify__result--broken'}`}
          data-testid="audit-verify-result"
          data-ok={String(result.ok)}
          role={result.ok ? 'status' : 'alert'}
        >
          <strong>{describeAuditVerification(result)}</strong>
          {result.ok ? (
            <span>
              Fingerprint of the newest entry: <code>{result.headHash.slice(0, 16)}</code>
            </span>
          ) : (
            <span>Entries from this point on can't be trusted as recorded. Tell your Peerbridge administrator.</span>
          )}
        </div>
      ) : null}
      {problem ? <Notice tone="error">{problem}</Notice> : null}
    </div>
  );
}
