import { and, arrayOverlaps, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Concern, ConcernAmendment } from '../../domain/concerns/concern.js';
import type { Db } from './database.js';
import type { AlsoInTransaction } from './in-transaction.js';
import { concernAmendments, concerns, staff } from './schema.js';

/** Concerns and their amendments. Nothing here updates or deletes: history only grows. */
export class ConcernRepository {
  constructor(private readonly db: Db) {}

  /** `also` joins the transaction (a referral recording the concern it became). */
  async insert(concern: Concern, also?: AlsoInTransaction<string>): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.insert(concerns).values({
        id: concern.id,
        sessionId: concern.sessionId,
        raisedAt: new Date(concern.raisedAt),
        source: concern.source,
        children: concern.children,
        schoolIds: concern.schoolIds,
        whatHappened: concern.whatHappened,
        presentAtTime: concern.presentAtTime,
        logExcerpt: concern.logExcerpt,
      });
      await tx.insert(concernAmendments).values(concern.amendments.map((a) => amendmentRow(concern.id, a)));
      await also?.(tx as unknown as Db, concern.id);
    });
  }

  /** Appends the amendments after `fromSeq`; a concurrent amendment makes the (concern, seq) key collide and this fail. */
  async appendAmendments(concernId: string, amendments: ConcernAmendment[]): Promise<void> {
    if (amendments.length === 0) return;
    await this.db.insert(concernAmendments).values(amendments.map((a) => amendmentRow(concernId, a)));
  }

  async findById(id: string): Promise<Concern | undefined> {
    const [row] = await this.db.select().from(concerns).where(eq(concerns.id, id)).limit(1);
    if (!row) return undefined;
    const amendments = await this.db
      .select()
      .from(concernAmendments)
      .where(eq(concernAmendments.concernId, id))
      .orderBy(asc(concernAmendments.seq));
    return toConcern(row, amendments);
  }

  /** Concerns involving a school's children, newest first. */
  async listForSchool(schoolId: string): Promise<Concern[]> {
    const rows = await this.db
      .select()
      .from(concerns)
      .where(arrayOverlaps(concerns.schoolIds, [schoolId]))
      .orderBy(desc(concerns.raisedAt));
    if (rows.length === 0) return [];
    const amendments = await this.db
      .select()
      .from(concernAmendments)
      .where(inArray(concernAmendments.concernId, rows.map((r) => r.id)))
      .orderBy(asc(concernAmendments.concernId), asc(concernAmendments.seq));
    return rows.map((row) => toConcern(row, amendments.filter((a) => a.concernId === row.id)));
  }

  /** Concerns in which a child is involved (for their chronology). */
  async listForStudent(studentId: string): Promise<Concern[]> {
    const rows = await this.db
      .select({ id: concerns.id })
      .from(concerns)
      .where(sql`${concerns.children} @> ${JSON.stringify([{ studentId }])}::jsonb`);
    const found = await Promise.all(rows.map((r) => this.findById(r.id)));
    return found.filter((c) => c !== undefined);
  }

  async dslsOf(schoolIds: string[]): Promise<Map<string, string[]>> {
    const rows = await this.db
      .select({ id: staff.id, schoolId: staff.schoolId })
      .from(staff)
      .where(and(inArray(staff.schoolId, schoolIds), sql`'dsl' = any(${staff.roles})`));
    const bySchool = new Map<string, string[]>(schoolIds.map((id) => [id, []]));
    for (const row of rows) bySchool.get(row.schoolId!)?.push(row.id);
    return bySchool;
  }
}

function amendmentRow(concernId: string, a: ConcernAmendment) {
  const { seq, at, byStaffId, byStudentId, kind, ...payload } = a;
  return { concernId, seq, at: new Date(at), byStaffId, byStudentId, kind, payload };
}

type ConcernRow = typeof concerns.$inferSelect;
type AmendmentRow = typeof concernAmendments.$inferSelect;

function toConcern(row: ConcernRow, amendments: AmendmentRow[]): Concern {
  return {
    id: row.id,
    sessionId: row.sessionId,
    raisedAt: row.raisedAt.toISOString(),
    source: row.source as Concern['source'],
    children: row.children as Concern['children'],
    schoolIds: row.schoolIds,
    whatHappened: row.whatHappened,
    presentAtTime: row.presentAtTime as string[],
    logExcerpt: row.logExcerpt as Concern['logExcerpt'],
    amendments: amendments.map((a) => ({
      seq: a.seq,
      at: a.at.toISOString(),
      byStaffId: a.byStaffId,
      byStudentId: a.byStudentId,
      kind: a.kind as ConcernAmendment['kind'],
      ...(a.payload as Partial<ConcernAmendment>),
    })),
  };
}
