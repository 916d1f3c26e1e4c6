import { useState } from 'react';
import { Button } from '../../ui/button';
import { TextField } from '../../ui/field';
import { WEEKDAY_NAMES, WEEKDAYS } from '../timetable/school-week';
import { blankPeriod, copyMondayToAll, updateRow, type CalendarDraft, type PeriodDraft, type Weekday } from './calendar-draft';
import { dayField, periodField, type FieldProblems } from './calendar-problems';

export interface BellTimesEditorProps {
  draft: CalendarDraft;
  problems: FieldProblems;
  onChange: (change: (draft: CalendarDraft) => CalendarDraft) => void;
}

/**
 * The school day's periods, registration and breaks included, each a name
 * and two times. One list serves the whole week until the coordinator says
 * days differ (often Monday, with a longer registration); then each weekday
 * has its own list, and Monday's can be copied over the rest.
 */
export function BellTimesEditor({ draft, problems, onChange }: BellTimesEditorProps) {
  const [chosenDay, setChosenDay] = useState<Weekday>(1);
  const weekday: Weekday = draft.sameEveryDay ? 1 : chosenDay;
  const rows = draft.days[weekday];
  const dayHasProblem = (d: Weekday) => Object.keys(problems).some((field) => field === dayField(d) || field.startsWith(`${dayField(d)}.`));

  const setRows = (change: (rows: PeriodDraft[]) => PeriodDraft[]) =>
    onChange((d) => ({ ...d, days: { ...d.days, [weekday]: change(d.days[weekday]) } }));

  const setSameEveryDay = (same: boolean) => {
    // Turning it off starts every day from Monday's list, which is what the week held until now.
    onChange((d) => (same ? { ...d, sameEveryDay: true } : { ...copyMondayToAll(d), sameEveryDay: false }));
    if (same) setChosenDay(1);
  };

  return (
    <fieldset className="calendar-bells" data-testid="calendar-bells">
      <legend className="pb-field__label">Bell times</legend>
      <p className="staff-muted">Every period of the day, with registration, breaks and lunch as periods of their own. Times like 08:40.</p>
      <label className="calendar-check">
        <input
          type="checkbox"
          data-testid="calendar-same-every-day"
          checked={draft.sameEveryDay}
          onChange={(event) => setSameEveryDay(event.target.checked)}
        />
        <span>The same times every day</span>
      </label>

      {draft.sameEveryDay ? null : (
        <div className="calendar-days" role="group" aria-label="Day to edit">
          {WEEKDAYS.map((d) => (
            <Button
              key={d}
              variant={d === weekday ? 'primary' : 'secondary'}
              aria-pressed={d === weekday}
              data-testid={`calendar-day-${d}`}
              data-problem={dayHasProblem(d) ? 'true' : 'false'}
              onClick={() => setChosenDay(d)}
            >
              {WEEKDAY_NAMES[d]}
              {dayHasProblem(d) ? (
                <>
                  <span aria-hidden="true"> ⚠</span>
                  <span className="visually-hidden">, has a problem</span>
                </>
              ) : null}
            </Button>
          ))}
          <Button variant="quiet" data-testid="calendar-copy-monday" onClick={() => onChange(copyMondayToAll)}>
            Copy Monday to all days
          </Button>
        </div>
      )}

      {problems[dayField(weekday)] ? (
        <p className="pb-field__error" role="alert" data-testid="calendar-day-error">
          {problems[dayField(weekday)]}
        </p>
      ) : null}

      <ol className="calendar-rows" aria-label={draft.sameEveryDay ? 'Periods, every day' : `Periods on ${WEEKDAY_NAMES[weekday]}`}>
        {rows.map((row, index) => (
          <li key={row.key} className="calendar-row" data-testid="calendar-period" data-index={index}>
            <TextField
              label="Name"
              fieldClassName="calendar-row__name"
              data-testid="calendar-period-name"
              errorTestId="calendar-period-name-error"
              value={row.name}
              maxLength={40}
              error={problems[periodField(weekday, index, 'name')]}
              onChange={(event) => setRows((r) => updateRow(r, row.key, { name: event.target.value }))}
            />
            <TextField
              label="Starts"
              fieldClassName="calendar-row__time"
              data-testid="calendar-period-start"
              errorTestId="calendar-period-start-error"
              placeholder="08:40"
              inputMode="numeric"
              value={row.start}
              error={problems[periodField(weekday, index, 'start')]}
              onChange={(event) => setRows((r) => updateRow(r, row.key, { start: event.target.value }))}
            />
            <TextField
              label="Ends"
              fieldClassName="calendar-row__time"
              data-testid="calendar-period-end"
              errorTestId="calendar-period-end-error"
              placeholder="09:00"
              inputMode="numeric"
              value={row.end}
              error={problems[periodField(weekday, index, 'end')]}
              onChange={(event) => setRows((r) => updateRow(r, row.key, { end: event.target.value }))}
            />
            <Button
              variant="quiet"
              className="calendar-row__remove"
              data-testid="calendar-period-remove"
              aria-label={`Remove ${row.name || 'this period'}`}
              onClick={() => setRows((r) => r.filter((p) => p.key !== row.key))}
            >
              Remove
            </Button>
          </li>
        ))}
      </ol>
      {rows.length === 0 ? <p className="staff-muted">No periods: no sessions can be booked on this day.</p> : null}
      <Button variant="secondary" data-testid="calendar-period-add" onClick={() => setRows((r) => [...r, blankPeriod()])}>
        Add a period
      </Button>
    </fieldset>
  );
}
