import { Temporal } from 'temporal-polyfill';
import type { LifecycleResult, MoveSessionBody, PairingSeriesResponse } from '@peerbridge/shared';
import { can } from '../../domain/access/policy.js';
import { calendarLossAt, checkSeriesConflicts, lossWords } from '../../domain/scheduling/index.js';
import type { Clock } from '../../domain/time/clock.js';
import { AppError } from '../../errors.js';
import type { CalendarRepository } from '../../infra/db/calendar-repository.js';
import type { SchedulingRepository } from '../../infra/db/scheduling-repository.js';
import type { AlsoInTransaction } from '../../infra/db/in-transaction.js';
import type { LifecycleWrite, SeriesLifecycleRepository } from '../../infra/db/series-lifecycle-repository.js';
import type { StaffAuditTrail } from '../audit/staff-audit-trail.js';
import type { StaffIdentity } from '../staff/staff-auth.js';
import { auditRefs, dateWords, noticesFor, pairWords, sessionsWords, sessionWords, type NamedPair } from './lifecycle-words.js';
import { PairingContexts } from './pairing-context.js';

const WEEKDAY_NAMES = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
const instant = (d: Date) => Temporal.Instant.fromEpochMilliseconds(d.getTime());
const told = 'Both schools’ coordinators have been told.';

export interface LifecycleDeps {
  calendars: Pick<CalendarRepository, 'load' | 'availabilityOf' | 'programmeOf'>;
  scheduling: Pick<SchedulingRepository, 'pairing' | 'schoolNames' | 'bookings' | 'occurrence'>;
  lifecycle: SeriesLifecycleRepository;
  clock: Clock;
  audit: Pick<StaffAuditTrail, 'recording'>;
}

/**
 * What happens to a pairing after its series is booked: one session cancelled or moved, the
 * series ended from a date, the pair unpaired. Either school's coordinator may do each; each is
 * logged in the schedule-change log and the staff audit trail, and both coordinators are told.
 */
export class SeriesLifecycle {
  private readonly contexts: PairingContexts;

  constructor(private readonly deps: LifecycleDeps) {
    this.contexts = new PairingContexts(deps);
  }

  async pairingSeries(staff: StaffIdentity, pairingId: string): Promise<PairingSeriesResponse> {
    const pair = await this.namedPair(pairingId, staff);
    const now = this.deps.clock.now();
    const [state, series, upcoming] = await Promise.all([
      this.deps.lifecycle.pairingState(pairingId),
      this.deps.lifecycle.currentSeries(pairingId),
      this.deps.lifecycle.sessionsFrom([pairingId], now, { limit: 8 }),
    ]);
    const weekday = Number(series?.pattern.weekday);
    const localStart = String(series?.pattern.localStart ?? '');
    return {
      pairingId,
      mentor: { firstName: pair.mentor.firstName, school: pair.mentor.schoolName },
      mentee: { firstName: pair.mentee.firstName, school: pair.mentee.schoolName },
      endedAt: state?.endedAt?.toISOString() ?? null,
      endReason: state?.endReason ?? null,
      series: series
        ? { id: series.id, weekday, localStart, label: `${WEEKDAY_NAMES[weekday]}s at ${localStart} (${pair.mentee.schoolName} time)` }
        : null,
      upcoming: upcoming.map((s) => ({
        id: s.id,
        start: s.start.toISOString(),
        end: s.end.toISOString(),
        status: s.status,
        cancelReason: s.cancelReason,
      })),
    };
  }

