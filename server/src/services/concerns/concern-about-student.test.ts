import { describe, expect, it } from 'vitest';
import pino from 'pino';
import { Temporal } from 'temporal-polyfill';
import type { Concern } from '../../domain/concerns/concern.js';
import type { Db } from '../../infra/db/database.js';
import { ConcernService } from './concern-service.js';

const at = Temporal.Instant.from('2026-11-30T10:00:00Z');
const coordinator = { staffId: 'staff-1', schoolId: 'riverside', roles: ['coordinator'] as const, email: 'c@r.example', fullName: 'Mr Owen Price', schoolName: 'Riverside High School', schoolTimeZone: 'Europe/London' };
const child = { studentId: 'student-1', schoolId: 'riverside', firstName: 'Rosa', lastName: 'Quinlan', yearGroup: 11, schoolName: 'Riverside High School' };

/** A concern about one student, not from a session (a referral passed to the DSL): filed, joined by the caller's write, alerted to that school's DSLs. */
describe('ConcernService.raiseAboutStudent', () => {
  const build = () => {
    const inserted: Concern[] = [];
    const alerts: { schoolId: string; payload: Record<string, unknown> }[] = [];
    const service = new ConcernService({
      concerns: {
        insert: async (concern: Concern, also?: (tx: Db, id: string) => Promise<void>) => {
          inserted.push(concern);
          await also?.({} as Db, concern.id);
        },
        dslsOf: async (ids: string[]) => new Map(ids.map((id) => [id, ['dsl-1']])),
      } as never,
      sessions: {} as never,
      events: {} as never,
      timeline: {} as never,
      views: {} as never,
      live: {} as never,
      sink: { toSchoolDsls: (schoolId: string, _event: string, payload: Record<string, unknown>) => alerts.push({ schoolId, payload }) } as never,
      clock: { now: () => at },
      log: pino({ level: 'silent' }),
      audit: {} as never,
      staffNames: async () => new Map(),
    });
    return { service, inserted, alerts };
  };

  it("files the staff member's words about the one child, runs the caller's write with its id, and alerts that school's DSLs", async () => {
    const { service, inserted, alerts } = build();
    const noted: string[] = [];
    const { concernId } = await service.raiseAboutStudent(coordinator, child, 'Problems at home beyond mentoring.', async (_tx, id) => {
      noted.push(id);
    });
    expect(inserted).toEqual([expect.objectContaining({ id: concernId, sessionId: null, schoolIds: ['riverside'], whatHappened: 'Problems at home beyond mentoring.', source: { kind: 'staff', staffId: 'staff-1' } })]);
    expect(inserted[0]!.children).toEqual([{ studentId: 'student-1', schoolId: 'riverside', firstName: 'Rosa', lastName: 'Quinlan' }]);
    expect(noted).toEqual([concernId]);
    // The alert names the child as any alert does: first name, year, school; no surname.
    expect(alerts).toEqual([{ schoolId: 'riverside', payload: expect.objectContaining({ kind: 'concern_raised', sessionId: null, concernId, raisedBy: 'staff', child: { firstName: 'Rosa', yearGroup: 11, schoolName: 'Riverside High School' } }) }]);
    expect(JSON.stringify(alerts)).not.toContain('Quinlan');
  });

  it('refuses a child of another school, and staff words that are empty', async () => {
    const { service, inserted } = build();
    await expect(service.raiseAboutStudent({ ...coordinator, schoolId: 'northgate' }, child, 'Not my school’s child.')).rejects.toMatchObject({ code: 'forbidden' });
    await expect(service.raiseAboutStudent(coordinator, child, '')).rejects.toMatchObject({ code: 'bad_request' });
    expect(inserted).toEqual([]);
  });
});
