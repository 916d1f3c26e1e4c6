import { and, eq, lt } from 'drizzle-orm';
import pino, { type Logger } from 'pino';
import { Temporal } from 'temporal-polyfill';
import { schoolDayAt } from '../domain/time/school-day.js';
import { AttendanceRepository } from '../infra/db/attendance-repository.js';
import type { Db } from '../infra/db/database.js';
import { NoticeRepository } from '../infra/db/notice-repository.js';
import { ProgrammeSettingsRepository } from '../infra/db/programme-settings-repository.js';
import { pairings, sessionOccurrences } from '../infra/db/schema.js';
import type { NewSessionEvent, SessionEventRepository } from '../infra/db/session-event-repository.js';
import { AttendanceRecorder } from '../services/attendance/attendance-recorder.js';
import type { DemoManifest } from './demo-data.js';

/*
 * A few weeks of attendance history for the demo pairings, made the way real history is: past
 * sessions, their session logs written through the log writer (joins, media, leavings, the end),
 * then attendance computed from those logs by the recorder (never hand-written records). Tom and
 * Aisha's pairing has two absences of Aisha in a row, so Riverside's coordinator has the notice.
 */

type Week = 'both' | { late: 'mentee'; minutes: number } | { leftEarly: 'mentee'; minutes: number } | { absent: 'mentor' | 'mentee' } | 'no_media' | { cancelled: string };

/** Per demo pairing, oldest week first (four, three, two and one week ago). */
const HISTORY: Week[][] = [
  ['both', { late: 'mentee', minutes: 9 }, 'both', { leftEarly: 'mentee', minutes: 12 }],
  ['both', { absent: 'mentee' }, { absent: 'mentee' }, 'both'],
  ['both', 'no_media', { cancelled: 'Year 11 mock exams' }, { absent: 'mentor' }],
];
const SESSION_MINUTES = 30;
const ZONE = 'Europe/London';

/**
 * The history for a seeded demo (the server's start with DEMO, and `npm run seed`): through the
 * given log writer, computed by a recorder of its own on the demo's `now`.
 */
export async function seedDemoAttendanceHistory(db: Db, events: Pick<SessionEventRepository, 'append' | 'list'>, now: Temporal.Instant, demo: DemoManifest, log: Logger = pino({ level: 'silent' })) {
  const recorder = new AttendanceRecorder({
    attendance: new AttendanceRepository(db),
    events,
    settings: new ProgrammeSettingsRepository(db),
    notices: new NoticeRepository(db),
    clock: { now: () => now },
    log,
  });
  await seedDemoAttendance({ db, events, recorder, now, pairs: demo.sessions.map((s) => ({ mentorId: s.mentor.id, menteeId: s.mentee.id })) });
}

export async function seedDemoAttendance(deps: {
  db: Db;
  events: Pick<SessionEventRepository, 'append'>;
  recorder: Pick<AttendanceRecorder, 'compute'>;
  now: Temporal.Instant;
  pairs: { mentorId: string; menteeId: string }[];
}): Promise<void> {
  const { db, now } = deps;
  const today = schoolDayAt(now, ZONE);
  // The same local time as now, on the five-minute grid, a week apart (local, so a clock change keeps it).
  const slot = Temporal.Instant.fromEpochMilliseconds(Math.floor(now.epochMilliseconds / 300_000) * 300_000).toZonedDateTimeISO(ZONE);
  for (let p = 0; p < Math.min(deps.pairs.length, HISTORY.length); p++) {
    const { mentorId, menteeId } = deps.pairs[p]!;
    const [pairing] = await db.select({ id: pairings.id }).from(pairings).where(and(eq(pairings.mentorId, mentorId), eq(pairings.menteeId, menteeId))).limit(1);
    if (!pairing) continue;
    // Seeded once: a pairing with any session before today already has its history.
    const [earlier] = await db
      .select({ id: sessionOccurrences.id })
      .from(sessionOccurrences)
      .where(and(eq(sessionOccurrences.pairingId, pairing.id), lt(sessionOccurrences.startsAt, new Date(today.start.epochMilliseconds))))
      .limit(1);
    if (earlier) continue;
    const weeks = HISTORY[p]!;
    for (let w = 0; w < weeks.length; w++) {
      const start = slot.subtract({ weeks: weeks.length - w }).toInstant();
      const week = weeks[w]!;
      const cancelled = typeof week === 'object' && 'cancelled' in week ? week.cancelled : null;
      const [row] = await db
        .insert(sessionOccurrences)
        .values({
          pairingId: pairing.id,
          startsAt: new Date(start.epochMilliseconds),
          endsAt: new Date(start.add({ minutes: SESSION_MINUTES }).epochMilliseconds),
          ...(cancelled ? { status: 'cancelled' as const, cancelReason: cancelled } : {}),
        })
        .returning({ id: sessionOccurrences.id });
      if (!cancelled) for (const entry of logFor(row!.id, week, start, { mentorId, menteeId })) await deps.events.append(entry);
      await deps.recorder.compute(row!.id);
    }
  }
}

/** The log a real call would have left for one demo week. */
function logFor(occurrenceId: string, week: Week, start: Temporal.Instant, ids: { mentorId: string; menteeId: string }): NewSessionEvent[] {
  const at = (minutes: number) => start.add({ seconds: Math.round(minutes * 60) });
  const end = SESSION_MINUTES;
  const entries: NewSessionEvent[] = [];
  const add = (type: NewSessionEvent['type'], actor: string | null, minute: number, detail: Record<string, unknown> = {}) =>
    entries.push({ occurrenceId, type, actor, at: at(minute), detail });
  const absent = typeof week === 'object' && 'absent' in week ? week.absent : null;
  const menteeJoins = typeof week === 'object' && 'late' in week ? week.minutes : 1.5;
  const menteeLeaves = typeof week === 'object' && 'leftEarly' in week ? end - week.minutes : null;
  if (absent !== 'mentor') {
    add('SessionJoined', ids.mentorId, 0.5);
    add('MediaFlowing', ids.mentorId, 0.6, { kind: 'audio' });
  }
  if (absent !== 'mentee') {
    add('SessionJoined', ids.menteeId, menteeJoins);
    if (week !== 'no_media') add('MediaFlowing', ids.menteeId, menteeJoins + 0.1, { kind: 'audio' });
  }
  if (menteeLeaves !== null) add('SessionLeft', ids.menteeId, menteeLeaves, { reason: 'left' });
  entries.sort((a, b) => Temporal.Instant.compare(a.at, b.at));
  add('SessionEnded', null, end, { reason: 'time_up' });
  if (absent !== 'mentor') add('SessionLeft', ids.mentorId, end, { reason: 'time_up' });
  if (absent !== 'mentee' && menteeLeaves === null) add('SessionLeft', ids.menteeId, end, { reason: 'time_up' });
  return entries;
}
