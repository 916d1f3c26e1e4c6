import { eq, inArray, min } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { SessionPerson } from '@peerbridge/shared';
import type { Db } from './database.js';
import { pairings, schools, sessionOccurrences, staff, students } from './schema.js';

const mentor = alias(students, 'mentor');
const mentee = alias(students, 'mentee');
const mentorSchool = alias(schools, 'mentor_school');
const menteeSchool = alias(schools, 'mentee_school');

interface ChangeRow {
  kind: string;
  occurrenceId: string | null;
  byStaffId: string | null;
  detail: Record<string, unknown>;
}

export interface ChangeNames {
  mentor: SessionPerson | null;
  mentee: SessionPerson | null;
  sessionStart: string | null;
  byName: string | null;
}

const idIn = (detail: Record<string, unknown>, key: string) => (typeof detail[key] === 'string' ? (detail[key] as string) : null);

/**
 * The children, the session's date and the actor of each change, looked up when the log is
 * read (from the session, the pairing and the staff tables), so entries written before they
 * were recorded read the same as new ones.
 */
export class ScheduleChangeNames {
  constructor(private readonly db: Db) {}

  async of(rows: readonly ChangeRow[]): Promise<ChangeNames[]> {
    const occurrenceIds = unique(rows.map((r) => r.occurrenceId));
    const seriesIds = unique(rows.filter((r) => r.kind === 'series_created').map((r) => idIn(r.detail, 'seriesId')));
    const staffIds = unique(rows.map((r) => r.byStaffId));
    const [occurrences, firstOfSeries, people] = await Promise.all([
      occurrenceIds.length === 0
        ? []
        : this.db
            .select({ id: sessionOccurrences.id, pairingId: sessionOccurrences.pairingId, start: sessionOccurrences.startsAt })
            .from(sessionOccurrences)
            .where(inArray(sessionOccurrences.id, occurrenceIds)),
      seriesIds.length === 0
        ? []
        : this.db
            .select({ seriesId: sessionOccurrences.seriesId, start: min(sessionOccurrences.startsAt) })
            .from(sessionOccurrences)
            .where(inArray(sessionOccurrences.seriesId, seriesIds))
            .groupBy(sessionOccurrences.seriesId),
      staffIds.length === 0 ? [] : this.db.select({ id: staff.id, name: staff.fullName }).from(staff).where(inArray(staff.id, staffIds)),
    ]);
    const occurrence = new Map(occurrences.map((o) => [o.id, o]));
    const pairingOf = (r: ChangeRow) => idIn(r.detail, 'pairingId') ?? (r.occurrenceId ? (occurrence.get(r.occurrenceId)?.pairingId ?? null) : null);
    const pairingIds = unique(rows.map(pairingOf));
    const pairs =
      pairingIds.length === 0
        ? []
        : await this.db
            .select({
              id: pairings.id,
              mentor: { firstName: mentor.firstName, school: mentorSchool.name },
              mentee: { firstName: mentee.firstName, school: menteeSchool.name },
            })
            .from(pairings)
            .innerJoin(mentor, eq(mentor.id, pairings.mentorId))
            .innerJoin(mentee, eq(mentee.id, pairings.menteeId))
            .innerJoin(mentorSchool, eq(mentorSchool.id, mentor.schoolId))
            .innerJoin(menteeSchool, eq(menteeSchool.id, mentee.schoolId))
            .where(inArray(pairings.id, pairingIds));
    const pair = new Map(pairs.map((p) => [p.id, p]));
    const first = new Map(firstOfSeries.map((s) => [s.seriesId, s.start]));
    const name = new Map(people.map((p) => [p.id, p.name]));
    return rows.map((r) => {
      const pairingId = pairingOf(r);
      const found = pairingId ? pair.get(pairingId) : undefined;
      return {
        mentor: found?.mentor ?? null,
        mentee: found?.mentee ?? null,
        sessionStart: sessionStartOf(r, occurrence.get(r.occurrenceId ?? '')?.start ?? null, first.get(idIn(r.detail, 'seriesId') ?? '') ?? null),
        byName: r.byStaffId ? (name.get(r.byStaffId) ?? null) : null,
      };
    });
  }
}

/** The session a change is about: a replacement's own time, a series' first session, else the session it names. */
function sessionStartOf(row: ChangeRow, occurrenceStart: Date | null, seriesStart: Date | string | null): string | null {
  const at = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
  if (row.kind === 'replacement_booked' || row.kind === 'occurrence_moved') return at(idIn(row.detail, 'start') ?? occurrenceStart);
  if (row.kind === 'series_created') return at(seriesStart);
  if (row.kind === 'series_ended' || row.kind === 'pairing_ended') return at(idIn(row.detail, 'firstCancelled') ?? occurrenceStart);
  return at(occurrenceStart);
}

function unique(values: readonly (string | null)[]): string[] {
  return [...new Set(values.filter((v): v is string => v !== null))];
}
