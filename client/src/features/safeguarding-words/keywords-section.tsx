import { useEffect, useState } from 'react';
import { Button } from '../../ui/button';
import { Field } from '../../ui/field';
import { Notice } from '../../ui/notice';
import { LoadState, StaffSection } from '../../ui/staff-section';
import { useStaffErrors } from '../../lib/staff/staff-context';
import { useInvalidate, useStaffQuery } from '../../lib/staff/staff-query';
import { auditKeys } from '../audit/audit-queries';
import { fetchSafeguardingWords, saveSafeguardingWords, type SafeguardingWords } from './keywords-api';
import { changeSummary, checkWords, draftFromWords } from './keywords-draft';
import './keywords.css';

const wordsKey = ['safeguarding-words'] as const;

/**
 * Safeguarding leads: the words and phrases that send a chat message to them
 * (it is still delivered). Their school's list is checked with the partner
 * school's in every shared session. Each save is on the staff audit trail.
 */
export function SafeguardingWordsSection() {
  const words = useStaffQuery({ queryKey: wordsKey, queryFn: ({ signal }) => fetchSafeguardingWords(signal) });
  // Kept here: a save reloads the list, which starts the form again from what the server holds.
  const [done, setDone] = useState<string | null>(null);
  return (
    <StaffSection id="staff-keywords" title="Safeguarding words" testId="keywords-section">
      <p className="staff-muted">
        A chat message with one of these words or phrases is still delivered, and goes to you and the partner school&apos;s
        safeguarding lead at once. Spacing, punctuation, repeated letters and simple number-for-letter swaps are matched
        too, but not other word forms: list “bullied” as well as “bullying”.
      </p>
      <LoadState loading={words.loading} error={words.error} hasData={words.data !== null} onRetry={() => void words.refresh()} what="safeguarding words" />
      {words.data ? (
        <WordsForm key={words.data.keywords.join('\n') + String(words.data.usingDefault)} saved={words.data} onSaved={setDone} />
      ) : null}
      {done ? (
        <Notice data-testid="keywords-saved">
          {done} The change is on the staff actions list.
        </Notice>
      ) : null}
    </StaffSection>
  );
}

function WordsForm({ saved, onSaved }: { saved: SafeguardingWords; onSaved: (message: string | null) => void }) {
  const handleError = useStaffErrors();
  const invalidate = useInvalidate();
  const [draft, setDraft] = useState(() => draftFromWords(saved.keywords));
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => setProblem(null), [draft]);

  const save = async (keywords: string[] | null) => {
    setBusy(true);
    setProblem(null);
    try {
      const next = await saveSafeguardingWords(keywords);
      const summary = changeSummary(saved.keywords, next.keywords);
      onSaved(next.usingDefault ? `Back to the default list (${summary.toLowerCase()}).` : `Saved (${summary.toLowerCase()}).`);
      await invalidate(wordsKey, auditKeys.all);
    } catch (error) {
      setProblem(handleError(error).message);
    } finally {
      setBusy(false);
    }
  };

  const submit = () => {
    const checked = checkWords(draft);
    if (!checked.ok) setProblem(checked.message);
    else void save(checked.keywords);
  };

  const lines = draft.split('\n').filter((l) => l.trim() !== '').length;
  const partners = saved.partnerSchools.length > 0 ? `, and in sessions with ${saved.partnerSchools.join(', ')} their list too` : '';
  return (
    <div className="keywords-form">
      <p data-testid="keywords-status">
        {saved.usingDefault
          ? `Your school uses the default list (${saved.defaults.length} phrases)${partners}.`
          : `Your school uses its own list (${saved.keywords.length} phrases)${partners}.`}
      </p>
      <Field label="Words and phrases, one per line" hint={`${lines} phrases.`} error={problem ?? undefined} errorTestId="keywords-error">
        {(control) => (
          <textarea
            {...control}
            className="pb-input keywords-form__box"
            data-testid="keywords-box"
            rows={14}
            spellCheck={false}
            value={draft}
            onChange={(e) => {
              setDraft(e.target.value);
              onSaved(null);
            }}
          />
        )}
      </Field>
      <div className="keywords-form__actions">
        <Button data-testid="keywords-save" onClick={submit} disabled={busy} aria-busy={busy}>
          {busy ? 'Saving…' : 'Save the list'}
        </Button>
        {!saved.usingDefault ? (
          <Button variant="secondary" data-testid="keywords-default" onClick={() => void save(null)} disabled={busy}>
            Use the default list
          </Button>
        ) : null}
      </div>
      <details className="keywords-form__defaults">
        <summary>The default list ({saved.defaults.length} phrases)</summary>
        <p className="keywords-form__default-words" data-testid="keywords-defaults">
          {saved.defaults.join(' · ')}
        </p>
      </details>
    </div>
  );
}
