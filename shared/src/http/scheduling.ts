import { z } from 'zod';
import { IsoInstant, LocalDate, Uuid } from '../ids.js';
import { freeText } from '../text.js';
import { CancelledSession, DryRunQuery, LocalTime, RestoredSession, SessionPerson } from './calendar.js';
import { endpoint } from './endpoint.js';
import { IdParams } from './params.js';

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

/** `POST /api/staff/pairings/:id/series`: create a weekly series from a candidate. */
export const CreateSeriesBody = z.strictObject({ candidateId: z.string().min(1).max(100) });

export const PairingRef = z.object({ pairingId: Uuid });

/** `POST /api/staff/schedule-changes/:id/accept-replacement` */
export const ScheduleChangeId = z.coerce.number({ message: 'must be a number' }).int().positive();
export const ScheduleChangeParams = z.object({ id: ScheduleChangeId });

/** Why a candidate slot loses a date of the programme. */
export const LostDateReason = z.enum([
  'holiday',
  'closure',
  /** The student is free at this time only in the other week of their school's A/B cycle. */
  'not_in_cycle_week',
  /** The student has no available period at this time that week (e.g. the zones' clocks changed on different dates). */
  'not_available',
  'student_booked',
  'device_pool_full',
]);
export type LostDateReason = z.infer<typeof LostDateReason>;

export const LostDate = z.object({
  date: LocalDate,
  /** The school's name, or "Both schools". */
  school: z.string(),
  reason: LostDateReason,
  /** A closure's reason as the school gave it ("INSET day"). */
  detail: z.string().nullable(),
});
export type LostDate = z.infer<typeof LostDate>;

/** A weekly slot both students are free in, with the programme dates it would lose. */
export const SlotCandidate = z.object({
  /** What `POST …/series` takes back: weekday and local start. */
  id: z.string(),
  weekday: z.number().int().min(1).max(5),
  label: z.string(),
  /** At the mentee's school. */
  localStart: LocalTime,
  menteePeriod: z.string(),
  everyWeekSameSlot: z.boolean(),
  sessions: z.number().int(),
  firstSession: IsoInstant.nullable(),
  lostDates: z.array(LostDate),
});
export type SlotCandidate = z.infer<typeof SlotCandidate>;

export const CandidatesResponse = z.object({ candidates: z.array(SlotCandidate) });

/** The series, described as the candidate it was made from, naming the pair and who booked it. */
export const SeriesCreatedResponse = SlotCandidate.extend({ seriesId: Uuid, mentor: SessionPerson, mentee: SessionPerson, byName: z.string() });
export type SeriesCreatedResponse = z.infer<typeof SeriesCreatedResponse>;

/** What a new closure cancels (or, on a dry run, would cancel); `closureId` is null on a dry run. */
export const ClosureAddedResponse = z.object({
  dryRun: z.boolean(),
  closureId: Uuid.nullable(),
  cancelled: z.array(CancelledSession),
});
export type ClosureAddedResponse = z.infer<typeof ClosureAddedResponse>;

/** A cancelled session that undoing its closure leaves cancelled, and why (its time is taken, a replacement was booked...). */
export const StillCancelledSession = CancelledSession.extend({ notRestoredBecause: z.string() });
export type StillCancelledSession = z.infer<typeof StillCancelledSession>;

/**
 * `DELETE /api/staff/calendar/closures/:id`: undoing a closure restores each session it cancelled
 * whose time is still free for both students and open at both schools and for which no replacement
 * was booked; the others stay cancelled, each with the reason.
 */
export const ClosureRemovedResponse = z.object({
  dryRun: z.boolean(),
  restored: z.array(RestoredSession),
  stillCancelled: z.array(StillCancelledSession),
});
export type ClosureRemovedResponse = z.infer<typeof ClosureRemovedResponse>;

export const BookedReplacement = z.object({ occurrenceId: Uuid, when: z.string() });
export type BookedReplacement = z.infer<typeof BookedReplacement>;

/**
 * One entry of the timetable-change log both coordinators see. `kind` is
 * `series_created`, `occurrence_cancelled`, `replacement_booked`, `occurrence_restored`
 * (its closure undone), `occurrence_moved`, `series_ended` or `pairing_ended`; `detail` is what was
 * recorded with it, kept as written (older entries may say less). The names,
 * the session's date and the actor are looked up when read, so old entries have them too.
 */
export const ScheduleChange = z.object({
  id: z.number().int(),
  partnershipId: Uuid,
  at: IsoInstant,
  byStaffId: Uuid.nullable(),
  kind: z.string(),
  occurrenceId: Uuid.nullable(),
  detail: z.record(z.string(), z.unknown()),
  /** The pair it concerns, when known. */
  mentor: SessionPerson.nullable(),
  mentee: SessionPerson.nullable(),
  /** When the session it is about starts (a series: its first session); not when the change was made. */
  sessionStart: IsoInstant.nullable(),
  /** Who made the change, by name; null for the system or a removed account. */
  byName: z.string().nullable(),
});
export type ScheduleChange = z.infer<typeof ScheduleChange>;

export const ScheduleChangesResponse = z.object({ changes: z.array(ScheduleChange) });

export const schedulingEndpoints = {
  candidates: endpoint({
    method: 'GET',
    path: '/api/staff/pairings/:id/candidates',
    tag: 'scheduling',
    audience: 'staff',
    summary: 'Up to ten weekly slots a pairing could meet in, best first.',
    params: IdParams,
    response: CandidatesResponse,
  }),
  createSeries: endpoint({
    method: 'POST',
    path: '/api/staff/pairings/:id/series',
    tag: 'scheduling',
    audience: 'staff',
    summary: "Books a pairing's weekly series for the whole programme from one of its candidates (409 with every conflict).",
    params: IdParams,
    body: CreateSeriesBody,
    response: SeriesCreatedResponse,
    status: 201,
  }),
  addClosure: endpoint({
    method: 'POST',
    path: '/api/staff/calendar/closures',
    tag: 'scheduling',
    audience: 'staff',
    summary: 'Adds a closure; the series sessions it covers are cancelled, each with a proposed replacement (`dryRun=true` previews and writes nothing).',
    query: DryRunQuery,
    body: ClosureBody,
    response: ClosureAddedResponse,
    status: 201,
  }),
  removeClosure: endpoint({
    method: 'DELETE',
    path: '/api/staff/calendar/closures/:id',
    tag: 'scheduling',
    audience: 'staff',
    summary: "Undoes one of the school's closures: the sessions it cancelled come back where their time is still free (`dryRun=true` previews).",
    params: IdParams,
    query: DryRunQuery,
    response: ClosureRemovedResponse,
  }),
  acceptReplacement: endpoint({
    method: 'POST',
    path: '/api/staff/schedule-changes/:id/accept-replacement',
    tag: 'scheduling',
    audience: 'staff',
    summary: 'Books the replacement a calendar change proposed, checked again against everything a new series is checked against.',
    params: ScheduleChangeParams,
    response: BookedReplacement,
    status: 201,
  }),
  changes: endpoint({
    method: 'GET',
    path: '/api/staff/schedule-changes',
    tag: 'scheduling',
    audience: 'staff',
    summary: "The timetable changes of the school's partnerships, newest first.",
    response: ScheduleChangesResponse,
  }),
};
