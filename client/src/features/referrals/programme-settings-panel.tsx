import { useEffect, useState } from 'react';
import type { ReferralProgrammeSettings } from '@peerbridge/shared';
import { Button } from '../../ui/button';
import { Field } from '../../ui/field';
import { Notice } from '../../ui/notice';
import { LoadState } from '../../ui/staff-section';
import { saveProgrammeSettings } from './referrals-api';
import { useProgrammeSettings } from './referrals-queries';
import { useReferralAction } from './use-referral-action';

/** One reason a line; blank lines and stray spaces dropped. */
export const reasonLines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);

/** The school's programme settings (not its exit questionnaire, edited with exits). Coordinators only. */
export function ProgrammeSettingsPanel() {
  const settings = useProgrammeSettings();
  const { busy, error, run } = useReferralAction();
  const [draft, setDraft] = useState<{ reasons: string; late: string; absence: string; escalation: string } | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (settings.data && !draft) setDraft(toDraft(settings.data));
  }, [settings.data, draft]);

  const save = async () => {
    if (!draft) return;
    setSaved(false);
    const change = {
      referralReasons: reasonLines(draft.reasons),
      lateAfterMinutes: Number(draft.late),
      absenceNoticeAfter: Number(draft.absence),
      dslEscalationMinutes: Number(draft.escalation),
    };
    if (await run(() => saveProgrammeSettings(change))) setSaved(true);
  };
  const set = (key: keyof NonNullable<typeof draft>) => (value: string) => {
    setSaved(false);
    setDraft((d) => (d ? { ...d, [key]: value } : d));
  };

  return (
    <details className="programme-settings" data-testid="programme-settings">
      <summary className="pb-button pb-button--secondary pb-button--normal" data-testid="programme-settings-open">
        Programme settings
      </summary>
      <LoadState loading={settings.loading} error={settings.error} hasData={settings.data !== null} onRetry={() => void settings.refresh()} what="programme settings" />
      {draft ? (
        <form className="programme-settings" onSubmit={(e) => (e.preventDefault(), void save())}>
          <Field label="Referral reasons" hint="One a line. Referrals already made keep the reasons they were given.">
            {(control) => <textarea {...control} rows={7} className="pb-input" data-testid="settings-reasons" value={draft.reasons} onChange={(e) => set('reasons')(e.target.value)} />}
          </Field>
          <div className="referrals-form__row">
            <NumberField label="Late after (minutes)" testId="settings-late" min={1} max={30} value={draft.late} onChange={set('late')} />
            <NumberField label="Notice after this many absences in a row (0: never)" testId="settings-absence" min={0} max={10} value={draft.absence} onChange={set('absence')} />
            <NumberField label="Email the deputy DSLs after (minutes unacknowledged)" testId="settings-escalation" min={5} max={1440} value={draft.escalation} onChange={set('escalation')} />
          </div>
          {error ? <Notice tone="error" data-testid="settings-error">{error}</Notice> : null}
          {saved ? <Notice data-testid="settings-saved">Programme settings saved.</Notice> : null}
          <div>
            <Button type="submit" data-testid="settings-save" disabled={busy}>
              Save settings
            </Button>
          </div>
        </form>
      ) : null}
    </details>
  );
}

function NumberField(props: { label: string; testId: string; min: number; max: number; value: string; onChange: (v: string) => void }) {
  return (
    <Field label={props.label}>
      {(control) => (
        <input {...control} type="number" inputMode="numeric" className="pb-input" min={props.min} max={props.max} data-testid={props.testId} value={props.value} onChange={(e) => props.onChange(e.target.value)} />
      )}
    </Field>
  );
}

function toDraft(s: ReferralProgrammeSettings) {
  return { reasons: s.referralReasons.join('\n'), late: String(s.lateAfterMinutes), absence: String(s.absenceNoticeAfter), escalation: String(s.dslEscalationMinutes) };
}
