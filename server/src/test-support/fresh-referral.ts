import { referrals, students } from '../infra/db/schema.js';
import type { TestServer } from './test-server.js';

let made = 0;

/** A new student of a demo school with nothing on record (no consent, no training), to refer or to apply. */
export async function freshStudent(server: TestServer, school: 'mentor' | 'mentee', yearGroup = school === 'mentee' ? 11 : 12) {
  const schoolId = server.demo!.schools.find((s) => s.role === school)!.id;
  const n = ++made;
  const [row] = await server.database.db
    .insert(students)
    .values({ schoolId, firstName: `Referred${n}`, lastName: 'Student', yearGroup, role: school })
    .returning({ id: students.id });
  return { studentId: row!.id, schoolId, firstName: `Referred${n}` };
}

/** A new Northgate mentor application, opened by its coordinator: for the authorization matrix's per-referral cases. */
export async function freshReferral(server: TestServer): Promise<string> {
  const { studentId, schoolId } = await freshStudent(server, 'mentor');
  const coordinator = await server.database.db.query.staff.findFirst({ where: (s, { eq }) => eq(s.email, 'coordinator@northgate.example') });
  const [row] = await server.database.db
    .insert(referrals)
    .values({ schoolId, studentId, kind: 'mentor', source: 'self', referredBy: coordinator!.id })
    .returning({ id: referrals.id });
  return row!.id;
}
