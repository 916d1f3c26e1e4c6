import type { Programme, ProgrammeInput } from './timetable-api';

/** The programme form's fields as typed: numbers stay text until saved, so a half-typed "1" is not refused mid-word. */
export interface ProgrammeDraft {
  start: string;
  end: string;
  sessionMinutes: string;
  goals: string;
  caseloadLimit: string;
}

export const GOALS_MAX = 500;

/** The form starts from the saved programme, or from the server's defaults when there is none yet. */
export function draftFrom(programme: Programme | null): ProgrammeDraft {
  return {
    start: programme?.start ?? '',
    end: programme?.end ?? '',
    sessionMinutes: String(programme?.sessionMinutes ?? 30),
    goals: programme?.goals ?? '',
    caseloadLimit: String(programme?.caseloadLimit ?? 3),
  };
}

export type DraftCheck = { ok: true; input: ProgrammeInput } | { ok: false; message: string };

function wholeNumber(text: string): number | null {
  return /^\s*\d+\s*$/.test(text) ? Number(text) : null;
}

/**
 * The same limits the server holds (shared ProgrammeBody), checked first so a
 * coordinator hears what to change in words, not as a refused request.
 */
export function checkDraft(draft: ProgrammeDraft): DraftCheck {
  if (!draft.start || !draft.end) return { ok: false, message: 'Give the first and the last day of the programme.' };
  if (draft.end < draft.start) return { ok: false, message: 'The programme must end on or after the day it starts.' };
  const minutes = wholeNumber(draft.sessionMinutes);
  if (minutes === null || minutes < 10 || minutes > 120) {
    return { ok: false, message: 'Sessions last between 10 and 120 minutes.' };
  }
  const limit = wholeNumber(draft.caseloadLimit);
  if (limit === null || limit < 1 || limit > 10) {
    return { ok: false, message: 'Each mentor can take between 1 and 10 mentees.' };
  }
  const goals = draft.goals.trim();
  if (goals.length > GOALS_MAX) return { ok: false, message: `Keep the goals to ${GOALS_MAX} characters (now ${goals.length}).` };
  return { ok: true, input: { start: draft.start, end: draft.end, sessionMinutes: minutes, goals, caseloadLimit: limit } };
}
