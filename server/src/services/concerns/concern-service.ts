import { randomUUID } from 'node:crypto';
import { CONCERN_WORDS_MAX, ConcernWords, describeLogEntry, isTooLong, Uuid, type ClientAckData } from '@peerbridge/shared';
import type { Logger } from 'pino';
import type { StaffAuditTrail } from '../audit/staff-audit-trail.js';
import { can } from '../../domain/access/policy.js';
import { amendmentWords, concernToJson, concernsToCsv, type ConcernNames } from '../../domain/concerns/concern-export.js';
import { amendConcern, childChronology, currentStatus, dslRecipients, raiseConcern } from '../../domain/concerns/concern-workflow.js';
import type { Concern, ConcernChange, ConcernChild, ConcernLogEntry, ConcernStatus } from '../../domain/concerns/concern.js';
import { ConcernInputError } from '../../domain/concerns/concern.js';
import type { Clock } from '../../domain/time/clock.js';
import { AppError } from '../../errors.js';
import type { ConcernRepository } from '../../infra/db/concern-repository.js';
import type { AlsoInTransaction } from '../../infra/db/in-transaction.js';
import type { RecordAccess, RecordViewRepository } from '../../infra/db/record-view-repository.js';
import type { SessionEventRepository } from '../../infra/db/session-event-repository.js';
import type { SessionRecord, SessionRepository } from '../../infra/db/session-repository.js';
import type { LiveSessionsView } from '../live-registry/live-sessions-view.js';
import { alertChildren } from '../notifications/alert-children.js';
import type { RealtimeSink } from '../notifications/realtime-sink.js';
import type { SessionTimeline, TimelineActor, WordsNotKept } from '../session-timeline/session-timeline.js';
import type { StaffIdentity } from '../staff/staff-auth.js';
import { schoolOf } from '../staff/staff-school.js';

const LOG_EXCERPT_ENTRIES = 20;

/** Said to the child; the concern has already reached the safeguarding leads when they read it. */
const WORDS_NOT_KEPT: Record<WordsNotKept, string> = {
  too_long: `Your worry reached the safeguarding leads, but your words were too long to keep (${CONCERN_WORDS_MAX} characters at most).`,
  unreadable: 'Your worry reached the safeguarding leads, but your words could not be kept.',
};

/** The child's words as they can be kept, or why they cannot; no words at all is the one-tap report. */
function wordsOf(raw: unknown): { words: string | null; notKept?: WordsNotKept } {
  if (raw === undefined || raw === null) return { words: null };
  const parsed = ConcernWords.safeParse(raw);
  if (parsed.success) return { words: parsed.data || null };
  const tooLong = parsed.error.issues.some(isTooLong);
  return { words: null, notKept: tooLong ? 'too_long' : 'unreadable' };
}

/**
 * The log's last entries as the concern keeps them: in the same plain words as the full log
 * ("Sam tried to send a phone number"), by first name only, with the facts behind them.
 */
function excerptOf(entries: Array<{ at: string; type: string; actor: string | null; detail: Record<string, unknown> }>, children: ConcernChild[]): ConcernLogEntry[] {
  const names = new Map(children.map((c) => [c.studentId, c.firstName] as const));
  for (const e of entries) if (e.type === 'ObserverJoined' && e.actor && typeof e.detail.name === 'string') names.set(e.actor, e.detail.name);
  return entries.map((e) => ({ at: e.at, type: e.type, summary: describeLogEntry(e, names).text, actor: e.actor, detail: { ...e.detail } }));
}

function childrenOf(record: SessionRecord): ConcernChild[] {
  return [record.mentor, record.mentee].map((s) => ({ studentId: s.id, schoolId: s.schoolId, firstName: s.firstName, lastName: s.lastName }));
}

/**
 * Concerns: raised by a child in one tap, or by staff; delivered to the DSL of
 * every child involved at once; handled through appended amendments only.
 */
