import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from './database.js';
import { coordinatorNotices, students } from './schema.js';

export interface NewNotice {
  schoolId: string;
  /** Null for a notice about a student rather than one session (consent withdrawn). */
  occurrenceId: string | null;
  studentId: string;
  /** `schedule_changed`: the partner school's coordinator cancelled, moved or ended sessions, or unpaired. */
  /** `repeated_absence`: a student missed the school's set number of consecutive sessions (attendance). */
  kind: 'consent_missing' | 'consent_withdrawn' | 'schedule_changed' | 'session_ended_by_staff' | 'repeated_absence';
  message: string;
}

/** A notice just written, as what follows it (its email) needs it. */
export interface RaisedNotice {
  id: string;
  schoolId: string;
  kind: string;
}

/** More to do in the transaction that raised notices (queue their emails): both kept or neither. */
export type OnNoticesRaised = (tx: Db, notices: RaisedNotice[]) => Promise<void>;

export class NoticeRepository {
  constructor(
    private readonly db: Db,
    private readonly onRaised?: OnNoticesRaised,
  ) {}

  /**
   * One open notice per session, student and kind: a child tapping Join again does not pile them up.
   * `tx`: raised inside the transaction of the change it is about (a withdrawal), so both are kept or neither.
   */
  async raise(notice: NewNotice, tx?: Db): Promise<void> {
    const write = async (db: Db) => {
      const raised = await db
        .insert(coordinatorNotices)
        .values(notice)
        .onConflictDoNothing()
        .returning({ id: coordinatorNotices.id, schoolId: coordinatorNotices.schoolId, kind: coordinatorNotices.kind });
      // Only a notice that is new: one already open was emailed when it was raised.
      if (raised.length > 0) await this.onRaised?.(db, raised);
    };
    if (tx || !this.onRaised) await write(tx ?? this.db);
    else await this.db.transaction((own) => write(own as unknown as Db));
  }

  /** Marks a school's notice dealt with; false when there is no such open notice at that school. */
  async resolve(id: string, schoolId: string, at: Date): Promise<boolean> {
    const rows = await this.db
      .update(coordinatorNotices)
      .set({ resolvedAt: at })
      .where(and(eq(coordinatorNotices.id, id), eq(coordinatorNotices.schoolId, schoolId), isNull(coordinatorNotices.resolvedAt)))
      .returning({ id: coordinatorNotices.id });
    return rows.length > 0;
  }

  async openForSchool(schoolId: string) {
    const rows = await this.db
      .select({
        id: coordinatorNotices.id,
        kind: coordinatorNotices.kind,
        message: coordinatorNotices.message,
        occurrenceId: coordinatorNotices.occurrenceId,
        studentId: coordinatorNotices.studentId,
        studentName: students.firstName,
        studentSurname: students.lastName,
        createdAt: coordinatorNotices.createdAt,
      })
      .from(coordinatorNotices)
      .leftJoin(students, eq(students.id, coordinatorNotices.studentId))
      .where(and(eq(coordinatorNotices.schoolId, schoolId), isNull(coordinatorNotices.resolvedAt)))
      .orderBy(desc(coordinatorNotices.createdAt));
    return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
  }
}