  async cancelSession(staff: StaffIdentity, sessionId: string, reason: string): Promise<LifecycleResult> {
    const { session, pair } = await this.futureSession(staff, sessionId);
    const when = sessionWords(session.startsAt, pair);
    await this.deps.lifecycle.apply(
      {
        at: this.deps.clock.now(),
        by: staff.staffId,
        cancel: { ids: [session.id], reason },
        changes: [{ partnershipId: pair.partnershipId, kind: 'occurrence_cancelled', occurrenceId: session.id, detail: () => ({ pairingId: pair.pairingId, reason, proposedReplacement: null }) }],
        notices: noticesFor(pair, `${staff.fullName} cancelled the session of ${pairWords(pair)} at ${when}: ${reason}`),
      },
      this.deps.audit.recording(staff, () => ({ kind: 'SessionCancelledByStaff', occurrenceId: session.id, ...auditRefs(pair), session: when, reason })),
    );
    return { message: `Cancelled the session of ${pairWords(pair)} at ${when}. ${told}`, cancelled: 1, bookedSessionId: null };
  }

  /** Checked as a new booking would be: calendars, closures, availability, programme dates, bookings, iPads, caseload. */
  async moveSession(staff: StaffIdentity, sessionId: string, to: MoveSessionBody): Promise<LifecycleResult> {
    const { session, pair } = await this.futureSession(staff, sessionId);
    const ctx = await this.contexts.load(staff, session.pairingId);
    // The new time is read on the asker's own school clock, as every time on their screen is.
    const askerZone = staff.schoolId === ctx.pairing.mentor.schoolId ? ctx.mentorSchool.timeZone : ctx.menteeSchool.timeZone;
    const start = Temporal.PlainDate.from(to.date).toZonedDateTime({ timeZone: askerZone, plainTime: Temporal.PlainTime.from(to.time) }).toInstant();
    const lengthMs = session.endsAt.getTime() - session.startsAt.getTime();
    const end = start.add({ milliseconds: lengthMs });
    if (Temporal.Instant.compare(start, this.deps.clock.now()) <= 0) {
      throw AppError.badRequest('The new time has already passed: pick a time still to come.', { problems: [{ field: 'date', problem: 'has already passed' }] });
    }
    if (start.epochMilliseconds === session.startsAt.getTime()) {
      throw AppError.badRequest('That is the session’s time already.', { problems: [{ field: 'time', problem: 'is the session’s time already' }] });
    }
    const menteeDate = start.toZonedDateTimeISO(ctx.menteeSchool.timeZone).toPlainDate();
    const programme = await this.deps.calendars.programmeOf(ctx.pairing.partnershipId);
    const reasons: { code: string; message: string }[] = [];
    if (programme && (menteeDate.toString() < programme.startDate || menteeDate.toString() > programme.endDate)) {
      reasons.push({ code: 'outside_programme', message: `The programme runs from ${dateWords(programme.startDate)} to ${dateWords(programme.endDate)}` });
    }
    const loss = calendarLossAt({ ...ctx.search, sessionMinutes: Math.round(lengthMs / 60_000), start });
    if (loss) {
      const names = { mentorSchool: pair.mentor.schoolName, menteeSchool: pair.mentee.schoolName, mentor: pair.mentor.firstName, mentee: pair.mentee.firstName };
      reasons.push({ code: loss.reason, message: lossWords(loss, names) });
    }
    // The session being moved is not a clash with itself.
    const bookings = (await this.contexts.bookingsFor(ctx)).filter(
      (b) => !(b.start.epochMilliseconds === session.startsAt.getTime() && b.studentIds.some((id) => id === pair.mentor.id || id === pair.mentee.id)),
    );
    const conflicts = checkSeriesConflicts({
      occurrences: [{ date: menteeDate, start, end }],
      mentor: this.contexts.participant(ctx, 'mentor'),
      mentee: this.contexts.participant(ctx, 'mentee'),
      bookings,
      caseload: { currentMenteeIds: [pair.mentee.id] },
    });
    reasons.push(...conflicts.map((c) => ({ code: c.code, message: c.message })));
    if (reasons.length > 0) {
      throw new AppError('conflict', `The session cannot move to ${sessionWords(start, pair)}: ${reasons[0]!.message}.`, { conflicts: reasons });
    }
    const from = sessionWords(session.startsAt, pair);
    const toWords = sessionWords(start, pair);
    const bookedId = await this.deps.lifecycle.apply(
      {
        at: this.deps.clock.now(),
        by: staff.staffId,
        cancel: { ids: [session.id], reason: `Moved to ${toWords}` },
        book: { pairingId: session.pairingId, seriesId: session.seriesId, start, end },
        changes: [
          {
            partnershipId: pair.partnershipId,
            kind: 'occurrence_moved',
            occurrenceId: session.id,
            detail: (booked) => ({ pairingId: pair.pairingId, movedToOccurrenceId: booked, from: session.startsAt.toISOString(), start: start.toString(), end: end.toString() }),
          },
        ],
        notices: noticesFor(pair, `${staff.fullName} moved the session of ${pairWords(pair)} from ${from} to ${toWords}.`),
      },
      this.deps.audit.recording(staff, (booked: string | null) => ({ kind: 'SessionMoved', occurrenceId: session.id, movedToOccurrenceId: booked!, ...auditRefs(pair), from, to: toWords })),
    );
    return { message: `Moved the session of ${pairWords(pair)} from ${from} to ${toWords}. ${told}`, cancelled: 1, bookedSessionId: bookedId };
  }

