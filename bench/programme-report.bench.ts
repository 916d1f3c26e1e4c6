import { sql } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import { DEFAULT_PROGRAMME_SETTINGS } from '@peerbridge/shared';
import { openDatabase, type Database } from '../server/src/infra/db/database.js';
import { ProgrammeReportRepository } from '../server/src/infra/db/programme-report-repository.js';
import { ProgrammeReports } from '../server/src/services/reports/programme-reports.js';
import { createTestDatabase } from '../server/src/test-support/test-databases.js';

/*
 * Programme reports over a partnership network: 500 schools in 250 partnerships, 20,000 students (40 a
 * school), 5,000 pairings with a year of weekly sessions and their attendance (195,000 of each), referrals for
 * every mentee, three targets a pairing with reviews, 500 exits with questionnaires; all made with bulk
 * generate_series inserts. Times the report service (the same aggregate queries the route runs) for one
 * mentee school and for its partnership, 15 runs each after a warm-up, on PostgreSQL (a fresh database made
 * like the integration tests', from TEST_DATABASE_URL or the local default) and then on PGlite.
 */

const SCHOOLS = 500;
const STUDENTS = 20_000;
const PER_SCHOOL = STUDENTS / SCHOOLS;
const PAIRS_PER_PARTNERSHIP = 20;
const WEEKS = 39;
const NOW = Temporal.Instant.from('2026-07-01T12:00:00Z');

/** A fixed UUID per kind of thing and number, so rows can refer to each other without lookups. */
const id = (kind: number, n: string) => `(lpad(to_hex(${kind}), 8, '0') || '-0000-4000-8000-' || lpad(to_hex(${n}), 12, '0'))::uuid`;

