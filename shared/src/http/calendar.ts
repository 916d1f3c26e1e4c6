import { z } from 'zod';
import { IsoInstant, LocalDate, Uuid } from '../ids.js';
import { freeText } from '../text.js';
import { endpoint } from './endpoint.js';
import { IdParams } from './params.js';

/** "08:40": a school's local wall-clock time. */
export const LocalTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time like 08:40');

const isValidZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

export const PeriodBody = z
  .strictObject({ name: freeText({ max: 40 }), start: LocalTime, end: LocalTime })
  .refine((p) => p.start < p.end, { message: 'must end after it starts', path: ['end'] });

const DaySchedule = z
  .array(PeriodBody)
  .max(20)
  .refine((periods) => new Set(periods.map((p) => p.name)).size === periods.length, 'has two periods with the same name')
  .refine(
    (periods) => [...periods].sort((a, b) => a.start.localeCompare(b.start)).every((p, i, all) => i === 0 || all[i - 1]!.end <= p.start),
    'has overlapping periods',
  );

/** `PUT /api/staff/calendar`: a coordinator's own school's calendar. */
export const SchoolCalendarBody = z.strictObject({
  timeZone: z.string().refine(isValidZone, 'is not a time zone (e.g. Europe/London)').default('Europe/London'),
  bellSchedule: z.strictObject({ 1: DaySchedule, 2: DaySchedule, 3: DaySchedule, 4: DaySchedule, 5: DaySchedule }),
  cycle: z.strictObject({
    weeks: z.union([z.literal(1), z.literal(2)]),
    knownWeekAMonday: LocalDate.refine((d) => new Date(`${d}T12:00:00Z`).getUTCDay() === 1, 'must be a Monday'),
  }),
  terms: z
    .array(
      z
        .strictObject({ name: freeText({ max: 60 }), start: LocalDate, end: LocalDate })
        .refine((t) => t.start <= t.end, { message: 'must end on or after its start', path: ['end'] }),
    )
    .max(30),
  // No iPad count: the pool is the school's enrolled iPads (`/api/staff/devices`).
});
export type SchoolCalendarBody = z.infer<typeof SchoolCalendarBody>;

/** `PUT /api/staff/students/:id/availability`: the periods of the cycle a student can be mentored in. */
export const AvailabilityBody = z.strictObject({
  slots: z
    .array(
      z.strictObject({
        week: z.enum(['A', 'B', 'any']),
        weekday: z.number().int().min(1).max(5),
        period: freeText({ max: 40 }),
      }),
    )
    .max(100),
});
export type AvailabilityBody = z.infer<typeof AvailabilityBody>;

/** `PUT /api/staff/partnerships/:id/programme` */
export const ProgrammeBody = z
  .strictObject({
    start: LocalDate,
    end: LocalDate,
    sessionMinutes: z.number().int().min(10).max(120).default(30),
    frequency: z.literal('weekly').default('weekly'),
    goals: freeText({ max: 500, multiline: true, required: false }).default(''),
    caseloadLimit: z.number().int().min(1).max(10).default(3),
  })
  .refine((p) => p.start <= p.end, { message: 'must be on or after the start', path: ['end'] });
export type ProgrammeBody = z.infer<typeof ProgrammeBody>;

/** `?dryRun=true` on a calendar change: answer what it would do, and write nothing. */
export const DryRunQuery = z.strictObject({ dryRun: z.enum(['true', 'false']).optional() });

/** A student in a session change: first name and school, as partner-school children always appear. */
export const SessionPerson = z.object({ firstName: z.string(), school: z.string() });
export type SessionPerson = z.infer<typeof SessionPerson>;

/** One series session named for a coordinator: the pair and the session's own date and time. */
const NamedSession = z.object({
  occurrenceId: Uuid,
  /** The session's local date at the mentee's school (whose clock sessions keep). */
  date: LocalDate,
  /** "Tue 9 Mar 2027, 10:20 (Riverside time)". */
  when: z.string(),
  mentor: SessionPerson,
  mentee: SessionPerson,
});

/** A session a calendar change cancelled (or, on a dry run, would cancel). */
export const CancelledSession = NamedSession.extend({
  /** The school and what changed: "Riverside: INSET day", "Riverside: holiday". */
  reason: z.string(),
  /** The same-week replacement proposed, in school time, or null when none fits. */
  proposal: z.string().nullable(),
  /** The schedule change that records the cancellation (what accept-replacement takes); null only for one a dry run previews. */
  changeId: z.number().int().nullable(),
});
export type CancelledSession = z.infer<typeof CancelledSession>;

/** A cancelled session booked again at its own time because the closure that cancelled it was undone. */
export const RestoredSession = NamedSession;
export type RestoredSession = z.infer<typeof RestoredSession>;

/** `PUT /api/staff/calendar` and `PUT …/programme`: the future series sessions the change cancels (or would, on a dry run). */
export const CalendarChangeResponse = z.object({ dryRun: z.boolean(), cancelled: z.array(CancelledSession) });
export type CalendarChangeResponse = z.infer<typeof CalendarChangeResponse>;

/** A period as stored: checked on the way in, read back as it was saved. */
export const BellPeriod = z.object({ name: z.string(), start: LocalTime, end: LocalTime });
export type BellPeriod = z.infer<typeof BellPeriod>;

/** Each weekday's periods, keyed "1" (Monday) to "5" (Friday). */
export const BellSchedule = z.record(z.string(), z.array(BellPeriod));

