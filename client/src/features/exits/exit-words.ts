import { EXIT_REASON_LABELS, exitReasonKind, type ExitPerson, type ExitReason, type PairingExitState } from '@peerbridge/shared';

/** The reasons grouped as the coordinator chooses them: planned first, then early. */
export function reasonOptions(): { group: string; reasons: { value: ExitReason; label: string }[] }[] {
  const all = Object.keys(EXIT_REASON_LABELS) as ExitReason[];
  const of = (kind: 'planned' | 'early') => all.filter((r) => exitReasonKind[r] === kind).map((value) => ({ value, label: EXIT_REASON_LABELS[value] }));
  return [
    { group: 'Planned', reasons: of('planned') },
    { group: 'Early', reasons: of('early') },
  ];
}

export const STATE_LABELS: Record<PairingExitState, string> = {
  active: 'Active',
  winding_down: 'Winding down',
  exited: 'Exited',
  ended: 'Unpaired',
};

/** Own school's students in full; the partner's as first name, school and year. */
export function personWords(p: ExitPerson): string {
  return p.ownSchool && p.lastName ? `${p.firstName} ${p.lastName} (Year ${p.yearGroup})` : `${p.firstName} (Year ${p.yearGroup}, ${p.schoolName})`;
}

/** "Targets met · planned" */
export function exitSummary(reason: ExitReason): string {
  return `${EXIT_REASON_LABELS[reason]} · ${exitReasonKind[reason]}`;
}

/** A question id from its text, for a new question in the editor: "Did it help?" → "did_it_help". */
export function questionId(text: string, taken: readonly string[]): string {
  const base =
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 30) || 'question';
  let id = base;
  for (let n = 2; taken.includes(id); n++) id = `${base}_${n}`;
  return id;
}
