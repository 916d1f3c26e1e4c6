import { sql, type SQL } from 'drizzle-orm';
import type { AttendanceOutcome, ExitReason, ReferralStatus } from '@peerbridge/shared';
import type { ReportFigures } from '../../domain/reports/report-tables.js';
import type { ReportPerson } from '../../domain/reports/report-words.js';
import type { Db } from './database.js';

/** Whose figures: one school's (its students, and the pairings they are in) or one partnership's. */
export type ReportScope = { kind: 'school'; schoolId: string } | { kind: 'partnership'; partnershipId: string };

export interface ReportFilter {
  /** Instants [from, to) of the term at the asker's school, and its dates for targets' review dates; null: all time. */
  period: { from: Date; to: Date; firstDay: string; lastDay: string } | null;
  yearGroup: number | null;
  /** Sessions are "planned" only once they have started. */
  now: Date;
}

/*
 * The report's figures in a handful of aggregate queries over the stored programme tables (never one query
 * per pairing): each starts from the same CTE of the pairings in scope, so the year-group and school filters
 * are written once. Plain SQL that PGlite and PostgreSQL run alike; numbers are cast to int/float8 so both
 * drivers hand back JavaScript numbers.
 */
export class ProgrammeReportRepository {
  constructor(private readonly db: Db) {}

  /** The schools a scope covers (a partnership: both of its schools). */
  async schoolsOf(scope: ReportScope): Promise<string[]> {
    if (scope.kind === 'school') return [scope.schoolId];
    const found = await this.rows<{ mentor: string; mentee: string }>(
      sql`select mentor_school_id as mentor, mentee_school_id as mentee from partnerships where id = ${scope.partnershipId}`,
    );
    return found[0] ? [found[0].mentor, found[0].mentee] : [];
  }