  async endSeries(staff: StaffIdentity, pairingId: string, body: { from: string; reason?: string | undefined }): Promise<LifecycleResult> {
    const pair = await this.namedPair(pairingId, staff);
    const series = await this.deps.lifecycle.currentSeries(pairingId);
    if (!series) throw new AppError('conflict', `${pairWords(pair)} have no weekly sessions to end.`);
    const now = this.deps.clock.now();
    const today = now.toZonedDateTimeISO(pair.timeZone).toPlainDate();
    const from = Temporal.PlainDate.from(body.from);
    if (Temporal.PlainDate.compare(from, today) < 0) {
      throw AppError.badRequest('The end date has passed: pick today or a later date.', { problems: [{ field: 'from', problem: 'has passed: pick today or a later date' }] });
    }
    const fromInstant = from.toZonedDateTime({ timeZone: pair.timeZone }).toInstant();
    const since = Temporal.Instant.compare(fromInstant, now) > 0 ? fromInstant : now;
    const sessions = (await this.deps.lifecycle.sessionsFrom([pairingId], since, { scheduledOnly: true })).filter((s) => s.seriesId === series.id);
    const reason = `Weekly sessions ended from ${dateWords(body.from)}${body.reason ? `: ${body.reason}` : ''}`;
    await this.deps.lifecycle.apply(
      {
        at: now,
        by: staff.staffId,
        cancel: { ids: sessions.map((s) => s.id), reason },
        endSeriesIds: [series.id],
        changes: [
          {
            partnershipId: pair.partnershipId,
            kind: 'series_ended',
            occurrenceId: null,
            detail: () => ({ pairingId, seriesId: series.id, from: body.from, reason: body.reason ?? null, cancelled: sessions.length, firstCancelled: sessions[0]?.start.toISOString() ?? null }),
          },
        ],
        notices: noticesFor(pair, `${staff.fullName} ended the weekly sessions of ${pairWords(pair)} from ${dateWords(body.from)} (${sessionsWords(sessions.length)} cancelled)${body.reason ? `: ${body.reason}` : '.'}`),
      },
      this.deps.audit.recording(staff, () => ({ kind: 'SeriesEnded', pairingId, ...auditRefs(pair), from: body.from, cancelled: sessions.length })),
    );
    return { message: `Ended the weekly sessions of ${pairWords(pair)} from ${dateWords(body.from)}: ${sessionsWords(sessions.length)} cancelled. ${told}`, cancelled: sessions.length, bookedSessionId: null };
  }