export class ConcernService {
  constructor(
    private readonly deps: {
      concerns: Pick<ConcernRepository, 'insert' | 'findById' | 'listForSchool' | 'listForStudent' | 'appendAmendments' | 'dslsOf'>;
      sessions: Pick<SessionRepository, 'findById'>;
      /** The log excerpt a concern carries. */
      events: Pick<SessionEventRepository, 'list'>;
      timeline: Pick<SessionTimeline, 'concernRaised' | 'concernWordsAdded'>;
      views: Pick<RecordViewRepository, 'record' | 'recordMany' | 'viewsOf'>;
      live: Pick<LiveSessionsView, 'whereIs' | 'liveSessionsFor'>;
      sink: Pick<RealtimeSink, 'toSchoolDsls'>;
      clock: Clock;
      log: Logger;
      audit: StaffAuditTrail;
      /** Staff names by id, for the CSV export's authors. */
      staffNames: (ids: string[]) => Promise<Map<string, string>>;
    },
  ) {}

  /**
   * The "I'm worried" button in a call. It always files a concern: words that
   * cannot be kept (see `wordsOf`), or that the database would not take, are
   * dropped, the concern is filed without them, and the child is told.
   */
  async raiseFromCall(connectionId: string, rawWords: unknown, rawConcernId?: unknown): Promise<ClientAckData['concern:raise']> {
    const { session, participant } = this.deps.live.whereIs(connectionId);
    if (participant.kind !== 'student') throw new AppError('forbidden', 'Staff raise concerns from their own screen.');
    if (rawConcernId !== undefined && rawConcernId !== null) return this.addChildWords(session.record.id, participant, rawConcernId, rawWords);
    const present = [
      ...session.students().map((s) => `${s.info.firstName} (${s.info.schoolName})`),
      ...session.observers().map((o) => `${o.info.name} (${o.info.schoolName}, observing)`),
    ];
    const source = { kind: 'student', studentId: participant.id } as const;
    const children = childrenOf(session.record);
    let { words, notKept } = wordsOf(rawWords);
    let concern: Concern;
    try {
      concern = await this.raise(session.record, source, children, words, present);
    } catch (error) {
      if (words === null) throw error;
      // The words are the one part a child controls; whatever went wrong with them must not lose the concern.
      this.deps.log.error({ err: error, sessionId: session.record.id }, 'ConcernWordsNotStored');
      words = null;
      notKept = 'unreadable';
      concern = await this.raise(session.record, source, children, null, present);
    }
    // The DSL sees that the child tried to say more than was kept.
    await this.deps.timeline.concernRaised(session.record.id, participant, { concernId: concern.id, wordsNotKept: notKept });
    return notKept ? { concernId: concern.id, wordsNotKept: WORDS_NOT_KEPT[notKept] } : { concernId: concern.id };
  }

  /**
   * Words a child types after the one tap belong to the concern that tap raised: they are added to
   * it (a note in their own words), not filed as a second concern. Only the child who raised it, in
   * the same session, may add to it; words that cannot be kept leave it as it was, and the child is told.
   */
  private async addChildWords(sessionId: string, student: TimelineActor, rawConcernId: unknown, rawWords: unknown): Promise<ClientAckData['concern:raise']> {
    const concernId = Uuid.safeParse(rawConcernId);
    const concern = concernId.success ? await this.deps.concerns.findById(concernId.data) : undefined;
    if (!concern || concern.sessionId !== sessionId || concern.source.kind !== 'student' || concern.source.studentId !== student.id) {
      throw AppError.notFound('We could not find the worry you raised in this call. Press “I’m worried” again to tell a safeguarding lead.');
    }
    const { words, notKept } = wordsOf(rawWords);
    if (!words) return { concernId: concern.id, wordsNotKept: WORDS_NOT_KEPT[notKept ?? 'unreadable'] };
    const result = amendConcern(concern, { kind: 'note', text: words }, { kind: 'student', studentId: student.id }, this.deps.clock.now().toString());
    if (!result.ok) throw new AppError('conflict', result.reason);
    try {
      await this.deps.concerns.appendAmendments(concern.id, result.concern.amendments.slice(concern.amendments.length));
    } catch (error) {
      this.deps.log.error({ err: error, sessionId, concernId: concern.id }, 'ConcernWordsNotStored');
      return { concernId: concern.id, wordsNotKept: WORDS_NOT_KEPT.unreadable };
    }
    await this.deps.timeline.concernWordsAdded(sessionId, student, { concernId: concern.id });
    return { concernId: concern.id };
  }