  async figures(scope: ReportScope, filter: ReportFilter, referralReasons: readonly string[]): Promise<ReportFigures> {
    const schools = await this.schoolsOf(scope);
    const schoolList = sql.join(schools.map((s) => sql`${s}::uuid`), sql`, `);
    const ownStudent = (alias: string) => sql.raw(`${alias}.school_id`).append(sql` in (${schoolList})`);
    const year = filter.yearGroup;
    const yearOk = (alias: string) => (year === null ? sql`true` : sql.raw(`${alias}.year_group`).append(sql` = ${year}`));
    const inPeriod = (column: string) =>
      filter.period ? sql.raw(column).append(sql` >= ${filter.period.from.toISOString()}::timestamptz and `).append(sql.raw(column)).append(sql` < ${filter.period.to.toISOString()}::timestamptz`) : sql`true`;
    const where = scope.kind === 'school' ? sql`(pt.mentor_school_id = ${scope.schoolId} or pt.mentee_school_id = ${scope.schoolId})` : sql`p.partnership_id = ${scope.partnershipId}`;
    // A pairing is in the year group when one of the scope's own students in it is.
    const scoped = sql`with scoped as (
      select p.id, p.mentor_id, p.mentee_id, p.created_at, p.ended_at, ms.time_zone as zone
      from pairings p
      join partnerships pt on pt.id = p.partnership_id
      join schools ms on ms.id = pt.mentee_school_id
      join students mr on mr.id = p.mentor_id
      join students me on me.id = p.mentee_id
      where ${where}
        and ((${ownStudent('mr')} and ${yearOk('mr')}) or (${ownStudent('me')} and ${yearOk('me')}))
    )`;
    const activeInPeriod = filter.period
      ? sql`s.created_at < ${filter.period.to.toISOString()}::timestamptz and (s.ended_at is null or s.ended_at >= ${filter.period.from.toISOString()}::timestamptz)`
      : sql`true`;

    const [statuses, reasons, mentored, sessions, outcomes, pairings, targets, exits, questions] = await Promise.all([
      this.rows<{ status: ReferralStatus; n: number }>(sql`
        select r.status, count(*)::int as n from referrals r join students st on st.id = r.student_id
        where r.kind = 'mentee' and ${ownStudent('r')} and ${yearOk('st')} and ${inPeriod('r.created_at')}
        group by r.status`),
      this.rows<{ reason: string; n: number }>(sql`
        select reason, count(*)::int as n from referrals r join students st on st.id = r.student_id, unnest(r.reasons) as reason
        where r.kind = 'mentee' and ${ownStudent('r')} and ${yearOk('st')} and ${inPeriod('r.created_at')}
        group by reason`),
      this.rows<{ mentees: number; mentors: number }>(sql`${scoped}
        select count(distinct case when ${ownStudent('me')} and ${yearOk('me')} then s.mentee_id end)::int as mentees,
               count(distinct case when ${ownStudent('mr')} and ${yearOk('mr')} then s.mentor_id end)::int as mentors
        from scoped s join students me on me.id = s.mentee_id join students mr on mr.id = s.mentor_id
        where ${activeInPeriod}`),
      this.rows<{ planned: number }>(sql`${scoped}
        select count(*)::int as planned from session_occurrences o join scoped s on s.id = o.pairing_id
        where o.starts_at < ${filter.now.toISOString()}::timestamptz and ${inPeriod('o.starts_at')}`),
      this.rows<{ outcome: AttendanceOutcome; n: number }>(sql`${scoped}
        select a.outcome, count(*)::int as n from attendance_records a join scoped s on s.id = a.pairing_id
        where ${inPeriod('a.starts_at')} group by a.outcome`),
      this.rows<PairingRow>(sql`${scoped}, counted as (
          select a.pairing_id, count(*) filter (where a.outcome <> 'not_held')::int as recorded,
                 count(*) filter (where a.outcome = 'attended')::int as attended
          from attendance_records a join scoped s on s.id = a.pairing_id where ${inPeriod('a.starts_at')} group by a.pairing_id)
        select mr.first_name as "mrFirst", mr.last_name as "mrLast", mr.school_id as "mrSchool", mrs.name as "mrSchoolName", mr.year_group as "mrYear",
               me.first_name as "meFirst", me.last_name as "meLast", me.school_id as "meSchool", mes.name as "meSchoolName", me.year_group as "meYear",
               coalesce(c.recorded, 0)::int as recorded, coalesce(c.attended, 0)::int as attended
        from scoped s
        join students mr on mr.id = s.mentor_id join schools mrs on mrs.id = mr.school_id
        join students me on me.id = s.mentee_id join schools mes on mes.id = me.school_id
        left join counted c on c.pairing_id = s.id
        where ${activeInPeriod} or c.pairing_id is not null
        order by me.first_name, mr.first_name, s.id`),
      this.rows<{ set: number; met: number; on_time: number }>(sql`${scoped}
        select count(*)::int as set, count(*) filter (where t.status = 'met')::int as met,
               count(*) filter (where exists (
                 select 1 from target_reviews r where r.target_id = t.id and (r.at at time zone s.zone)::date <= r.due_on))::int as on_time
        from targets t join scoped s on s.id = t.pairing_id
        where ${filter.period ? sql`t.review_on between ${filter.period.firstDay}::date and ${filter.period.lastDay}::date` : sql`true`}`),
      this.rows<{ reason: ExitReason; n: number }>(sql`${scoped}
        select e.reason, count(*)::int as n from pairing_exits e join scoped s on s.id = e.pairing_id
        where e.status = 'exited' and ${inPeriod('e.exited_at')} group by e.reason`),
      this.rows<{ id: string; question: string | null; answers: number; total: number }>(sql`${scoped}
        select kv.key as id, max(qt.text) as question, count(*)::int as answers, sum((kv.value)::float8)::float8 as total
        from exit_questionnaire_answers q
        join scoped s on s.id = q.pairing_id
        join students st on st.id = q.student_id
        cross join lateral jsonb_each_text(q.scaled) kv
        left join lateral (select x->>'text' as text from jsonb_array_elements(q.form->'questions') x where x->>'id' = kv.key limit 1) qt on true
        where ${ownStudent('st')} and ${yearOk('st')} and ${inPeriod('q.answered_at')}
        group by kv.key order by kv.key`),
    ]);

    const reasonCounts = new Map(reasons.map((r) => [r.reason, Number(r.n)]));
    const known = referralReasons.map((reason) => ({ reason, count: reasonCounts.get(reason) ?? 0 }));
    const others = [...reasonCounts].filter(([reason]) => !referralReasons.includes(reason)).map(([reason, count]) => ({ reason, count }));
    return {
      referralsByReason: [...known, ...others.sort((a, b) => a.reason.localeCompare(b.reason))],
      referralsByStatus: Object.fromEntries(statuses.map((s) => [s.status, Number(s.n)])),
      mentored: { mentees: Number(mentored[0]?.mentees ?? 0), mentors: Number(mentored[0]?.mentors ?? 0) },
      sessions: { planned: Number(sessions[0]?.planned ?? 0), outcomes: Object.fromEntries(outcomes.map((o) => [o.outcome, Number(o.n)])) },
      pairings: pairings.map((p) => ({
        mentor: person(p.mrFirst, p.mrLast, p.mrSchool, p.mrSchoolName, p.mrYear),
        mentee: person(p.meFirst, p.meLast, p.meSchool, p.meSchoolName, p.meYear),
        recorded: Number(p.recorded),
        attended: Number(p.attended),
      })),
      targets: { set: Number(targets[0]?.set ?? 0), met: Number(targets[0]?.met ?? 0), reviewedOnTime: Number(targets[0]?.on_time ?? 0) },
      exitsByReason: Object.fromEntries(exits.map((e) => [e.reason, Number(e.n)])),
      questionnaire: questions.map((q) => ({ questionId: q.id, question: q.question ?? q.id, answers: Number(q.answers), sum: Number(q.total) })),
    };
  }

