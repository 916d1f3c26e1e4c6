import { Button } from '../../ui/button';
import { Field, TextField } from '../../ui/field';
import { blankTerm, updateRow, type CalendarDraft } from './calendar-draft';
import { termField, WEEK_A_FIELD, type FieldProblems } from './calendar-problems';

export interface YearEditorProps {
  draft: CalendarDraft;
  problems: FieldProblems;
  onChange: (change: (draft: CalendarDraft) => CalendarDraft) => void;
}

/** One week or Week A/B, and which Monday is a Week A: the cycle runs on through holidays from there. */
export function CycleFields({ draft, problems, onChange }: YearEditorProps) {
  return (
    <fieldset className="calendar-cycle" data-testid="calendar-cycle">
      <legend className="pb-field__label">Timetable cycle</legend>
      <Field label="Timetable">
        {(control) => (
          <select
            {...control}
            className="pb-input"
            data-testid="calendar-cycle-weeks"
            value={draft.cycleWeeks}
            onChange={(event) => {
              const cycleWeeks = event.target.value === '2' ? 2 : 1;
              onChange((d) => ({ ...d, cycleWeeks }));
            }}
          >
            <option value="1">The same every week</option>
            <option value="2">Two weeks: Week A and Week B</option>
          </select>
        )}
      </Field>
      {draft.cycleWeeks === 2 ? (
        <TextField
          label="A Monday in Week A"
          hint="Any Week A Monday, e.g. the first of the school year."
          type="date"
          data-testid="calendar-week-a-monday"
          errorTestId="calendar-week-a-error"
          value={draft.knownWeekAMonday}
          error={problems[WEEK_A_FIELD]}
          onChange={(event) => {
            const knownWeekAMonday = event.target.value;
            onChange((d) => ({ ...d, knownWeekAMonday }));
          }}
        />
      ) : null}
    </fieldset>
  );
}

/** Terms and half terms as the school publishes them; any day outside them is a holiday with no sessions. */
export function TermsEditor({ draft, problems, onChange }: YearEditorProps) {
  const setTerms = (change: (terms: CalendarDraft['terms']) => CalendarDraft['terms']) => onChange((d) => ({ ...d, terms: change(d.terms) }));
  return (
    <fieldset className="calendar-terms" data-testid="calendar-terms">
      <legend className="pb-field__label">Terms and half terms</legend>
      <p className="staff-muted">Enter each half term as its own term: the days between them are holidays.</p>
      {draft.terms.length === 0 ? <p className="staff-muted">No terms yet: no sessions can be booked until there are some.</p> : null}
      <ol className="calendar-rows" aria-label="Terms">
        {draft.terms.map((term, index) => (
          <li key={term.key} className="calendar-row" data-testid="calendar-term" data-index={index}>
            <TextField
              label="Name"
              fieldClassName="calendar-row__name"
              data-testid="calendar-term-name"
              errorTestId="calendar-term-name-error"
              placeholder="Autumn 1"
              maxLength={60}
              value={term.name}
              error={problems[termField(index, 'name')]}
              onChange={(event) => setTerms((t) => updateRow(t, term.key, { name: event.target.value }))}
            />
            <TextField
              label="First day"
              type="date"
              fieldClassName="calendar-row__date"
              data-testid="calendar-term-start"
              errorTestId="calendar-term-start-error"
              value={term.start}
              error={problems[termField(index, 'start')]}
              onChange={(event) => setTerms((t) => updateRow(t, term.key, { start: event.target.value }))}
            />
            <TextField
              label="Last day"
              type="date"
              fieldClassName="calendar-row__date"
              data-testid="calendar-term-end"
              errorTestId="calendar-term-end-error"
              value={term.end}
              error={problems[termField(index, 'end')]}
              onChange={(event) => setTerms((t) => updateRow(t, term.key, { end: event.target.value }))}
            />
            <Button
              variant="quiet"
              className="calendar-row__remove"
              data-testid="calendar-term-remove"
              aria-label={`Remove ${term.name || 'this term'}`}
              onClick={() => setTerms((t) => t.filter((x) => x.key !== term.key))}
            >
              Remove
            </Button>
          </li>
        ))}
      </ol>
      <Button variant="secondary" data-testid="calendar-term-add" onClick={() => setTerms((t) => [...t, blankTerm()])}>
        Add a term
      </Button>
    </fieldset>
  );
}
