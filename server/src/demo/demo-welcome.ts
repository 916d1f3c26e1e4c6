import { Temporal } from 'temporal-polyfill';
import { localClockTime } from '../domain/time/school-day.js';
import { DEMO_STAFF_PASSWORD, DEMO_STUDENT_PIN, demoStaff, type DemoManifest } from './demo-data.js';

const local = (iso: string) => localClockTime(Temporal.Instant.from(iso), 'Europe/London');

/** What a new user sees in the terminal: where to go, and which iPad link is which school. */
export function printDemoWelcome(url: string, demo: DemoManifest): void {
  const lines = [
    '',
    '  Peerbridge is running with demo data.',
    '',
    `  Open ${url} — then set up each "school iPad" in its own browser window`,
    '  (a normal window for one school and a private window for the other):',
    '',
    ...demo.schools.map((s) => `    ${s.name} (${s.role}s):\n      ${url}/?device=${s.deviceToken}\n`),
    `  Every demo student's PIN is ${DEMO_STUDENT_PIN}.`,
    '',
    `  Staff sign in at ${url}/staff with password ${DEMO_STAFF_PASSWORD}:`,
    ...demoStaff.map((m) => `    ${m.email.padEnd(32)} ${m.role}`),
    '',
    '  Sessions today:',
    ...demo.sessions.map(
      (s) =>
        `    ${s.kind.padEnd(7)} ${local(s.startsAt)}–${local(s.endsAt)} (UK time)  ${s.mentor.firstName} (mentor) with ${s.mentee.firstName} (mentee)`,
    ),
    '',
    '  Stop with Ctrl+C.',
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