const build = [
  `insert into schools (id, name) select ${id(1, 'g')}, 'Bench school ' || g from generate_series(1, ${SCHOOLS}) g`,
  `insert into staff (id, email, full_name, school_id, roles, password_hash)
     select ${id(9, 'g')}, 'lead' || g || '@bench.example', 'Lead ' || g, ${id(1, 'g')}, '{coordinator}', 'x' from generate_series(1, ${SCHOOLS}) g`,
  `insert into school_calendars (school_id, bell_schedule, cycle_weeks, known_week_a_monday, terms, updated_at)
     select ${id(1, 'g')}, '{}'::jsonb, 1, '2025-09-01',
       '[{"name":"Autumn","start":"2025-09-01","end":"2025-12-19"},{"name":"Spring","start":"2026-01-05","end":"2026-03-27"},{"name":"Summer","start":"2026-04-13","end":"2026-07-22"}]'::jsonb, now()
     from generate_series(1, ${SCHOOLS}) g`,
  `insert into partnerships (id, name, mentor_school_id, mentee_school_id)
     select ${id(2, 'k')}, 'Bench partnership ' || k, ${id(1, '2 * k - 1')}, ${id(1, '2 * k')} from generate_series(1, ${SCHOOLS / 2}) k`,
  // Odd schools send mentors (Y12/Y13), even schools have mentees (Y11).
  `insert into students (id, school_id, first_name, last_name, year_group, role)
     select ${id(3, 'n')}, ${id(1, `(n - 1) / ${PER_SCHOOL} + 1`)}, 'First' || n, 'Last' || n,
       case when ((n - 1) / ${PER_SCHOOL}) % 2 = 0 then 12 + n % 2 else 11 end,
       (case when ((n - 1) / ${PER_SCHOOL}) % 2 = 0 then 'mentor' else 'mentee' end)::student_role
     from generate_series(1, ${STUDENTS}) n`,
  `insert into pairings (id, partnership_id, mentor_id, mentee_id, created_at)
     select ${id(4, 'p')}, ${id(2, `(p - 1) / ${PAIRS_PER_PARTNERSHIP} + 1`)},
       ${id(3, `((p - 1) / ${PAIRS_PER_PARTNERSHIP}) * 2 * ${PER_SCHOOL} + (p - 1) % ${PAIRS_PER_PARTNERSHIP} + 1`)},
       ${id(3, `((p - 1) / ${PAIRS_PER_PARTNERSHIP}) * 2 * ${PER_SCHOOL} + ${PER_SCHOOL} + (p - 1) % ${PAIRS_PER_PARTNERSHIP} + 1`)},
       '2025-09-01T09:00:00Z'
     from generate_series(1, ${(SCHOOLS / 2) * PAIRS_PER_PARTNERSHIP}) p`,
  `insert into session_occurrences (id, pairing_id, starts_at, ends_at)
     select ${id(5, 'p * 100 + w')}, ${id(4, 'p')}, timestamptz '2025-09-08T09:00:00Z' + w * interval '7 days', timestamptz '2025-09-08T09:30:00Z' + w * interval '7 days'
     from generate_series(1, ${(SCHOOLS / 2) * PAIRS_PER_PARTNERSHIP}) p, generate_series(0, ${WEEKS - 1}) w`,
  `insert into attendance_records (occurrence_id, pairing_id, starts_at, outcome, mentor, mentee, computed_at)
     select o.id, o.pairing_id, o.starts_at, x.outcome, 'present', 'present', o.ends_at
     from session_occurrences o
     cross join lateral (select (array['mentee_absent', 'mentor_absent', 'not_held', 'technical_failure'])[(hashtext(o.id::text) & 1023) % 20 + 1] as pick) h
     cross join lateral (select coalesce(h.pick, 'attended') as outcome) x`,
  `insert into referrals (school_id, student_id, kind, source, referred_by, reasons, status, created_at)
     select s.school_id, s.id, 'mentee', 'staff', st.id,
       array[(array['Attainment', 'Self-esteem', 'Exam stress', 'Behaviour', 'Transition'])[(hashtext(s.id::text) & 1023) % 5 + 1]],
       (array['new', 'waiting_for_consent', 'ready_to_pair', 'ready_to_pair', 'declined', 'withdrawn'])[(hashtext(s.id::text) & 1023) % 6 + 1],
       timestamptz '2025-09-01T09:00:00Z' + ((hashtext(s.id::text) & 1023) % 300) * interval '1 day'
     from students s join staff st on st.school_id = s.school_id where s.role = 'mentee'`,
  `insert into targets (id, pairing_id, what, review_on, status)
     select ${id(6, 'p * 10 + t')}, ${id(4, 'p')}, 'Target ' || t, date '2025-10-01' + (p % 200 + t * 60),
       (array['not_started', 'on_track', 'met', 'met', 'not_met', 'dropped'])[(p + t) % 6 + 1]
     from generate_series(1, ${(SCHOOLS / 2) * PAIRS_PER_PARTNERSHIP}) p, generate_series(0, 2) t`,
  `insert into target_reviews (target_id, by_id, at, status, due_on)
     select t.id, t.pairing_id, t.review_on::timestamptz + ((hashtext(t.id::text) & 7) - 3) * interval '1 day', t.status, t.review_on from targets t`,
  `insert into pairing_exits (pairing_id, kind, reason, status, started_by, started_at, exited_at)
     select ${id(4, 'p')}, 'early', (array['programme_finished', 'targets_met', 'student_choice', 'moved_school', 'no_shows', 'other'])[p % 6 + 1],
       'exited', ${id(9, '2 * ((p - 1) / 20 + 1)')}, timestamptz '2026-05-01T09:00:00Z', timestamptz '2026-05-15T09:00:00Z'
     from generate_series(10, ${(SCHOOLS / 2) * PAIRS_PER_PARTNERSHIP}, 10) p`,
  `insert into exit_questionnaire_answers (pairing_id, student_id, form, scaled, answered_at)
     select e.pairing_id, s.sid, '{"scale":5,"questions":[{"id":"helpful","text":"How helpful?"},{"id":"listened","text":"Listened?"}],"freeTextPrompt":"Anything else?"}'::jsonb,
       jsonb_build_object('helpful', (hashtext(s.sid::text) & 3) + 2, 'listened', (hashtext(s.sid::text) & 1) + 4), e.exited_at
     from pairing_exits e join pairings p on p.id = e.pairing_id cross join lateral (values (p.mentor_id), (p.mentee_id)) s(sid)`,
  'analyze',
];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function measure(database: Database, runs: number): Promise<{ school: number; partnership: number; built: number }> {
  const started = performance.now();
  for (const statement of build) await database.db.execute(sql.raw(statement));
  const built = performance.now() - started;
  const reports = new ProgrammeReports({
    figures: new ProgrammeReportRepository(database.db),
    settings: { forSchool: async () => DEFAULT_PROGRAMME_SETTINGS },
    clock: { now: () => NOW },
  });
  // Mentee school 2 and its partnership 1, as that school's coordinator.
  const coordinator = { staffId: '00000009-0000-4000-8000-000000000002', schoolId: '00000001-0000-4000-8000-000000000002', roles: ['coordinator'] as const };
  const partnershipId = '00000002-0000-4000-8000-000000000001';
  const time = async (run: () => Promise<unknown>) => {
    await run();
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await run();
      times.push(performance.now() - t);
    }
    return median(times);
  };
  const school = await time(() => reports.schoolReport(coordinator, {}));
  const partnership = await time(() => reports.partnershipReport(coordinator, partnershipId, {}));
  const check = await reports.partnershipReport(coordinator, partnershipId, {});
  const recorded = check.tables.find((t) => t.id === 'sessions')!.rows.at(-1)!.cells[0]!.text;
  if (recorded !== String(PAIRS_PER_PARTNERSHIP * WEEKS)) throw new Error(`the partnership report counted ${recorded} sessions, not ${PAIRS_PER_PARTNERSHIP * WEEKS}`);
  return { school, partnership, built };
}

async function run(kind: 'postgres' | 'pglite', runs: number): Promise<void> {
  const target = await createTestDatabase(kind);
  const database = await openDatabase(target.target);
  try {
    const { school, partnership, built } = await measure(database, runs);
    // The figure is the slower of the two reports (each must meet the target); both are printed beside it.
    const slower = Math.max(school, partnership);
    const db = kind === 'pglite' ? ' db=pglite' : '';
    process.stdout.write(
      `programme-report schools=${SCHOOLS} students=${STUDENTS} ms=${slower.toFixed(1)}${db} report=${school >= partnership ? 'school' : 'partnership'} school_ms=${school.toFixed(1)} partnership_ms=${partnership.toFixed(1)}\n`,
    );
    if (process.env.BENCH_VERBOSE) process.stderr.write(`programme-report build ${kind}: ${built.toFixed(0)} ms\n`);
  } finally {
    await database.close();
    await target.dispose();
  }
}

process.env.TEST_DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/test';
try {
  await run('postgres', 15);
} catch (error) {
  // No PostgreSQL here (a laptop): say so and still measure PGlite; a wrong figure still fails the run.
  if (!/ECONNREFUSED|ENOTFOUND|does not exist|authentication/.test(String((error as Error).message ?? error))) throw error;
  process.stdout.write(`programme-report skipped on PostgreSQL: none at TEST_DATABASE_URL (${(error as Error).message})\n`);
}
if (process.env.BENCH_SKIP_PGLITE !== '1') await run('pglite', 5);
