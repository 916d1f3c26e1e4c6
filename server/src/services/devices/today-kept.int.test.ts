import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import type { TodaySessionsResponse } from '@peerbridge/shared';
import { DeviceRepository } from '../../infra/db/device-repository.js';
import { SessionRepository } from '../../infra/db/session-repository.js';
import { testDatabaseKinds } from '../../test-support/test-databases.js';
import { TestClock } from '../../test-support/test-clock.js';
import { fixture, id } from '../../test-support/today-fixture.js';
import { startTestServer, stopTestServer, type TestServer } from '../../test-support/test-server.js';
import { TodaySessions } from './today-sessions.js';

/*
 * Each server instance keeps a school's listed day while the school's change version (read with the device
 * row) stands still. Two instances over one database here are two TodaySessions, each with its own kept days,
 * on real repositories; each has its own stopped clock, so the instants where a status changes are exact.
 */
const DEVICE = id(7, 1);
const session = (n: number) => id(5, n);

describe.each(testDatabaseKinds())("the iPads' kept today list on %s", (kind) => {
  let server: TestServer;
  let devices: DeviceRepository;
  let sessions: SessionRepository;

  const instance = (iso: string) => {
    const clock = { at: Temporal.Instant.from(iso), now: () => clock.at };
    let lists = 0;
    const today = new TodaySessions({
      sessions: { listDayForSchool: (...args) => (lists++, sessions.listDayForSchool(...args)) },
      clock,
    });
    return {
      at: (when: string) => void (clock.at = Temporal.Instant.from(when)),
      lists: () => lists,
      async list(): Promise<TodaySessionsResponse> {
        const device = (await devices.findById(DEVICE))!;
        return today.forDevice({ deviceId: device.id, label: device.label, school: device.school, schoolDayVersion: device.schoolDayVersion });
      },
    };
  };
  const write = (statement: string) => server.database.db.execute(sql.raw(statement));
  const find = (list: TodaySessionsResponse, n: number) => list.sessions.find((s) => s.id === session(n));

  beforeAll(async () => {
    server = await startTestServer(kind, new TestClock(Temporal.Instant.from('2026-11-25T10:20:00Z')));
    for (const statement of fixture) await write(statement);
    devices = new DeviceRepository(server.database.db);
    sessions = new SessionRepository(server.database.db);
  });
  afterAll(() => stopTestServer(server));

  it('answers an unchanged day without listing it again', async () => {
    const one = instance('2026-11-25T10:20:00Z');
    const first = await one.list();
    one.at('2026-11-25T10:25:00Z');
    expect(await one.list()).toEqual(first);
    expect(one.lists()).toBe(1);
  });

  // Each write is one the list shows; both instances kept the day before it, and neither may answer the old one.
  const changes: { what: string; write: string; shows: (list: TodaySessionsResponse) => unknown; expected: unknown }[] = [
    { what: 'a session cancelled', write: `update session_occurrences set status = 'cancelled' where id = '${session(4)}'`, shows: (l) => find(l, 4)?.status, expected: 'cancelled' },
    { what: 'a session moved', write: `update session_occurrences set starts_at = '2026-11-25T14:00:00Z', ends_at = '2026-11-25T14:30:00Z' where id = '${session(5)}'`, shows: (l) => find(l, 5)?.startsAt, expected: '2026-11-25T14:00:00Z' },
    { what: 'a session ending earlier', write: `update session_occurrences set ends_at = '2026-11-25T10:15:00Z' where id = '${session(3)}'`, shows: (l) => find(l, 3)?.status, expected: 'ended' },
    { what: 'a session created', write: `insert into session_occurrences (id, pairing_id, starts_at, ends_at) values ('${session(10)}', '${id(4, 1)}', '2026-11-25T16:00:00Z', '2026-11-25T16:30:00Z')`, shows: (l) => find(l, 10)?.status, expected: 'upcoming' },
    { what: 'a session deleted', write: `delete from session_occurrences where id = '${session(10)}'`, shows: (l) => find(l, 10), expected: undefined },
    { what: "a partner's first name", write: `update students set first_name = 'Benedict' where id = '${id(3, 2)}'`, shows: (l) => find(l, 2)?.partner.firstName, expected: 'Benedict' },
    { what: "a partner's year", write: `update students set year_group = 10 where id = '${id(3, 2)}'`, shows: (l) => find(l, 2)?.partner.yearGroup, expected: 10 },
    { what: "one of the school's own students' names", write: `update students set first_name = 'Devan' where id = '${id(3, 4)}'`, shows: (l) => find(l, 3)?.participant.firstName, expected: 'Devan' },
    { what: "a partner school's name", write: `update schools set name = 'Fixture Brook Academy' where id = '${id(1, 0xc1)}'`, shows: (l) => find(l, 3)?.partner.schoolName, expected: 'Fixture Brook Academy' },
    { what: 'a programme\'s goals', write: `update programmes set goals = 'Poetry.' where partnership_id = '${id(2, 1)}'`, shows: (l) => find(l, 2)?.focus, expected: 'Poetry.' },
    { what: 'a final review dropped', write: `update pairing_exits set final_review_occurrence_id = null where pairing_id = '${id(4, 2)}'`, shows: (l) => find(l, 3)?.finalReview, expected: undefined },
    { what: 'a pairing exit removed', write: `delete from pairing_exits where pairing_id = '${id(4, 2)}'`, shows: (l) => find(l, 3)?.id, expected: session(3) },
    {
      what: 'a final review booked',
      write: `insert into pairing_exits (pairing_id, kind, reason, status, gradual, final_review_on, final_review_occurrence_id, started_by, started_at) values ('${id(4, 1)}', 'planned', 'programme_finished', 'winding_down', true, '2026-11-25', '${session(2)}', '${id(9, 1)}', '2026-11-11T09:00:00Z')`,
      shows: (l) => find(l, 2)?.finalReview,
      expected: true,
    },
    {
      what: "a pairing's mentee changed",
      write: `insert into students (id, school_id, first_name, last_name, year_group, role) values ('${id(3, 5)}', '${id(1, 0xb1)}', 'Cara', 'Hidden', 8, 'mentee');
              update pairings set mentee_id = '${id(3, 5)}' where id = '${id(4, 1)}'`,
      shows: (l) => find(l, 2)?.partner.firstName,
      expected: 'Cara',
    },
  ];

  it('lists the day again on both instances after every change it shows', async () => {
    const one = instance('2026-11-25T10:20:00Z');
    const two = instance('2026-11-25T10:20:00Z');
    for (const change of changes) {
      await one.list();
      await two.list();
      for (const statement of change.write.split(';')) await write(statement);
      expect({ what: change.what, one: change.shows(await one.list()) }).toEqual({ what: change.what, one: change.expected });
      expect({ what: change.what, two: change.shows(await two.list()) }).toEqual({ what: change.what, two: change.expected });
    }
  });

  it('changes a status at the very millisecond it changes, and the date at midnight in the school zone', async () => {
    const one = instance('2026-11-25T10:20:00Z');
    await write(`update session_occurrences set status = 'scheduled', starts_at = '2026-11-25T13:00:00.123Z', ends_at = '2026-11-25T13:30:00Z' where id in ('${session(4)}', '${session(5)}')`);
    const statusAt = async (when: string, n: number) => (one.at(when), find(await one.list(), n)?.status);
    expect(await statusAt('2026-11-25T10:20:00Z', 4)).toBe('upcoming');
    expect(await statusAt('2026-11-25T12:55:00.122Z', 4)).toBe('upcoming');
    expect(await statusAt('2026-11-25T12:55:00.123Z', 4)).toBe('open');
    expect(await statusAt('2026-11-25T13:29:59.999Z', 4)).toBe('open');
    expect(await statusAt('2026-11-25T13:30:00Z', 4)).toBe('ended');
    // Between those instants nothing changes, so nothing is listed again.
    const lists = one.lists();
    expect(await statusAt('2026-11-25T13:45:00Z', 4)).toBe('ended');
    expect(one.lists()).toBe(lists);
    one.at('2026-11-25T23:59:59.999Z');
    expect((await one.list()).date).toBe('2026-11-25');
    one.at('2026-11-26T00:00:00Z');
    const tomorrow = await one.list();
    expect(tomorrow.date).toBe('2026-11-26');
    expect(tomorrow.sessions.map((s) => s.id)).toEqual([session(7)]);
    // A clock set back (never in production, but a kept day says nothing about instants before it was listed).
    one.at('2026-11-25T12:00:00Z');
    expect(find(await one.list(), 4)?.status).toBe('upcoming');
  });

  it('keeps nothing for a device identity that came without a version', async () => {
    const device = (await devices.findById(DEVICE))!;
    expect(device.schoolDayVersion).toMatch(/^\d+$/);
    let lists = 0;
    const today = new TodaySessions({
      sessions: { listDayForSchool: (...args) => (lists++, sessions.listDayForSchool(...args)) },
      clock: { now: () => Temporal.Instant.from('2026-11-25T10:20:00Z') },
    });
    const identity = { deviceId: device.id, label: device.label, school: device.school };
    expect(await today.forDevice(identity)).toEqual(await today.forDevice(identity));
    expect(lists).toBe(2);
  });
});
