import type { StaffRole } from '../domain/access/policy.js';
import { StaffRepository } from '../infra/db/staff-repository.js';
import { hashSecret } from '../services/staff/passwords.js';
import { DEMO_PASSWORD } from './staff-agent.js';
import type { TestServer } from './test-server.js';

/** More staff at the demo mentor school (Northgate), all with the demo password: `<prefix>-<n>@northgate.example`. */
export async function addNorthgateStaff(server: TestServer, prefix: string, count: number, role: StaffRole = 'supervisor'): Promise<string[]> {
  const schoolId = server.demo!.schools.find((s) => s.role === 'mentor')!.id;
  const repo = new StaffRepository(server.database.db);
  const passwordHash = await hashSecret(DEMO_PASSWORD);
  const emails = Array.from({ length: count }, (_, i) => `${prefix}-${i + 1}@northgate.example`);
  for (const email of emails) await repo.create({ email, fullName: `Test ${email}`, schoolId, roles: [role], passwordHash });
  return emails;
}