  /** The staff concern form: about a session's children, or children of the staff member's own school. */
  async raiseByStaff(staff: StaffIdentity, input: { sessionId?: string | undefined; studentIds: string[]; whatHappened: string }) {
    let record: SessionRecord | undefined;
    if (input.sessionId) {
      record = await this.deps.sessions.findById(input.sessionId);
      if (!record) throw AppError.notFound('No such session.');
    }
    if (!record) throw AppError.badRequest('Choose the session the concern is about.');
    if (!can(staff, 'concerns:raise', [record.mentor.schoolId, record.mentee.schoolId])) {
      throw new AppError('forbidden', 'Your account cannot raise concerns about this session.');
    }
    const children = childrenOf(record).filter((c) => input.studentIds.includes(c.studentId));
    if (children.length !== input.studentIds.length) throw AppError.badRequest('Every child named must be one of the session’s two students.');
    const concern = await this.raise(record, { kind: 'staff', staffId: staff.staffId }, children, input.whatHappened, [`${staff.fullName} (staff)`]);
    return { concernId: concern.id };
  }

  /**
   * A concern about one of the staff member's own students that no session produced (a referral
   * that looks beyond the programme's remit): filed, and alerted to that school's DSLs, exactly as
   * a session's concern is. `also` runs in the concern's transaction (the referral notes it).
   */
  async raiseAboutStudent(
    staff: StaffIdentity,
    child: ConcernChild & { yearGroup: number; schoolName: string },
    whatHappened: string,
    also?: AlsoInTransaction<string>,
  ): Promise<{ concernId: string }> {
    if (!can(staff, 'concerns:raise', [child.schoolId])) throw new AppError('forbidden', 'Your account cannot raise concerns about this student.');
    const now = this.deps.clock.now();
    const { yearGroup, schoolName, ...named } = child;
    let concern: Concern;
    try {
      const input = { id: randomUUID(), sessionId: null, source: { kind: 'staff', staffId: staff.staffId } as const, children: [named], whatHappened, presentAtTime: [`${staff.fullName} (staff)`], logExcerpt: [] };
      concern = raiseConcern(input, now.toString());
    } catch (error) {
      if (error instanceof ConcernInputError) throw AppError.badRequest(error.message);
      throw error;
    }
    await this.deps.concerns.insert(concern, also);
    for (const { schoolId, staffIds } of dslRecipients(concern, await this.deps.concerns.dslsOf(concern.schoolIds))) {
      if (staffIds.length === 0) this.deps.log.error({ concernId: concern.id, schoolId }, 'ConcernHasNoDslAtSchool');
      this.deps.sink.toSchoolDsls(schoolId, 'safeguarding:alert', {
        kind: 'concern_raised',
        sessionId: null,
        concernId: concern.id,
        summary: 'A member of staff passed a referral to you as beyond the mentoring programme’s remit.',
        at: now.toString(),
        child: { firstName: child.firstName, yearGroup, schoolName },
        live: false,
        raisedBy: 'staff',
      });
    }
    this.deps.log.warn({ concernId: concern.id }, 'ConcernRaised');
    return { concernId: concern.id };
  }

