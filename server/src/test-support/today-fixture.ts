/*
 * A fixed school day for the today list's tests (see today-body.int.test.ts for what it holds): school A's
 * iPad lists sessions on both sides of two partnerships, one of each status on 25 November 2026 (London).
 */
export const id = (kind: number, n: number) => `0000000${kind}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
export const [A, B, C] = [id(1, 0xa1), id(1, 0xb1), id(1, 0xc1)];
export const fixture = [
  `insert into schools (id, name) values ('${A}', 'Fixture Hill School'), ('${B}', 'Fixture Vale Academy'), ('${C}', 'Fixture Brook College')`,
  `insert into staff (id, email, full_name, school_id, roles, password_hash) values ('${id(9, 1)}', 'lead@fixture.example', 'Lead', '${A}', '{coordinator}', 'x')`,
  `insert into partnerships (id, name, mentor_school_id, mentee_school_id) values ('${id(2, 1)}', 'Hill mentors Vale', '${A}', '${B}'), ('${id(2, 2)}', 'Brook mentors Hill', '${C}', '${A}')`,
  `insert into programmes (partnership_id, start_date, end_date, goals) values ('${id(2, 1)}', '2026-09-01', '2027-07-01', '  Reading together.  '), ('${id(2, 2)}', '2026-09-01', '2027-07-01', '   ')`,
  `insert into students (id, school_id, first_name, last_name, year_group, role, parental_consent_at, training_completed_at) values
     ('${id(3, 1)}', '${A}', 'Amara', 'Hidden', 12, 'mentor', null, '2026-09-10T00:00:00Z'),
     ('${id(3, 2)}', '${B}', 'Ben', 'Hidden', 9, 'mentee', '2026-09-10T00:00:00Z', null),
     ('${id(3, 3)}', '${C}', 'Chloé', 'Hidden', 13, 'mentor', null, '2026-09-10T00:00:00Z'),
     ('${id(3, 4)}', '${A}', 'Dev', 'Hidden', 10, 'mentee', null, null)`,
  `insert into pairings (id, partnership_id, mentor_id, mentee_id, created_at) values
     ('${id(4, 1)}', '${id(2, 1)}', '${id(3, 1)}', '${id(3, 2)}', '2026-09-15T00:00:00Z'),
     ('${id(4, 2)}', '${id(2, 2)}', '${id(3, 3)}', '${id(3, 4)}', '2026-09-15T00:00:00Z')`,
  `insert into session_occurrences (id, pairing_id, starts_at, ends_at, status) values
     ('${id(5, 1)}', '${id(4, 1)}', '2026-11-24T10:00:00Z', '2026-11-24T10:30:00Z', 'scheduled'),
     ('${id(5, 2)}', '${id(4, 1)}', '2026-11-25T08:00:00Z', '2026-11-25T08:30:00Z', 'scheduled'),
     ('${id(5, 3)}', '${id(4, 2)}', '2026-11-25T10:10:00.5Z', '2026-11-25T10:40:00.25Z', 'scheduled'),
     ('${id(5, 4)}', '${id(4, 1)}', '2026-11-25T13:00:00.123Z', '2026-11-25T13:30:00Z', 'scheduled'),
     ('${id(5, 5)}', '${id(4, 2)}', '2026-11-25T13:00:00.123Z', '2026-11-25T13:30:00Z', 'scheduled'),
     ('${id(5, 6)}', '${id(4, 2)}', '2026-11-25T15:00:00Z', '2026-11-25T15:30:00Z', 'cancelled'),
     ('${id(5, 7)}', '${id(4, 1)}', '2026-11-26T00:00:00Z', '2026-11-26T00:30:00Z', 'scheduled'),
     ('${id(5, 8)}', '${id(4, 1)}', '2026-12-02T08:00:00.01Z', '2026-12-02T08:30:00Z', 'cancelled'),
     ('${id(5, 9)}', '${id(4, 1)}', '2026-12-09T08:00:00Z', '2026-12-09T08:30:00Z', 'scheduled')`,
  `insert into pairing_exits (pairing_id, kind, reason, status, gradual, final_review_on, final_review_occurrence_id, started_by, started_at)
     values ('${id(4, 2)}', 'planned', 'programme_finished', 'winding_down', true, '2026-11-25', '${id(5, 3)}', '${id(9, 1)}', '2026-11-11T09:00:00Z')`,
  `insert into devices (id, school_id, label, redeemed_at) values ('${id(7, 1)}', '${A}', 'Hill iPad', '2026-11-01T09:00:00Z')`,
];

