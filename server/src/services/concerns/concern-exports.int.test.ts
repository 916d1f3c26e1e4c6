import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInStaff } from '../../test-support/staff-agent.js';
import { testDatabaseKinds } from '../../test-support/test-databases.js';
import { startTestServer, stopTestServer, type TestServer } from '../../test-support/test-server.js';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** A strict enough RFC 4180 reader for these files (quoted fields, doubled quotes, CRLF records). */
function records(csv: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const ch = csv[i]!;
    if (quoted) {
      if (ch === '"' && csv[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && csv[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  const [header, ...body] = rows;
  return body.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
}

/**
 * What a DSL pastes into CPOMS or MyConcern: one row per entry, names rather
 * than ids, times in the school's zone, and the partner school's child by
 * first name, school and year only, in both the CSV and the JSON.
 */
describe.each(testDatabaseKinds())('concern exports on %s', (kind) => {
  let server: TestServer;
  let concernId: string;
  let raisedAt: string;

  beforeAll(async () => {
    server = await startTestServer(kind);
    const now = server.demo!.sessions.find((s) => s.kind === 'now')!;
    const at = () => server.clock.now();
    await server.events.append({ occurrenceId: now.id, type: 'SessionJoined', actor: now.mentee.id, at: at() });
    await server.events.append({ occurrenceId: now.id, type: 'MediaToggled', actor: now.mentor.id, at: at(), detail: { kind: 'audio', on: false } });
    await server.events.append({ occurrenceId: now.id, type: 'ChatMessageBlocked', actor: now.mentee.id, at: at(), detail: { text: 'ring me 07700 900123', contactKinds: ['phone'] } });
    const northgate = await signInStaff(server, 'dsl@northgate.example');
    const raised = await northgate
      .post('/api/staff/concerns')
      .send({ sessionId: now.id, studentIds: [now.mentor.id, now.mentee.id], whatHappened: 'Sam tried to share a number.' })
      .expect(201);
    concernId = raised.body.concernId;
    raisedAt = server.clock.now().toString();
    await northgate.post(`/api/staff/concerns/${concernId}/amendments`).send({ kind: 'action', text: '=HYPERLINK("x") spoke to both' }).expect(201);
    const riverside = await signInStaff(server, 'dsl@riverside.example');
    await riverside.post(`/api/staff/concerns/${concernId}/amendments`).send({ kind: 'status', to: 'in_progress' }).expect(201);
  });
  afterAll(() => stopTestServer(server));

  it('writes the CSV in the layout a DSL pastes, with names, the school’s time and no id outside the reference', async () => {
    const dsl = await signInStaff(server, 'dsl@northgate.example');
    const csv = await dsl.get(`/api/staff/concerns/${concernId}/export.csv`).expect(200);
    expect(csv.text.split('\r\n')[0]).toBe('Date,Time,Child,School,Year,What happened,Recorded by,Action taken / Status,Reference');
    const rows = records(csv.text);
    const local = Temporal.Instant.from(raisedAt).toZonedDateTimeISO('Europe/London');
    const two = (n: number) => String(n).padStart(2, '0');
    expect(rows[0]).toMatchObject({
      Date: `${two(local.day)}/${two(local.month)}/${local.year}`,
      Time: `${two(local.hour)}:${two(local.minute)}`,
      Child: 'Priya Shah; Sam',
      School: 'Northgate Academy; Riverside High School',
      Year: 'Year 12; Year 11',
      'What happened': 'Concern raised by staff: Sam tried to share a number.',
      'Recorded by': 'Mr Ravi Patel',
      'Action taken / Status': 'New',
    });
    expect(rows[1]).toMatchObject({ 'What happened': 'Action recorded', 'Action taken / Status': `'=HYPERLINK("x") spoke to both` });
    expect(rows[2]).toMatchObject({ 'What happened': 'Status changed from New to In progress', 'Recorded by': 'Ms Grace Adeyemi', 'Action taken / Status': 'In progress' });
    for (const { Reference, ...rest } of rows) {
      expect(Reference).toMatch(new RegExp(`^Peerbridge concern ${concernId} entry \\d+$`));
      expect(Object.values(rest).join(' ')).not.toMatch(UUID);
    }
    // Sam is Riverside's child: Northgate's file has no last name for him.
    expect(csv.text).not.toContain('Riley');
  });

  it("gives the partner school's file its own child in full and Northgate's by first name", async () => {
    const dsl = await signInStaff(server, 'dsl@riverside.example');
    const rows = records((await dsl.get(`/api/staff/concerns/${concernId}/export.csv`).expect(200)).text);
    expect(rows[0]).toMatchObject({ Child: 'Priya; Sam Riley', School: 'Northgate Academy; Riverside High School', Year: 'Year 12; Year 11' });
    expect(rows.map((r) => r.Child).join(' ')).not.toContain('Shah');
  });

  it('names schools, years, authors and the log excerpt in the JSON, keeping ids beside them', async () => {
    const dsl = await signInStaff(server, 'dsl@northgate.example');
    const json = (await dsl.get(`/api/staff/concerns/${concernId}/export.json`).expect(200)).body;
    expect(json.children.map((c: Record<string, unknown>) => [c.firstName, c.lastName, c.schoolName, c.yearGroup])).toEqual([
      ['Priya', 'Shah', 'Northgate Academy', 12],
      ['Sam', null, 'Riverside High School', 11],
    ]);
    expect(json.amendments.map((a: { byName: string }) => a.byName)).toEqual(['Mr Ravi Patel', 'Mr Ravi Patel', 'Ms Grace Adeyemi']);
    expect(json.logExcerpt.map((e: { summary: string }) => e.summary)).toEqual([
      'Sam joined',
      'Priya turned their microphone off',
      'Sam tried to send a phone number; the message was not delivered',
    ]);
    expect(JSON.stringify(json)).not.toContain('Riley');
  });
});