  /** The list names each child involved, so each concern shown is recorded as listed. */
  async list(staff: StaffIdentity, status?: ConcernStatus) {
    const all = await this.deps.concerns.listForSchool(schoolOf(staff));
    const shown = all
      .filter((c) => can(staff, 'concerns:handle', c.schoolIds))
      .map((c) => ({ id: c.id, raisedAt: c.raisedAt, status: currentStatus(c), sessionId: c.sessionId, children: c.children.map((ch) => ({ firstName: ch.firstName, schoolId: ch.schoolId })) }))
      .filter((c) => !status || c.status === status);
    await this.deps.views.recordMany(staff.staffId, 'concern', shown.map((c) => c.id), this.deps.clock.now(), 'listed');
    return shown;
  }

  /** Opening or exporting a concern is itself recorded, before anything is shown. */
  async view(staff: StaffIdentity, id: string, access: Extract<RecordAccess, 'viewed' | 'exported_json'> = 'viewed') {
    const concern = await this.forHandling(staff, id);
    await this.deps.views.record(staff.staffId, 'concern', id, this.deps.clock.now(), access);
    return concernToJson(concern, schoolOf(staff), await this.namesFor(concern, staff));
  }

  /** Who has opened a concern, and when. */
  async views(staff: StaffIdentity, id: string) {
    await this.forHandling(staff, id);
    return this.deps.views.viewsOf('concern', id);
  }

  async amend(staff: StaffIdentity, id: string, change: ConcernChange) {
    const concern = await this.forHandling(staff, id);
    const result = amendConcern(concern, change, { kind: 'staff', staffId: staff.staffId }, this.deps.clock.now().toString());
    if (!result.ok) throw new AppError('conflict', result.reason);
    await this.deps.concerns.appendAmendments(id, result.concern.amendments.slice(concern.amendments.length));
    // The whole record goes back to the amender, so this is a read too.
    await this.deps.views.record(staff.staffId, 'concern', id, this.deps.clock.now(), 'amended');
    return concernToJson(result.concern, schoolOf(staff), await this.namesFor(result.concern, staff));
  }

  /** An export leaves the system: it is on the staff audit trail before it is handed over. */
  async exportJson(staff: StaffIdentity, id: string) {
    const concern = await this.view(staff, id, 'exported_json');
    await this.deps.audit.record(staff, { kind: 'ConcernExported', concernId: id, format: 'json' });
    return concern;
  }

  async exportCsv(staff: StaffIdentity, id: string): Promise<string> {
    const concern = await this.forHandling(staff, id);
    await this.deps.views.record(staff.staffId, 'concern', id, this.deps.clock.now(), 'exported_csv');
    const csv = concernsToCsv([concern], schoolOf(staff), await this.namesFor(concern, staff));
    await this.deps.audit.record(staff, { kind: 'ConcernExported', concernId: id, format: 'csv' });
    return csv;
  }

  /** A child's chronology is read as a whole; the read is recorded against the child. */
  async chronology(staff: StaffIdentity, studentId: string, studentSchoolId: string) {
    if (!can(staff, 'concerns:handle', [studentSchoolId])) throw new AppError('forbidden', 'Your account does not have access to that.');
    const concerns = await this.deps.concerns.listForStudent(studentId);
    await this.deps.views.record(staff.staffId, 'chronology', studentId, this.deps.clock.now());
    // Each entry in the same words, with the same names, as the concern's own export.
    const byId = new Map(concerns.map((c) => [c.id, c] as const));
    const names = new Map(await Promise.all(concerns.map(async (c) => [c.id, await this.namesFor(c, staff)] as const)));
    return childChronology(concerns, studentId).map((entry) => {
      const concern = byId.get(entry.concernId)!;
      const amendments = [...concern.amendments].sort((a, b) => a.seq - b.seq);
      const amendment = amendments.find((a) => a.seq === entry.seq)!;
      const status = currentStatus({ amendments: amendments.filter((a) => a.seq <= entry.seq) });
      const words = amendmentWords(concern, amendment, names.get(concern.id) ?? {}, status);
      return { source: 'concern' as const, ...entry, summary: words.what, byName: words.recordedBy, actionOrStatus: words.actionOrStatus };
    });
  }

