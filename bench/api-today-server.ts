import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { loadConfig } from '../server/src/config/config.js';
import { createLogger } from '../server/src/infra/log/logger.js';
import { startServer } from '../server/src/server.js';
import { createTestDatabase } from '../server/src/test-support/test-databases.js';

/*
 * The real server for bench/api-today.bench.ts, in a process of its own so the load generator does not
 * share its thread. argv[2] is the database (postgres | pglite). It seeds a network of 100 schools in 50
 * partnerships (10,000 students, 2,500 pairings, a weekly session for each from 19 weeks ago to 19 weeks
 * ahead: 97,500 sessions, some cancelled, gradual exits with final reviews), enrols one iPad at mentee
 * school 2 (20 of its 50 pairs meet today), and tells the parent the address and the iPad's token over IPC.
 * Production settings except the API rate limit, which one address doing all the load would hit at once.
 */

const SCHOOLS = 100;
const PER_SCHOOL = 100;
const PAIRS_PER_PARTNERSHIP = 50;
const WEEKS_EACH_WAY = 19;

const id = (kind: number, n: string) => `(lpad(to_hex(${kind}), 8, '0') || '-0000-4000-8000-' || lpad(to_hex(${n}), 12, '0'))::uuid`;
const schoolId = (n: number) => `00000001-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const deviceId = '00000007-0000-4000-8000-000000000001';
/** Midnight of today at the schools (Europe/London), so "today" is the server's today whenever the bench runs. */
const localMidnight = `(date_trunc('day', now() at time zone 'Europe/London') at time zone 'Europe/London')`;

const seed = [
  `insert into schools (id, name) select ${id(1, 'g')}, 'Bench school ' || g from generate_series(1, ${SCHOOLS}) g`,
  `insert into staff (id, email, full_name, school_id, roles, password_hash)
     select ${id(9, 'g')}, 'lead' || g || '@bench.example', 'Lead ' || g, ${id(1, 'g')}, '{coordinator}', 'x' from generate_series(1, ${SCHOOLS}) g`,
  `insert into partnerships (id, name, mentor_school_id, mentee_school_id)
     select ${id(2, 'k')}, 'Bench partnership ' || k, ${id(1, '2 * k - 1')}, ${id(1, '2 * k')} from generate_series(1, ${SCHOOLS / 2}) k`,
  `insert into programmes (partnership_id, start_date, end_date, goals)
     select ${id(2, 'k')}, current_date - 140, current_date + 140, 'Reading together, then revision plans.' from generate_series(1, ${SCHOOLS / 2}) k`,
  // Odd schools send mentors (Y12/Y13, trained), even schools have mentees (Y9–Y11, consent on record).
  `insert into students (id, school_id, first_name, last_name, year_group, role, parental_consent_at, training_completed_at)
     select ${id(3, 'n')}, ${id(1, `(n - 1) / ${PER_SCHOOL} + 1`)}, 'First' || n, 'Last' || n,
       case when ((n - 1) / ${PER_SCHOOL}) % 2 = 0 then 12 + n % 2 else 9 + n % 3 end,
       (case when ((n - 1) / ${PER_SCHOOL}) % 2 = 0 then 'mentor' else 'mentee' end)::student_role,
       now() - interval '100 days', now() - interval '100 days'
     from generate_series(1, ${SCHOOLS * PER_SCHOOL}) n`,
  `insert into pairings (id, partnership_id, mentor_id, mentee_id, created_at)
     select ${id(4, 'p')}, ${id(2, `(p - 1) / ${PAIRS_PER_PARTNERSHIP} + 1`)},
       ${id(3, `((p - 1) / ${PAIRS_PER_PARTNERSHIP}) * 2 * ${PER_SCHOOL} + (p - 1) % ${PAIRS_PER_PARTNERSHIP} + 1`)},
       ${id(3, `((p - 1) / ${PAIRS_PER_PARTNERSHIP}) * 2 * ${PER_SCHOOL} + ${PER_SCHOOL} + (p - 1) % ${PAIRS_PER_PARTNERSHIP} + 1`)},
       now() - interval '140 days'
     from generate_series(1, ${(SCHOOLS / 2) * PAIRS_PER_PARTNERSHIP}) p`,
  // Two pairs in five meet on today's weekday, the others one to three days later; 20-minute slots from 08:00.
  `insert into session_occurrences (id, pairing_id, starts_at, ends_at, status)
     select ${id(5, `p * 100 + w + ${WEEKS_EACH_WAY}`)}, ${id(4, 'p')}, s.at, s.at + interval '30 minutes',
       (case when (p + w) % 13 = 5 and w <> 0 then 'cancelled' else 'scheduled' end)::occurrence_status
     from generate_series(1, ${(SCHOOLS / 2) * PAIRS_PER_PARTNERSHIP}) p, generate_series(-${WEEKS_EACH_WAY}, ${WEEKS_EACH_WAY}) w
     cross join lateral (select ${localMidnight} + (greatest((p - 1) % 5 - 1, 0) + 7 * w) * interval '1 day'
       + interval '8 hours' + ((p - 1) % 20) * interval '20 minutes' as at) s`,
  // One pairing in ten is winding down gradually, its final review the session of this week.
  `insert into pairing_exits (pairing_id, kind, reason, status, gradual, final_review_on, final_review_occurrence_id, started_by, started_at)
     select ${id(4, 'p')}, 'planned', 'programme_finished', 'winding_down', true, current_date, ${id(5, `p * 100 + ${WEEKS_EACH_WAY}`)},
       ${id(9, `2 * ((p - 1) / ${PAIRS_PER_PARTNERSHIP} + 1)`)}, now() - interval '14 days'
     from generate_series(1, ${(SCHOOLS / 2) * PAIRS_PER_PARTNERSHIP}, 10) p`,
  `insert into devices (id, school_id, label, redeemed_at) values ('${deviceId}', '${schoolId(2)}', 'Library iPad 1', now())`,
];

/** ANALYZE needs the tables' owner; the server's own login would skip every table with a warning. */
async function analyzeAsOwner(): Promise<void> {
  if (testDb.target.kind === 'pglite') return server.database.asEmbeddedOwner!(['analyze']);
  const owner = new pg.Client({ connectionString: testDb.target.migrationUrl });
  await owner.connect();
  try {
    await owner.query('analyze');
  } finally {
    await owner.end();
  }
}

const kind = process.argv[2] === 'pglite' ? 'pglite' : 'postgres';
const testDb = await createTestDatabase(kind);
const config = loadConfig({
  NODE_ENV: 'production',
  SESSION_SECRET: randomBytes(32).toString('hex'),
  HOST: '127.0.0.1',
  PORT: '0',
  DATA_DIR: testDb.dataDir,
  MEDIA_WORKERS: '1',
  MEDIA_RTC_PORT: String(42000 + Math.floor(Math.random() * 8000)),
  CLIENT_DIST: '/nonexistent',
  BACKGROUND_JOBS: 'off',
  API_RATE_LIMIT: '1000000',
  ...(testDb.target.kind === 'postgres' ? { DATABASE_URL: testDb.target.url, MIGRATION_DATABASE_URL: testDb.target.migrationUrl! } : {}),
});
// Production's level: every API request is logged (to /dev/null here, the parent ignores stdout), as it is in a school.
const server = await startServer(config, createLogger('info'));
for (const statement of seed) await server.database.db.execute(sql.raw(statement));
await analyzeAsOwner();
const token = await server.deviceTokens.issue(deviceId, schoolId(2));

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await server.close();
  await testDb.dispose();
  process.exit(0);
};
process.on('message', (message) => {
  if (message === 'stop') void stop();
});
process.on('disconnect', () => void stop());
process.send!({ url: server.url, token });
