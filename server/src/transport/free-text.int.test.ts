import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { devices, schoolClosures, staff, students } from '../test-support/stored-rows.js';
import { asDatabaseOwner } from '../test-support/database-owner.js';
import { connectDevice, type DeviceSocket } from '../test-support/device-socket.js';
import { signInStaff } from '../test-support/staff-agent.js';
import { testDatabaseKinds } from '../test-support/test-databases.js';
import { startTestServer, stopTestServer, type TestServer } from '../test-support/test-server.js';

/*
 * Every free-text field takes any string a browser can send: what nobody can
 * see or store is stripped, what is still wrong is refused with a 4xx or an
 * error ack naming the field, and nothing answers 500 or `internal`.
 */
const NUL = '\u0000';
const HOSTILE: [string, string][] = [
  ['NUL', `before${NUL}after`],
  ['C0 and C1 controls', 'a\u0001\u001b[31mb\u0085c\u009b'],
  ['an unpaired surrogate', 'broken \uD83D emoji'],
  ['a bidi override', 'pay \u202Eevil\u202C now'],
  ['zero-width characters', 'zero\u200Bwidth\u2060\uFEFF'],
];
const MEGABYTE = 'x'.repeat(1024 * 1024);
/** What none of the stored text may contain once cleaned: controls, bidi overrides, zero-width spacers, lone surrogates. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSEEN = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\u200B\u2060\uFEFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe.each(testDatabaseKinds())('free text on %s', (kind) => {
  let server: TestServer;
  const sockets: DeviceSocket[] = [];
  const demo = () => server.demo!;
  const nowSession = () => demo().sessions.find((s) => s.kind === 'now')!;
  const token = (role: 'mentor' | 'mentee') => demo().schools.find((s) => s.role === role)!.deviceToken;
  const joined = async (role: 'mentor' | 'mentee') => {
    const device = await connectDevice(server.url, token(role));
    sockets.push(device);
    const session = nowSession();
    const join = await device.join(session.id, session[role].id);
    if (!join.ok) throw new Error(join.error.message);
    return device;
  };

  beforeAll(async () => {
    server = await startTestServer(kind);
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await stopTestServer(server);
  });

  describe("a child's concern is always filed", () => {
    it.each(HOSTILE)('with %s in the words, the cleaned words are kept', async (_label, words) => {
      const mentee = await joined('mentee');
      const raised = await mentee.request<{ concernId: string; wordsNotKept?: string }>('concern:raise', { text: `I'm worried ${words}` });
      expect(raised).toMatchObject({ ok: true, data: { concernId: expect.any(String) } });
      if (!raised.ok) return;
      expect(raised.data.wordsNotKept).toBeUndefined();
      const dsl = await signInStaff(server, 'dsl@riverside.example');
      const concern = await dsl.get(`/api/staff/concerns/${raised.data.concernId}`).expect(200);
      expect(concern.body.concern.whatHappened).toMatch(/^I'm worried \S/);
      expect(concern.body.concern.whatHappened).not.toMatch(UNSEEN);
      mentee.close();
    });

    it('with a megabyte of words, is filed without them and the child is told', async () => {
      const mentee = await joined('mentee');
      const raised = await mentee.request<{ concernId: string; wordsNotKept?: string }>('concern:raise', { text: MEGABYTE });
      expect(raised).toMatchObject({ ok: true, data: { concernId: expect.any(String), wordsNotKept: expect.stringMatching(/reached the safeguarding leads.*too long/) } });
      if (!raised.ok) return;
      const dsl = await signInStaff(server, 'dsl@northgate.example');
      const concern = await dsl.get(`/api/staff/concerns/${raised.data.concernId}`).expect(200);
      expect(concern.body.concern.whatHappened).toBeNull();
      const log = await server.events.list(nowSession().id);
      expect(log.at(-1)).toMatchObject({ type: 'ConcernRaised', detail: { concernId: raised.data.concernId, wordsNotKept: 'too_long' } });
      mentee.close();
    });

    it('with words the database refuses, is filed without them and the child is told', async () => {
      // Stands in for any fault in storing the words that cleaning did not foresee.
      await asDatabaseOwner(server, [
        "alter table concerns add constraint refuses_these_words check (what_happened is null or what_happened not like '%unstorable%')",
      ]);
      try {
        const mentee = await joined('mentee');
        const raised = await mentee.request<{ concernId: string; wordsNotKept?: string }>('concern:raise', { text: 'unstorable words' });
        expect(raised).toMatchObject({ ok: true, data: { wordsNotKept: expect.stringMatching(/could not be kept/) } });
        if (!raised.ok) return;
        const dsl = await signInStaff(server, 'dsl@riverside.example');
        const concern = await dsl.get(`/api/staff/concerns/${raised.data.concernId}`).expect(200);
        expect(concern.body.concern.whatHappened).toBeNull();
        mentee.close();
      } finally {
        await asDatabaseOwner(server, ['alter table concerns drop constraint refuses_these_words']);
      }
    });

    it.each([
      ['words that are not text', { text: { nested: ['x'] } }],
      ['a payload that is not an object', 'I am worried'],
      ['extra keys', { text: 'help', __proto__: { polluted: true }, constructor: 'x' }],
      ['no payload at all', undefined],
    ])('with %s, is still filed', async (_label, payload) => {
      const mentee = await joined('mentee');
      const raised = await mentee.request<{ concernId: string }>('concern:raise', payload);
      expect(raised).toMatchObject({ ok: true, data: { concernId: expect.any(String) } });
      mentee.close();
    });
  });

  describe('chat', () => {
    it.each(HOSTILE)('delivers a message with %s, cleaned, and logs what was delivered', async (_label, words) => {
      const mentor = await joined('mentor');
      const sent = await mentor.request('chat:send', { text: `Poem time ${words}` });
      expect(sent).toEqual({ ok: true, data: { delivered: true } });
      const last = (await server.events.list(nowSession().id)).filter((e) => e.type === 'ChatMessageSent').at(-1);
      expect(last?.detail.text).toMatch(/^Poem time \S/);
      expect(last?.detail.text).not.toMatch(UNSEEN);
      mentor.close();
    });

    it.each([
      ['zero-width spaces', '077\u200B00 9\u200B00 1\u200B23'],
      ['NUL between the digits', `07700${NUL}900${NUL}123`],
      ['word joiners and soft hyphens', '07700\u2060900\u00AD123'],
      ['a bidi override reversing the digits', '\u202E321 009 00770\u202C'],
      ['Hangul fillers as spaces', '07700\u3164900\u3164123'],
      ['ZWJ and ZWNJ, which are kept for emoji and scripts', '07700\u200D900\u200C123'],
    ])('still blocks a phone number hidden with %s', async (_label, text) => {
      const mentor = await joined('mentor');
      const sent = await mentor.request<{ delivered: boolean }>('chat:send', { text });
      expect(sent).toMatchObject({ ok: true, data: { delivered: false } });
      mentor.close();
    });

    it('refuses empty-once-cleaned and oversized messages with an error ack naming the field', async () => {
      const mentor = await joined('mentor');
      expect(await mentor.request('chat:send', { text: `${NUL}\u200B` })).toMatchObject({
        ok: false,
        error: { code: 'bad_request', message: expect.stringContaining('text: is empty') },
      });
      expect(await mentor.request('chat:send', { text: 'y'.repeat(501) })).toMatchObject({
        ok: false,
        error: { code: 'bad_request', message: expect.stringContaining('text: is too long') },
      });
      expect(await mentor.request('chat:send', { text: MEGABYTE })).toMatchObject({ ok: false, error: { code: 'payload_too_large' } });
      mentor.close();
    });
  });

  describe('staff forms', () => {
    const sessionBody = (whatHappened: string) => ({
      sessionId: nowSession().id,
      studentIds: [nowSession().mentor.id],
      whatHappened,
    });

    it.each(HOSTILE)('files a staff concern and its amendments with %s', async (_label, words) => {
      const dsl = await signInStaff(server, 'dsl@northgate.example');
      const raised = await dsl.post('/api/staff/concerns').send(sessionBody(`Seemed upset ${words}`)).expect(201);
      const id = raised.body.concernId as string;
      for (const change of [
        { kind: 'status', to: 'acknowledged' },
        { kind: 'note', text: `Spoke to tutor ${words}` },
        { kind: 'action', text: `Called home ${words}` },
        { kind: 'decision', text: `Refer ${words}`, reason: `Pattern ${words}` },
        { kind: 'status', to: 'in_progress' },
        { kind: 'close', summary: `Done ${words}`, actionsTaken: `Met ${words}`, outcome: `Resolved ${words}` },
      ]) {
        const res = await dsl.post(`/api/staff/concerns/${id}/amendments`).send(change);
        expect(res.status, JSON.stringify(res.body)).toBe(201);
      }
      const csv = await dsl.get(`/api/staff/concerns/${id}/export.csv`).expect(200);
      // Records end in CR LF, as RFC 4180 says; nothing else unseen is in there.
      expect(csv.text.replaceAll('\r\n', '\n')).not.toMatch(UNSEEN);
      const json = await dsl.get(`/api/staff/concerns/${id}/export.json`).expect(200);
      expect(JSON.stringify(json.body)).not.toMatch(/\\u00|\\ud[89ab]|\\udc/i);
      expect(JSON.stringify(json.body)).not.toMatch(UNSEEN);
    });

    it('refuses a concern description that is empty once cleaned, naming the field', async () => {
      const dsl = await signInStaff(server, 'dsl@northgate.example');
      const res = await dsl.post('/api/staff/concerns').send(sessionBody(`${NUL} \u200B`)).expect(400);
      expect(res.body.error).toMatchObject({ code: 'bad_request', message: expect.stringContaining('whatHappened: is empty') });
    });

    it('answers a megabyte in any JSON field with 413, not 500', async () => {
      const dsl = await signInStaff(server, 'dsl@northgate.example');
      const res = await dsl.post('/api/staff/concerns').send(sessionBody(MEGABYTE)).expect(413);
      expect(res.body.error.code).toBe('payload_too_large');
    });

    it.each(HOSTILE)('stores a device label, a closure reason, the programme and the calendar with %s, cleaned', async (_label, words) => {
      const coordinator = await signInStaff(server, 'coordinator@northgate.example');
      // The room was a list on the calendar; it is each iPad's own now.
      const enrolled = await coordinator.post('/api/staff/devices').send({ label: `Library ${words}`, room: `Library ${words}` }).expect(201);
      const [device] = await server.database.db.select().from(devices).where(eq(devices.id, enrolled.body.device.id));
      expect(device!.label).toMatch(/^Library \S/);
      expect(device!.label).not.toMatch(UNSEEN);
      expect(device!.room).toMatch(/^Library \S/);
      expect(device!.room).not.toMatch(UNSEEN);

      const closure = await coordinator.post('/api/staff/calendar/closures').send({ date: '2027-07-01', reason: `Trip ${words}` });
      expect(closure.status).toBe(201);
      const reasons = (await server.database.db.select().from(schoolClosures)).map((c) => c.reason);
      expect(reasons.filter((r) => UNSEEN.test(r))).toEqual([]);

      const partnerships = await coordinator.get('/api/staff/partnerships').expect(200);
      const partnershipId = partnerships.body.partnerships[0].id as string;
      await coordinator
        .put(`/api/staff/partnerships/${partnershipId}/programme`)
        .send({ start: '2026-09-07', end: '2027-07-16', goals: `Poetry first ${words}` })
        .expect(200);
      const programme = await coordinator.get(`/api/staff/partnerships/${partnershipId}/programme`).expect(200);
      expect(programme.body.programme.goals).toMatch(/^Poetry first \S/);
      expect(programme.body.programme.goals).not.toMatch(UNSEEN);

      const period = { name: `P1 ${words}`, start: '08:40', end: '09:40' };
      const week = { 1: [period], 2: [period], 3: [period], 4: [period], 5: [period] };
      const saved = await coordinator.put('/api/staff/calendar').send({
        timeZone: 'Europe/London',
        bellSchedule: week,
        cycle: { weeks: 2, knownWeekAMonday: '2026-09-07' },
        terms: [{ name: `Autumn ${words}`, start: '2026-09-01', end: '2026-12-18' }],
      });
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    });

    it.each(HOSTILE)('imports student names with %s, cleaned', async (_label, words) => {
      const coordinator = await signInStaff(server, 'coordinator@northgate.example');
      const csv = `Adno,Forename,Surname,Year,Reg\nFT${HOSTILE.findIndex(([, w]) => w === words)},Ann${words},Lee,12,12${words}\n`;
      const res = await coordinator.post('/api/staff/import/students').type('text/csv').send(csv);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const [row] = await server.database.db
        .select()
        .from(students)
        .where(eq(students.admissionNumber, `FT${HOSTILE.findIndex(([, w]) => w === words)}`));
      expect(row!.firstName).toMatch(/^Ann/);
      expect(row!.firstName).not.toMatch(UNSEEN);
      expect(row!.tutorGroup).not.toMatch(UNSEEN);
    });

    it('reports a megabyte name in an import as a row problem, writing nothing', async () => {
      const coordinator = await signInStaff(server, 'coordinator@northgate.example');
      const res = await coordinator.post('/api/staff/import/students').type('text/csv').send(`Adno,Forename,Surname,Year\nBIG1,${MEGABYTE},Lee,12\n`);
      expect(res.status).toBe(422);
      expect(res.body.problems).toEqual([{ line: 2, reason: 'first name is too long (80 characters at most)' }]);
    });

    it('imports staff names with NUL and a bidi override, cleaned', async () => {
      const coordinator = await signInStaff(server, 'coordinator@northgate.example');
      const res = await coordinator
        .post('/api/staff/import/staff')
        .type('text/csv')
        .send(`First name,Surname,Email,Role\nBen${NUL},Ng\u202E,ben.ng@northgate.example,coordinator\n`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const [member] = await server.database.db.select().from(staff).where(eq(staff.email, 'ben.ng@northgate.example'));
      expect(member!.fullName).toBe('Ben Ng');
    });
  });
});