  /** Who has read a child's chronology, and when. */
  async chronologyViews(staff: StaffIdentity, studentId: string, studentSchoolId: string) {
    if (!can(staff, 'concerns:handle', [studentSchoolId])) throw new AppError('forbidden', 'Your account does not have access to that.');
    return this.deps.views.viewsOf('chronology', studentId);
  }

  /**
   * Names, not ids, for the record and its exports: the children's schools and years from the
   * session, the authors from the staff table, the times in the reader's own school's zone.
   */
  private async namesFor(concern: Concern, staff: StaffIdentity): Promise<ConcernNames> {
    const session = concern.sessionId ? await this.deps.sessions.findById(concern.sessionId) : undefined;
    const students = session ? [session.mentor, session.mentee] : [];
    const staffIds = [...new Set(concern.amendments.flatMap((a) => (a.byStaffId ? [a.byStaffId] : [])))];
    const staffNames = await this.deps.staffNames(staffIds);
    return {
      schoolName: (id) => students.find((s) => s.schoolId === id)?.schoolName,
      yearGroup: (id) => students.find((s) => s.id === id)?.yearGroup,
      staffName: (id) => staffNames.get(id),
      timeZone: students.find((s) => s.schoolId === schoolOf(staff))?.schoolTimeZone ?? students[0]?.schoolTimeZone,
    };
  }

  private async forHandling(staff: StaffIdentity, id: string): Promise<Concern> {
    const concern = await this.deps.concerns.findById(id);
    if (!concern) throw AppError.notFound('No such concern.');
    if (!can(staff, 'concerns:handle', concern.schoolIds)) throw new AppError('forbidden', 'Your account does not have access to that.');
    return concern;
  }

  private async raise(
    record: SessionRecord,
    source: Concern['source'],
    children: ConcernChild[],
    whatHappened: string | null,
    presentAtTime: string[],
  ): Promise<Concern> {
    const now = this.deps.clock.now();
    const log = await this.deps.events.list(record.id);
    let concern: Concern;
    try {
      concern = raiseConcern(
        {
          id: randomUUID(),
          sessionId: record.id,
          source,
          children,
          whatHappened,
          presentAtTime,
          logExcerpt: excerptOf(log.slice(-LOG_EXCERPT_ENTRIES), children),
        },
        now.toString(),
      );
    } catch (error) {
      if (error instanceof ConcernInputError) throw AppError.badRequest(error.message);
      throw error;
    }
    await this.deps.concerns.insert(concern);
    const recipients = dslRecipients(concern, await this.deps.concerns.dslsOf(concern.schoolIds));
    const { child, partner } = alertChildren(record, source.kind === 'student' ? source.studentId : (children[0]?.studentId ?? null));
    // A child pressing "I'm worried" is in the call; a staff member's concern may be about one that is live now.
    const live = source.kind === 'student' || this.deps.live.liveSessionsFor(record.mentor.schoolId).some((s) => s.sessionId === record.id);
    for (const { schoolId, staffIds } of recipients) {
      // A school with no DSL on record must not swallow a concern: say so loudly.
      if (staffIds.length === 0) this.deps.log.error({ concernId: concern.id, schoolId }, 'ConcernHasNoDslAtSchool');
      this.deps.sink.toSchoolDsls(schoolId, 'safeguarding:alert', {
        kind: 'concern_raised',
        sessionId: record.id,
        concernId: concern.id,
        summary: source.kind === 'student' ? `${child.firstName} pressed “I’m worried” during a session.` : 'A member of staff raised a concern.',
        at: now.toString(),
        child,
        partner,
        live,
        raisedBy: source.kind,
      });
    }
    this.deps.log.warn({ concernId: concern.id, sessionId: record.id }, 'ConcernRaised');
    return concern;
  }
}
