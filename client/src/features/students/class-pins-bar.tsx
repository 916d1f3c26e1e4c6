import { useState } from 'react';
import { Button } from '../../ui/button';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { Notice } from '../../ui/notice';
import { useStaffErrors } from '../../lib/staff/staff-context';
import { generateStudentPins, type PinCard, type SchoolStudent } from './students-api';

export interface ClassPinsBarProps {
  students: SchoolStudent[];
  selected: ReadonlySet<string>;
  onSelect: (ids: string[]) => void;
  /** The new PINs, to show once; the list reloads for "PIN: set". */
  onGenerated: (cards: PinCard[]) => Promise<void>;
}

const plural = (n: number) => (n === 1 ? '1 student' : `${n} students`);

/** Pick students, then set new random PINs for all of them at once, to print as cards. */
export function ClassPinsBar({ students, selected, onSelect, onGenerated }: ClassPinsBarProps) {
  const handleError = useStaffErrors();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const chosen = students.filter((s) => selected.has(s.id));
  const withoutPin = students.filter((s) => !s.hasPin).map((s) => s.id);

  const generate = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const cards = await generateStudentPins(chosen.map((s) => s.id));
      setAsking(false);
      await onGenerated(cards);
    } catch (error) {
      setAsking(false);
      setProblem(handleError(error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="class-pins" data-testid="class-pins">
      <div className="class-pins__row">
        <span className="staff-muted" data-testid="class-pins-count">
          {chosen.length === 0 ? 'Tick students to set PINs for several at once.' : `${plural(chosen.length)} ticked.`}
        </span>
        <Button variant="quiet" data-testid="class-pins-select-all" onClick={() => onSelect(students.map((s) => s.id))} disabled={busy}>
          Tick all
        </Button>
        {withoutPin.length > 0 ? (
          <Button variant="quiet" data-testid="class-pins-select-without" onClick={() => onSelect(withoutPin)} disabled={busy}>
            Tick those without a PIN
          </Button>
        ) : null}
        {chosen.length > 0 ? (
          <Button variant="quiet" data-testid="class-pins-clear" onClick={() => onSelect([])} disabled={busy}>
            Untick all
          </Button>
        ) : null}
        <Button data-testid="class-pins-generate" disabled={busy || chosen.length === 0} onClick={() => setAsking(true)}>
          Set new PINs
        </Button>
      </div>
      {problem ? <Notice tone="error">{problem}</Notice> : null}
      {asking ? (
        <ConfirmDialog
          title={`Set new PINs for ${plural(chosen.length)}?`}
          confirmLabel="Set new PINs"
          cancelLabel="Cancel"
          confirmTone="primary"
          confirmTestId="class-pins-confirm"
          busy={busy}
          onCancel={() => setAsking(false)}
          onConfirm={() => void generate()}
        >
          Each gets a new random PIN and any PIN they had stops working now. You will see the new PINs once, as cards to
          print and hand out in person.
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