  /** The asker's school: its name, zone and calendar terms, and the partnerships it is in. */
  async context(schoolId: string): Promise<ReportContext | undefined> {
    const [school] = await this.rows<{ name: string; zone: string; terms: ReportContext['terms'] | null }>(sql`
      select s.name, s.time_zone as zone, c.terms from schools s left join school_calendars c on c.school_id = s.id where s.id = ${schoolId}`);
    if (!school) return undefined;
    const partnerships = await this.rows<ReportContext['partnerships'][number]>(sql`
      select id, name, mentor_school_id as "mentorSchoolId", mentee_school_id as "menteeSchoolId" from partnerships
      where mentor_school_id = ${schoolId} or mentee_school_id = ${schoolId} order by name, id`);
    return { name: school.name, timeZone: school.zone, terms: school.terms ?? [], partnerships };
  }

  /** The year groups of the scope's students, for the filter. */
  async yearGroups(scope: ReportScope): Promise<number[]> {
    const schools = await this.schoolsOf(scope);
    if (schools.length === 0) return [];
    const list = sql.join(schools.map((s) => sql`${s}::uuid`), sql`, `);
    const found = await this.rows<{ y: number }>(sql`select distinct year_group::int as y from students where school_id in (${list}) order by 1`);
    return found.map((r) => Number(r.y));
  }

  private async rows<T>(query: SQL): Promise<T[]> {
    const result = (await this.db.execute(query)) as unknown as { rows: T[] };
    return result.rows;
  }
}

export interface ReportContext {
  name: string;
  timeZone: string;
  terms: { name: string; start: string; end: string }[];
  partnerships: { id: string; name: string; mentorSchoolId: string; menteeSchoolId: string }[];
}

interface PairingRow {
  mrFirst: string;
  mrLast: string;
  mrSchool: string;
  mrSchoolName: string;
  mrYear: number;
  meFirst: string;
  meLast: string;
  meSchool: string;
  meSchoolName: string;
  meYear: number;
  recorded: number;
  attended: number;
}

function person(firstName: string, lastName: string, schoolId: string, schoolName: string, yearGroup: number): ReportPerson {
  return { firstName, lastName, schoolId, schoolName, yearGroup: Number(yearGroup) };
}