/** `GET /api/staff/calendar`: the school's calendar as stored (null until it is set up), its zone and its closures. */
export const SchoolCalendarResponse = z.object({
  calendar: z
    .object({
      bellSchedule: BellSchedule,
      cycleWeeks: z.number().int(),
      knownWeekAMonday: LocalDate,
      terms: z.array(z.object({ name: z.string(), start: LocalDate, end: LocalDate })),
      updatedAt: IsoInstant,
      updatedBy: Uuid.nullable(),
    })
    .nullable(),
  timeZone: z.string(),
  closures: z.array(
    z.object({
      id: Uuid,
      date: LocalDate,
      fromTime: LocalTime.nullable(),
      toTime: LocalTime.nullable(),
      reason: z.string(),
      createdBy: Uuid.nullable(),
      createdAt: IsoInstant,
      /** The sessions this closure cancelled when it was added, as they were named then. */
      cancelledSessions: z.array(CancelledSession),
    }),
  ),
});
export type SchoolCalendarResponse = z.infer<typeof SchoolCalendarResponse>;

const NamedSchool = z.object({ id: Uuid, name: z.string() });
/** Students of a partnership appear by first name only: partner-school children are never named in full. */
const FirstNamed = z.object({ id: Uuid, firstName: z.string() });

export const PairingSummary = z.object({ id: Uuid, mentor: FirstNamed, mentee: FirstNamed });
export type PairingSummary = z.infer<typeof PairingSummary>;

export const PartnershipSummary = z.object({
  id: Uuid,
  name: z.string(),
  mentorSchool: NamedSchool,
  menteeSchool: NamedSchool,
  pairings: z.array(PairingSummary),
});
export type PartnershipSummary = z.infer<typeof PartnershipSummary>;

export const PartnershipListResponse = z.object({ partnerships: z.array(PartnershipSummary) });

/** One school's bell schedule and cycle for the side-by-side week view: no student data. Null until the school sets them up. */
export const SchoolTimetable = z.object({
  schoolId: Uuid,
  name: z.string(),
  role: z.enum(['mentor', 'mentee']),
  timeZone: z.string(),
  bellSchedule: BellSchedule.nullable(),
  cycle: z.object({ weeks: z.union([z.literal(1), z.literal(2)]), knownWeekAMonday: LocalDate }).nullable(),
});
export type SchoolTimetable = z.infer<typeof SchoolTimetable>;

export const TimetablesResponse = z.object({ schools: z.array(SchoolTimetable) });

/** A partnership's programme, in the names `PUT …/programme` takes. */
export const Programme = z.object({
  start: LocalDate,
  end: LocalDate,
  sessionMinutes: z.number().int(),
  frequency: z.literal('weekly'),
  goals: z.string(),
  caseloadLimit: z.number().int(),
});
export type Programme = z.infer<typeof Programme>;

/** Null until either school's coordinator sets the programme up. */
export const ProgrammeResponse = z.object({ programme: Programme.nullable() });

export const calendarEndpoints = {
  calendar: endpoint({
    method: 'GET',
    path: '/api/staff/calendar',
    tag: 'calendar',
    audience: 'staff',
    summary: "The coordinator's own school's calendar, time zone and closures.",
    response: SchoolCalendarResponse,
  }),
  saveCalendar: endpoint({
    method: 'PUT',
    path: '/api/staff/calendar',
    tag: 'calendar',
    audience: 'staff',
    summary: "Replaces the school's bell schedule, A/B cycle and terms (and sets its time zone); the future sessions that no longer fit are cancelled with a proposed replacement (`dryRun=true` previews).",
    query: DryRunQuery,
    body: SchoolCalendarBody,
    response: CalendarChangeResponse,
  }),
  setAvailability: endpoint({
    method: 'PUT',
    path: '/api/staff/students/:id/availability',
    tag: 'calendar',
    audience: 'staff',
    summary: 'The periods of the cycle one of the school’s own students can be mentored in.',
    params: IdParams,
    body: AvailabilityBody,
    response: null,
  }),
  partnerships: endpoint({
    method: 'GET',
    path: '/api/staff/partnerships',
    tag: 'calendar',
    audience: 'staff',
    summary: "The partnerships the coordinator's school is in, with their pairings by first name.",
    response: PartnershipListResponse,
  }),
  timetables: endpoint({
    method: 'GET',
    path: '/api/staff/partnerships/:id/timetables',
    tag: 'calendar',
    audience: 'staff',
    summary: "Both schools' bell schedules and cycles, for the side-by-side week view.",
    params: IdParams,
    response: TimetablesResponse,
  }),
  programme: endpoint({
    method: 'GET',
    path: '/api/staff/partnerships/:id/programme',
    tag: 'calendar',
    audience: 'staff',
    summary: "The partnership's programme: dates, session length, goals, caseload limit.",
    params: IdParams,
    response: ProgrammeResponse,
  }),
  saveProgramme: endpoint({
    method: 'PUT',
    path: '/api/staff/partnerships/:id/programme',
    tag: 'calendar',
    audience: 'staff',
    summary: "Sets the partnership's programme (either school's coordinator); future sessions outside the new dates are cancelled (`dryRun=true` previews).",
    params: IdParams,
    query: DryRunQuery,
    body: ProgrammeBody,
    response: CalendarChangeResponse,
  }),
};