  /** `also` runs in the same transaction (an exit records itself with the ending). */
  async unpair(staff: StaffIdentity, pairingId: string, reason: string, also?: AlsoInTransaction<string | null>): Promise<LifecycleResult> {
    const pair = await this.namedPair(pairingId, staff);
    const state = await this.deps.lifecycle.pairingState(pairingId);
    if (state?.endedAt) throw new AppError('conflict', `${pairWords(pair)} are already unpaired.`);
    const ending = await this.endingOf(pair, reason, staff);
    const audit = this.deps.audit.recording<string | null>(staff, () => ({ kind: 'PairingEnded', pairingId, ...auditRefs(pair), reason, cancelled: ending.cancelled }));
    await this.deps.lifecycle.apply(
      { at: this.deps.clock.now(), by: staff.staffId, ...ending.write, endPairings: { ids: [pairingId], reason } },
      also ? async (tx, written) => (await audit(tx, written), await also(tx, written)) : audit,
    );
    return { message: `Unpaired ${pairWords(pair)}: ${sessionsWords(ending.cancelled)} cancelled. ${told}`, cancelled: ending.cancelled, bookedSessionId: null };
  }

  /** What ending a pairing writes: its sessions still to come cancelled, its series ended, the change logged, both schools told. */
  async endingOf(pair: NamedPair, reason: string, staff: StaffIdentity): Promise<{ write: Omit<LifecycleWrite, 'at' | 'by'>; cancelled: number }> {
    const [sessions, series] = await Promise.all([
      this.deps.lifecycle.sessionsFrom([pair.pairingId], this.deps.clock.now(), { scheduledOnly: true }),
      this.deps.lifecycle.currentSeries(pair.pairingId),
    ]);
    return {
      cancelled: sessions.length,
      write: {
        cancel: { ids: sessions.map((s) => s.id), reason: `Unpaired: ${reason}` },
        endSeriesIds: series ? [series.id] : [],
        changes: [
          {
            partnershipId: pair.partnershipId,
            kind: 'pairing_ended',
            occurrenceId: null,
            detail: () => ({ pairingId: pair.pairingId, reason, cancelled: sessions.length, firstCancelled: sessions[0]?.start.toISOString() ?? null }),
          },
        ],
        notices: noticesFor(pair, `${staff.fullName} unpaired ${pairWords(pair)} (${sessionsWords(sessions.length)} cancelled): ${reason}`),
      },
    };
  }

  /** The pairing with both children named; `staff` is checked for access to it unless left out (the caller has checked). */
  async namedPair(pairingId: string, staff?: StaffIdentity): Promise<NamedPair> {
    const pairing = await this.deps.scheduling.pairing(pairingId);
    if (!pairing) throw AppError.notFound('No such pairing.');
    if (staff && !can(staff, 'schedule:manage', [pairing.mentor.schoolId, pairing.mentee.schoolId])) {
      throw new AppError('forbidden', 'Your account does not have access to that.');
    }
    const schools = await this.deps.lifecycle.schools([pairing.mentor.schoolId, pairing.mentee.schoolId]);
    const named = (s: typeof pairing.mentor) => ({ ...s, schoolName: schools.get(s.schoolId)?.name ?? '' });
    return {
      pairingId,
      partnershipId: pairing.partnershipId,
      mentor: named(pairing.mentor),
      mentee: named(pairing.mentee),
      timeZone: schools.get(pairing.mentee.schoolId)?.timeZone ?? 'UTC',
    };
  }

  /** A session still to come and still booked, of a pairing the asker may manage. */
  private async futureSession(staff: StaffIdentity, sessionId: string) {
    const session = await this.deps.scheduling.occurrence(sessionId);
    if (!session) throw AppError.notFound('No such session.');
    const pair = await this.namedPair(session.pairingId, staff);
    if (session.status !== 'scheduled') throw new AppError('conflict', `That session (${sessionWords(session.startsAt, pair)}) is already cancelled.`);
    if (Temporal.Instant.compare(instant(session.startsAt), this.deps.clock.now()) <= 0) {
      throw new AppError('conflict', `That session (${sessionWords(session.startsAt, pair)}) has already started; only sessions still to come can be changed.`);
    }
    return { session, pair };
  }
}
