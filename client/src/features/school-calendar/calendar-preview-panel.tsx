import { useState } from 'react';
import { Button } from '../../ui/button';
import { TextField } from '../../ui/field';
import { addDays } from '../../lib/school-time';
import { mondayOf, WEEKDAY_NAMES } from '../timetable/school-week';
import { closureWords, nextSchoolDays, previewWeek, type ClosureLike, type PreviewDay } from './calendar-preview';
import { shortDate } from './change-words';
import type { SchoolCalendarBody } from './school-calendar-api';

const NEXT_DAYS = 10;

const statusWords: Record<PreviewDay['status'], string> = {
  holiday: 'Holiday',
  open: 'Open',
  'part-closed': 'Partly closed',
  closed: 'Closed',
};

/**
 * The calendar on screen, before it is saved: a week of periods with its A/B
 * letter, and the next school days with their closures, so a wrong Week A
 * Monday or a term typed a year out shows before anything is booked by it.
 */
export function CalendarPreviewPanel({ calendar, closures, today }: { calendar: SchoolCalendarBody; closures: readonly ClosureLike[]; today: string }) {
  const [date, setDate] = useState(today);
  const week = previewWeek(calendar, closures, date);
  const next = nextSchoolDays(calendar, closures, today, NEXT_DAYS);

  return (
    <section className="calendar-preview" data-testid="calendar-preview" aria-label="Preview">
      <h3 className="scheduling-panel__title">Preview (not saved yet)</h3>
      <div className="week-view__nav" role="group" aria-label="Week to preview">
        <Button variant="secondary" onClick={() => setDate(addDays(mondayOf(date), -7))} aria-label="Previous week">
          ‹
        </Button>
        <TextField label="Week of" type="date" data-testid="calendar-preview-date" value={date} onChange={(e) => e.target.value && setDate(e.target.value)} />
        <Button variant="secondary" onClick={() => setDate(addDays(mondayOf(date), 7))} aria-label="Next week">
          ›
        </Button>
      </div>
      <ol className="calendar-preview__week" aria-label="The week">
        {week.map((day) => (
          <li
            key={day.date}
            className={`calendar-preview__day calendar-preview__day--${day.status}`}
            data-testid="calendar-preview-day"
            data-date={day.date}
            data-week={day.week ?? ''}
            data-status={day.status}
          >
            <p className="calendar-preview__head">
              <strong>{WEEKDAY_NAMES[day.weekday]}</strong> {shortDate(day.date).replace(/^\w+ /, '')}
              {day.week ? <span className="calendar-preview__week-letter"> · Week {day.week}</span> : null}
            </p>
            <p className="staff-muted">{day.term ?? 'Holiday'}</p>
            {day.closures.map((closure) => (
              <p key={`${closure.date}-${closure.fromTime ?? ''}-${closure.reason}`} className="calendar-preview__closure">
                {closureWords(closure)}
              </p>
            ))}
            {day.status === 'holiday' || day.status === 'closed' ? null : (
              <ul className="calendar-preview__periods">
                {day.periods.map((period) => (
                  <li key={period.name}>
                    <span className="calendar-preview__time">{period.start}–{period.end}</span> {period.name}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>

      <h4 className="scheduling-panel__subtitle">The next {NEXT_DAYS} school days</h4>
      {next.length === 0 ? (
        <p className="staff-muted" data-testid="calendar-next-none">
          No term days ahead: add this year's terms.
        </p>
      ) : (
        <ol className="calendar-next" data-testid="calendar-next-days">
          {next.map((day) => (
            <li key={day.date} data-testid="calendar-next-day" data-date={day.date} data-status={day.status}>
              <strong>{shortDate(day.date)}</strong>
              {day.week ? ` · Week ${day.week}` : ''} · {day.status === 'open' ? `${day.periods.length} periods` : statusWords[day.status]}
              {day.closures.length > 0 ? ` · ${day.closures.map(closureWords).join('; ')}` : ''}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
