import type { CSSProperties } from 'react';
import { Button } from '../../ui/button';
import { TextField } from '../../ui/field';
import { addDays } from '../../lib/school-time';
import type { Candidate, SchoolTimetable } from './timetable-api';
import {
  candidateBlocks,
  cycleWeekLabel,
  cycleWeekOn,
  dateInWeek,
  mondayOf,
  periodBlocks,
  placeOn,
  timelineRange,
  toClock,
  weekDates,
  WEEKDAY_NAMES,
  WEEKDAYS,
} from './school-week';

export interface WeekViewProps {
  schools: readonly SchoolTimetable[];
  candidates: readonly Candidate[];
  sessionMinutes: number;
  /** Any date in the week on screen. */
  date: string;
  onDateChange: (date: string) => void;
}

/**
 * Both schools' bell schedules side by side, one timeline per weekday, on the
 * mentee school's clock (the candidates' clock), with the pairing's candidate
 * slots laid across both.
 */
export function WeekView({ schools, candidates, sessionMinutes, date, onDateChange }: WeekViewProps) {
  const anchor = schools.find((s) => s.role === 'mentee') ?? schools[0];
  if (!anchor) return null;
  // Mentor school on the left: the order a coordinator reads a pairing in.
  const lanes = [...schools].sort((a, b) => (a.role === b.role ? 0 : a.role === 'mentor' ? -1 : 1));
  const dates = weekDates(date);
  const days = WEEKDAYS.map((weekday) => ({
    weekday,
    date: dates[weekday]!,
    lanes: lanes.map((school) => periodBlocks(school, weekday, dates[weekday]!, anchor.timeZone)),
    candidates: candidateBlocks(candidates, weekday, dates[weekday]!, sessionMinutes),
  }));
  const range = timelineRange(days.flatMap((d) => [...d.lanes.flat(), ...d.candidates]));
  const hours = Array.from({ length: (range.end - range.start) / 60 + 1 }, (_, i) => range.start + i * 60);
  // A school with a two-week cycle drives the A/B buttons (the mentee's first: its clock is the timeline's).
  const cycleSchool = [anchor, ...lanes].find((s) => s.cycle?.weeks === 2);
  const shownWeek = cycleSchool ? cycleWeekOn(date, cycleSchool.cycle) : null;
  const zonesDiffer = lanes.some((s) => s.timeZone !== anchor.timeZone);

  return (
    <div className="week-view" data-testid="week-view">
      <div className="week-view__controls">
        <div className="week-view__nav" role="group" aria-label="Week">
          <Button variant="secondary" onClick={() => onDateChange(addDays(mondayOf(date), -7))} aria-label="Previous week">
            ‹
          </Button>
          <TextField
            label="Week of"
            type="date"
            value={date}
            onChange={(event) => event.target.value && onDateChange(event.target.value)}
          />
          <Button variant="secondary" onClick={() => onDateChange(addDays(mondayOf(date), 7))} aria-label="Next week">
            ›
          </Button>
        </div>
        {cycleSchool ? (
          <div className="week-view__cycle" role="group" aria-label={`Timetable week at ${cycleSchool.name}`}>
            {(['A', 'B'] as const).map((week) => (
              <Button
                key={week}
                variant={shownWeek === week ? 'primary' : 'secondary'}
                aria-pressed={shownWeek === week}
                data-testid={`week-${week.toLowerCase()}`}
                onClick={() => onDateChange(dateInWeek(date, week, cycleSchool.cycle))}
              >
                Week {week}
              </Button>
            ))}
            <span className="staff-muted">at {cycleSchool.name}</span>
          </div>
        ) : null}
      </div>

      <ul className="week-view__schools" aria-label="Schools">
        {lanes.map((school, i) => (
          <li
            key={school.schoolId}
            className={`week-view__school week-view__school--${i}`}
            data-testid="week-view-school"
            data-school-id={school.schoolId}
          >
            <span className="week-view__swatch" aria-hidden="true" />
            <span>
              <strong>{school.name}</strong> ({school.role === 'mentor' ? 'mentors' : 'mentees'}):{' '}
              <strong>{cycleWeekLabel(date, school)}</strong>
              {school.bellSchedule ? '' : ' · no bell schedule yet'}
            </span>
          </li>
        ))}
        <li className="week-view__school week-view__school--candidate">
          <span className="week-view__swatch" aria-hidden="true" />
          <span>Where this pairing could meet</span>
        </li>
      </ul>
      {zonesDiffer ? <p className="staff-muted">Times are {anchor.name} time ({anchor.timeZone}).</p> : null}

      {/* Focusable, so someone without a mouse or touch can scroll the week sideways with the arrow keys. */}
      <div className="week-view__scroll" tabIndex={0} role="region" aria-label="The week, by day">
        <div className="week-view__grid" style={{ '--hours': hours.length - 1 } as CSSProperties}>
          <div className="week-view__axis" aria-hidden="true">
            <div className="week-view__day-head" />
            <div className="week-view__body">
              {hours.map((minutes) => (
                <span key={minutes} className="week-view__hour" style={{ top: `${placeOn(range, { start: minutes, end: minutes }).top}%` }}>
                  {toClock(minutes)}
                </span>
              ))}
            </div>
          </div>
          {days.map((day) => (
            <div key={day.weekday} className="week-view__day" aria-label={WEEKDAY_NAMES[day.weekday]} role="group">
              <div className="week-view__day-head">
                <strong>{WEEKDAY_NAMES[day.weekday]}</strong>
                <span className="staff-muted">{day.date.slice(8)}/{day.date.slice(5, 7)}</span>
              </div>
              <div className="week-view__body">
                {day.lanes.map((periods, lane) =>
                  periods.map((period) => (
                    <div
                      key={`${lane}-${period.name}`}
                      className={`week-view__period week-view__period--${lane}${period.end - period.start < 30 ? ' week-view__period--short' : ''}`}
                      style={{ ...position(placeOn(range, period)), left: `${lane * 50}%` }}
                      title={`${lanes[lane]!.name}: ${period.name} ${period.localStart}–${period.localEnd}`}
                    >
                      <span className="week-view__period-name">{period.name}</span>
                      <span className="week-view__period-time">
                        {period.localStart}–{period.localEnd}
                      </span>
                    </div>
                  )),
                )}
                {day.candidates.map((candidate) => (
                  <div
                    key={candidate.id}
                    className={`week-view__candidate${candidate.lostThisWeek ? ' week-view__candidate--lost' : ''}`}
                    style={position(placeOn(range, candidate))}
                    data-testid="week-view-candidate"
                    data-candidate-id={candidate.id}
                    data-lost={candidate.lostThisWeek ? 'true' : 'false'}
                    title={candidate.label}
                  >
                    {toClock(candidate.start)}
                    {candidate.lostThisWeek ? ' · not this week' : ''}
                  </div>
                ))}
              </div>
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}

function position({ top, height }: { top: number; height: number }): CSSProperties {
  return { top: `${top}%`, height: `${height}%` };
}
