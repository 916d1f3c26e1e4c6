import { z } from 'zod';
import { Uuid } from '../ids.js';
import { freeText } from '../text.js';

/** "08:40": a school's local wall-clock time. */
export const LocalTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time like 08:40');
export const LocalDate = z.iso.date({ message: 'must be a date like 2026-09-07' });

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
  devicePool: z.strictObject({ devices: z.number().int().min(0).max(500), rooms: z.array(freeText({ max: 60 })).max(50).optional() }),
});
export type SchoolCalendarBody = z.infer<typeof SchoolCalendarBody>;

/** `POST /api/staff/calendar/closures`: an INSET day, trip, exam or snow day; whole-day without times. */
export const ClosureBody = z
  .strictObject({
    date: LocalDate,
    from: LocalTime.optional(),
    to: LocalTime.optional(),
    reason: freeText({ max: 200 }),
  })
  .refine((c) => !c.from || !c.to || c.from < c.to, { message: 'must end after it starts', path: ['to'] });
export type ClosureBody = z.infer<typeof ClosureBody>;

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

/** `POST /api/staff/pairings/:id/series`: create a weekly series from a candidate. */
export const CreateSeriesBody = z.strictObject({ candidateId: z.string().min(1).max(100) });

export const PairingRef = z.object({ pairingId: Uuid });

/** `POST /api/staff/schedule-changes/:id/accept-replacement` */
export const ScheduleChangeId = z.coerce.number({ message: 'must be a number' }).int().positive();

/** `POST /api/staff/partnerships/:id/pairings`, and one entry of a review. */
export const PairRequest = z.strictObject({ menteeId: Uuid, mentorId: Uuid });

/** `POST /api/staff/partnerships/:id/suggestions`: the coordinator's rejections and acceptances so far. */
export const MatchingReview = z.strictObject({
  excluded: z.array(PairRequest).max(5000).default([]),
  locked: z.array(PairRequest).max(5000).default([]),
});

/** `PUT /api/staff/students/:id/subjects` */
export const SubjectsBody = z.strictObject({
  subjects: z.array(z.string().trim().toLowerCase().regex(/^[a-z][a-z -]*(:[a-z][a-z -]*)?$/, 'must look like "maths" or "english:poetry"')).max(20),
});
