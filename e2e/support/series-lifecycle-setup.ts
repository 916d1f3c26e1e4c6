import { expect, type APIRequestContext, type APIResponse } from '@playwright/test';
import { serverInfo } from './server-info.js';

/*
 * A pair of its own for the series-lifecycle spec, made through the staff API as a coordinator
 * would: a Year 12 at Northgate and a Year 11 at Riverside, both free on Tuesdays P1 and
 * Mondays P2, both schools' calendars for the year after the demo's, paired and booked on
 * Tuesdays at 09:00. The demo's own pairs are left alone, and `keepDemoTimetable` puts both
 * schools' calendars and the programme back afterwards, for the specs that run later.
 */
const day = [
  { name: 'Registration', start: '08:40', end: '09:00' },
  { name: 'P1', start: '09:00', end: '09:50' },
  { name: 'P2', start: '09:50', end: '10:40' },
  { name: 'P3', start: '11:00', end: '11:50' },
];
const calendar = {
  timeZone: 'Europe/London',
  bellSchedule: { 1: day, 2: day, 3: day, 4: day, 5: day },
  cycle: { weeks: 1, knownWeekAMonday: '2027-09-06' },
  terms: [
    { name: 'Autumn 1', start: '2027-09-02', end: '2027-10-22' },
    { name: 'Autumn 2', start: '2027-11-01', end: '2027-12-17' },
  ],
};
const free = { slots: [{ week: 'any', weekday: 1, period: 'P2' }, { week: 'any', weekday: 2, period: 'P1' }] };

async function ok(res: Promise<APIResponse>): Promise<APIResponse> {
  const answer = await res;
  expect(answer.ok(), `${answer.status()} ${await answer.text()}`).toBe(true);
  return answer;
}

async function importOne(api: APIRequestContext, row: string): Promise<string> {
  const url = serverInfo().url;
  const headers = { 'content-type': 'text/csv', origin: url };
  await ok(api.post(`${url}/api/staff/import/students`, { headers, data: `Adno,Forename,Surname,Year\n${row}\n` }));
  const list = (await (await ok(api.get(`${url}/api/staff/students`))).json()) as { students: { id: string; admissionNumber?: string; firstName: string }[] };
  return list.students.find((s) => s.firstName === row.split(',')[1])!.id;
}

/** `rows`: the two students' import rows (Adno,Forename,Surname,Year), for a spec that needs a pair of its own names. */
export async function bookLifecyclePair(
  northgate: APIRequestContext,
  riverside: APIRequestContext,
  rows = { mentor: 'E2E-L1,Ezra,Lindqvist,12', mentee: 'E2E-L2,Noor,Haddad,11' },
) {
  const url = serverInfo().url;
  const json = (data: object) => ({ headers: { origin: url }, data });
  const mentorId = await importOne(northgate, rows.mentor);
  const menteeId = await importOne(riverside, rows.mentee);
  for (const [api, id] of [[northgate, mentorId], [riverside, menteeId]] as const) {
    await ok(api.put(`${url}/api/staff/calendar`, json(calendar)));
    await ok(api.put(`${url}/api/staff/students/${id}/availability`, json(free)));
    await ok(api.put(`${url}/api/staff/students/${id}/eligibility`, json(id === menteeId ? { parentalConsent: true, method: 'form' } : { trainingCompleted: true, method: 'form' })));
  }
  const partnerships = (await (await ok(riverside.get(`${url}/api/staff/partnerships`))).json()) as { partnerships: { id: string }[] };
  const partnershipId = partnerships.partnerships[0]!.id;
  await ok(riverside.put(`${url}/api/staff/partnerships/${partnershipId}/programme`, json({ start: '2027-09-13', end: '2027-12-17' })));
  const paired = (await (await ok(riverside.post(`${url}/api/staff/partnerships/${partnershipId}/pairings`, json({ mentorId, menteeId })))).json()) as { pairingId: string };
  await ok(riverside.post(`${url}/api/staff/pairings/${paired.pairingId}/series`, json({ candidateId: '2@09:00' })));
  return { pairingId: paired.pairingId, mentorId, menteeId };
}

interface StoredCalendar {
  timeZone: string;
  calendar: { bellSchedule: object; cycleWeeks: number; knownWeekAMonday: string; terms: object[] } | null;
}

/** Reads both schools' calendars and the programme now; the function it answers saves them back as they were. */
export async function keepDemoTimetable(northgate: APIRequestContext, riverside: APIRequestContext): Promise<() => Promise<void>> {
  const url = serverInfo().url;
  const calendars = await Promise.all(
    [northgate, riverside].map(async (api) => ({ api, stored: (await (await ok(api.get(`${url}/api/staff/calendar`))).json()) as StoredCalendar })),
  );
  const partnerships = (await (await ok(riverside.get(`${url}/api/staff/partnerships`))).json()) as { partnerships: { id: string }[] };
  const partnershipId = partnerships.partnerships[0]!.id;
  const { programme } = (await (await ok(riverside.get(`${url}/api/staff/partnerships/${partnershipId}/programme`))).json()) as { programme: object | null };
  return async () => {
    for (const { api, stored } of calendars) {
      if (!stored.calendar) continue;
      const { bellSchedule, cycleWeeks, knownWeekAMonday, terms } = stored.calendar;
      const body = { timeZone: stored.timeZone, bellSchedule, cycle: { weeks: cycleWeeks, knownWeekAMonday }, terms };
      await ok(api.put(`${url}/api/staff/calendar`, { headers: { origin: url }, data: body }));
    }
    if (programme) await ok(riverside.put(`${url}/api/staff/partnerships/${partnershipId}/programme`, { headers: { origin: url }, data: programme }));
  };
}
