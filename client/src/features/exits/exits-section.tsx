import { useState } from 'react';
import { useSchoolTime } from '../../lib/staff/staff-context';
import { useInvalidate } from '../../lib/staff/staff-query';
import { Button } from '../../ui/button';
import { Chip, type ChipTone } from '../../ui/chip';
import { Notice } from '../../ui/notice';
import { LoadState, StaffSection } from '../../ui/staff-section';
import { timetableKeys } from '../timetable/timetable-queries';
import { ExitAnswers } from './exit-answers';
import { ExitStartForm } from './exit-start-form';
import { exitSummary, personWords, STATE_LABELS } from './exit-words';
import type { ExitPairing } from './exits-api';
import { exitKeys, useExitPairings } from './exits-queries';
import { QuestionnaireEditor } from './questionnaire-editor';
import './exits.css';

const TONES: Record<ExitPairing['state'], ChipTone> = { active: 'open', winding_down: 'upcoming', exited: 'ended', ended: 'cancelled' };
const ORDER: ExitPairing['state'][] = ['winding_down', 'active', 'exited', 'ended'];

/** Pairings (active, winding down, exited), ending one at once or gradually, the questionnaire form and its answers. */
export function ExitsSection() {
  const pairings = useExitPairings();
  const invalidate = useInvalidate();
  const time = useSchoolTime();
  const [opened, setOpened] = useState<string | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const rows = [...(pairings.data ?? [])].sort((a, b) => ORDER.indexOf(a.state) - ORDER.indexOf(b.state));

  const done = async (message: string) => {
    setResult(message);
    setOpened(null);
    // The ending cancelled sessions: the timetable and its change log move too.
    await invalidate(exitKeys.pairings(), timetableKeys.all);
  };

  return (
    <StaffSection id="exits" title="Exits" testId="exits-section">
      <LoadState loading={pairings.loading} error={pairings.error} hasData={!!pairings.data} onRetry={() => void pairings.refresh()} what="pairings" />
      {result ? (
        <Notice tone="info" data-testid="exit-result">
          {result}
        </Notice>
      ) : null}
      {pairings.data && rows.length === 0 ? <p>No pairings yet.</p> : null}
      <ul className="exits__list" aria-label="Pairings">
        {rows.map((p) => (
          <li key={p.pairingId} className="exit-row" data-testid="exit-pairing-row" data-pairing-id={p.pairingId} data-state={p.state}>
            <div className="exit-row__head">
              <p className="exit-row__names">
                {personWords(p.mentor)} mentoring {personWords(p.mentee)}
              </p>
              <span data-testid="exit-state">
                <Chip tone={TONES[p.state]}>{STATE_LABELS[p.state]}</Chip>
              </span>
            </div>
            {p.exit ? (
              <p className="exit-row__detail" data-testid="exit-detail">
                {exitSummary(p.exit.reason)}
                {p.exit.gradual && p.exit.finalReviewOn ? ` · final review ${time.date(`${p.exit.finalReviewOn}T12:00:00Z`)}` : ''}
                {p.exit.questionnaireRequested ? ' · questionnaire asked' : ''}
                {p.exit.note ? ` · “${p.exit.note}”` : ''}
              </p>
            ) : null}
            {p.state === 'active' && opened !== p.pairingId ? (
              <Button variant="secondary" data-testid="exit-start-open" onClick={() => setOpened(p.pairingId)}>
                End this pairing…
              </Button>
            ) : null}
            {opened === p.pairingId ? <ExitStartForm pairing={p} onDone={done} onCancel={() => setOpened(null)} /> : null}
            {p.exit?.questionnaireRequested ? <ExitAnswers answers={p.answers} /> : null}
          </li>
        ))}
      </ul>
      <QuestionnaireEditor />
    </StaffSection>
  );
}
