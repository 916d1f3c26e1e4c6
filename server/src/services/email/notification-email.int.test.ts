import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MailCatcher, type CaughtMail } from '../../../../e2e/support/mail-catcher.js';
import { NoticeRepository } from '../../infra/db/notice-repository.js';
import { emailOutbox, students } from '../../infra/db/schema.js';
import { addOtherSchoolAndAdmin } from '../../test-support/other-school.js';
import { signInStaff } from '../../test-support/staff-agent.js';
import { testDatabaseKinds } from '../../test-support/test-databases.js';
import { startTestServer, stopTestServer, type TestServer } from '../../test-support/test-server.js';

const PUBLIC_URL = 'https://peerbridge.test.example';

/*
 * Notification email end to end: the real server with SMTP_URL pointing at a real SMTP server in
 * this process, and every assertion on what that server received.
 */
describe.each(testDatabaseKinds())('notification email on %s', (kind) => {
  let server: TestServer;
  let mail: MailCatcher;
  let childNames: string[];

  const outboxRows = (mailKind: string) => server.database.db.select().from(emailOutbox).where(eq(emailOutbox.kind, mailKind));
  /** No child's first name or surname anywhere in what was sent. */
  const expectNoChild = (messages: CaughtMail[]) => {
    for (const message of messages) {
      for (const name of childNames) expect(`${message.subject}\n${message.text}`).not.toMatch(new RegExp(`\\b${name}\\b`));
    }
  };

  beforeAll(async () => {
    mail = await MailCatcher.start();
    server = await startTestServer(kind, undefined, { SMTP_URL: mail.url, PUBLIC_URL, MAIL_FROM: 'Peerbridge <peerbridge@test.example>' });
    const rows = await server.database.db.select({ first: students.firstName, last: students.lastName }).from(students);
    childNames = [...new Set(rows.flatMap((r) => [r.first, r.last]))];
    expect(childNames.length).toBeGreaterThan(3);
  });
  afterAll(async () => {
    await stopTestServer(server);
    await mail.close();
  });

  it('mails a newly invited member of staff their set-up code and a link, then forgets the code', async () => {
    const dana = await signInStaff(server, 'coordinator@northgate.example');
    const res = await dana.post('/api/staff/accounts').send({ fullName: 'Nina Newcomer', email: 'Nina.Newcomer@northgate.example', roles: ['coordinator'] }).expect(201);
    const code = res.body.setupCode as string;

    const message = await mail.waitFor((m) => m.to.includes('nina.newcomer@northgate.example'));
    expect(message.from).toBe('peerbridge@test.example');
    expect(message.subject).toBe('Peerbridge: your set-up code');
    expect(message.text).toContain(code);
    expect(message.text).toContain(`${PUBLIC_URL}/staff`);
    expectNoChild([message]);
    await expect.poll(async () => (await outboxRows('setup_code')).map((r) => [r.status, r.bodyText]), { timeout: 15_000 }).toEqual([['sent', '']]);
  });

  it('mails each account of a staff CSV import its own set-up code', async () => {
    const dana = await signInStaff(server, 'coordinator@northgate.example');
    const csv = 'Forename,Surname,Email,Role\nJo,Ward,jo.ward@northgate.example,coordinator\nKai,Lund,kai.lund@northgate.example,coordinator\n';
    const done = await dana.post('/api/staff/import/staff').type('text/csv').send(csv).expect(200);
    for (const created of done.body.created as { email: string; setupCode: string }[]) {
      const message = await mail.waitFor((m) => m.to.includes(created.email));
      expect(message.text).toContain(created.setupCode);
    }
  });

  it("mails the school's first staff, made by the deployment admin, their set-up code", async () => {
    await addOtherSchoolAndAdmin(server);
    const admin = await signInStaff(server, 'admin@peerbridge.example');
    const schoolId = server.demo!.schools[0]!.id;
    const res = await admin.post(`/api/staff/admin/schools/${schoolId}/staff`).send({ fullName: 'Fay First', email: 'fay.first@northgate.example', role: 'dsl' }).expect(201);
    const message = await mail.waitFor((m) => m.to.includes('fay.first@northgate.example'));
    expect(message.text).toContain(res.body.setupCode as string);
    expect(message.text).toContain('Hello Fay First');
  });

  it("mails every safeguarding alert to each involved school's DSLs, with a link to the concern and no child's name", async () => {
    const ravi = await signInStaff(server, 'dsl@northgate.example');
    const now = server.demo!.sessions.find((s) => s.kind === 'now')!;
    const raised = await ravi
      .post('/api/staff/concerns')
      .send({ sessionId: now.id, studentIds: [now.mentor.id, now.mentee.id], whatHappened: `${now.mentee.firstName} said something worrying.` })
      .expect(201);
    const link = `${PUBLIC_URL}/staff/concerns/${raised.body.concernId}`;

    const northgate = await mail.waitFor((m) => m.to.includes('dsl@northgate.example') && m.text.includes(link));
    const riverside = await mail.waitFor((m) => m.to.includes('dsl@riverside.example') && m.text.includes(link));
    expect(northgate.subject).toBe('Peerbridge: a safeguarding alert needs your attention');
    expect(riverside.text).toContain('A safeguarding concern has been raised');
    expect(mail.to('coordinator@northgate.example').some((m) => m.text.includes(link))).toBe(false);
    expectNoChild([northgate, riverside]);
  });

  it("escalates a concern no DSL of a school picked up within that school's time to its coordinators, once", async () => {
    const ravi = await signInStaff(server, 'dsl@northgate.example');
    const grace = await signInStaff(server, 'dsl@riverside.example');
    const now = server.demo!.sessions.find((s) => s.kind === 'now')!;
    const raised = await ravi.post('/api/staff/concerns').send({ sessionId: now.id, studentIds: [now.mentor.id, now.mentee.id], whatHappened: 'Escalate me.' }).expect(201);
    const ref = (schoolOf: 'mentor' | 'mentee') => `${raised.body.concernId}:${server.demo!.schools.find((s) => s.role === schoolOf)!.id}`;
    // Riverside's lead picks it up; Northgate's does not.
    await grace.post(`/api/staff/concerns/${raised.body.concernId}/amendments`).send({ kind: 'status', to: 'acknowledged' }).expect(201);

    await server.email!.escalate();
    expect((await outboxRows('dsl_escalation')).filter((r) => r.subjectRef.startsWith(raised.body.concernId))).toEqual([]);

    server.clock.advance({ minutes: 31 });
    await server.email!.escalate();
    await server.email!.escalate();
    const message = await mail.waitFor((m) => m.subject === 'Peerbridge: a safeguarding concern has not been picked up' && m.to.includes('coordinator@northgate.example'));
    expect(message.text).toContain('within 30 minutes');
    expect(message.text).toContain(`${PUBLIC_URL}/staff`);
    expectNoChild([message]);
    const rows = (await outboxRows('dsl_escalation')).filter((r) => r.subjectRef.startsWith(raised.body.concernId));
    // Northgate's coordinators (the demo's and those invited and imported above), once each; nobody at Riverside.
    expect(rows.map((r) => [r.subjectRef, r.toAddress]).sort()).toEqual([
      [ref('mentor'), 'coordinator@northgate.example'],
      [ref('mentor'), 'jo.ward@northgate.example'],
      [ref('mentor'), 'kai.lund@northgate.example'],
      [ref('mentor'), 'nina.newcomer@northgate.example'],
    ]);
  });

  it("mails both coordinators when a session is cancelled (the schedule_changed notices), linking to the notices", async () => {
    const dana = await signInStaff(server, 'coordinator@northgate.example');
    const later = server.demo!.sessions.find((s) => s.kind === 'later')!;
    await dana.post(`/api/staff/sessions/${later.id}/cancel`).send({ reason: 'Museum trip' }).expect(200);
    const isChange = (to: string) => (m: CaughtMail) => m.to.includes(to) && m.subject === 'Peerbridge: mentoring sessions have changed';
    const ours = await mail.waitFor(isChange('coordinator@northgate.example'));
    const theirs = await mail.waitFor(isChange('coordinator@riverside.example'));
    expect(theirs.text).toContain(`${PUBLIC_URL}/staff/notices`);
    expectNoChild([ours, theirs]);
  });

  it('keeps a repeated-absence email pending while the mail server refuses or is down, retries on the clock, and sends it when it is back; the notice is there all along', async () => {
    const emails = server.email!.emails;
    const notices = new NoticeRepository(server.database.db, (tx, raised) => emails.noticesRaised(tx, raised));
    const riversideId = server.demo!.schools.find((s) => s.role === 'mentee')!.id;
    const mentee = server.demo!.sessions[0]!.mentee;
    const owen = await signInStaff(server, 'coordinator@riverside.example');

    mail.refuse = true;
    const absence = { schoolId: riversideId, occurrenceId: server.demo!.sessions[0]!.id, studentId: mentee.id, kind: 'repeated_absence' as const };
    await notices.raise({ ...absence, message: `${mentee.firstName} missed 2 sessions in a row.` });
    const inApp = (await owen.get('/api/staff/notices').expect(200)).body.notices as { id: string; kind: string }[];
    const notice = inApp.find((n) => n.kind === 'repeated_absence')!;
    expect(notice).toBeDefined();
    const row = async () => (await server.database.db.select().from(emailOutbox).where(and(eq(emailOutbox.kind, 'repeated_absence'), eq(emailOutbox.subjectRef, notice.id))))[0]!;

    await server.email!.sendDue();
    // A try is counted when the row is claimed and its error written when the refusal comes back: wait for the error.
    await expect.poll(async () => (await row()).lastError ?? '', { timeout: 15_000 }).toMatch(/451|busy/i);
    expect(await row()).toMatchObject({ status: 'pending', toAddress: 'coordinator@riverside.example' });
    expect((await row()).attempts).toBeGreaterThanOrEqual(1);

    // The mail server goes away altogether; the retry is due 30 seconds on, by the server's clock.
    mail.refuse = false;
    const port = mail.port;
    await mail.close();
    const attempts = (await row()).attempts;
    await server.email!.sendDue();
    expect((await row()).attempts).toBe(attempts);
    server.clock.advance({ seconds: 31 });
    await server.email!.sendDue();
    expect(await row()).toMatchObject({ status: 'pending', attempts: attempts + 1 });

    mail = await MailCatcher.start(port);
    server.clock.advance({ minutes: 2 });
    await server.email!.sendDue();
    const message = await mail.waitFor((m) => m.to.includes('coordinator@riverside.example') && m.subject === 'Peerbridge: a student has missed several sessions');
    expect(message.text).toContain(`${PUBLIC_URL}/staff/notices`);
    expectNoChild([message]);
    expect(await row()).toMatchObject({ status: 'sent', attempts: attempts + 2 });
    // Raising the same open notice again neither adds a notice nor sends a second email.
    await notices.raise({ ...absence, message: 'again' });
    expect((await outboxRows('repeated_absence')).length).toBe(1);
    expect(((await owen.get('/api/staff/notices').expect(200)).body.notices as { id: string }[]).some((n) => n.id === notice.id)).toBe(true);
  });
});
