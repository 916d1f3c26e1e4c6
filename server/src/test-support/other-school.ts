import { eq } from 'drizzle-orm';
import { schools } from '../infra/db/schema.js';
import { StaffRepository } from '../infra/db/staff-repository.js';
import { hashSecret } from '../services/staff/passwords.js';
import { DEMO_PASSWORD } from './staff-agent.js';
import type { TestServer } from './test-server.js';

/**
 * A third school outside the demo partnership, with a coordinator, a DSL and a
 * supervisor, plus a deployment admin: the people who must see nothing.
 */
export async function addOtherSchoolAndAdmin(server: TestServer) {
  const db = server.database.db;
  const [school] = await db.insert(schools).values({ name: 'Hillcrest School' }).returning({ id: schools.id });
  const repo = new StaffRepository(db);
  const passwordHash = await hashSecret(DEMO_PASSWORD);
  for (const role of ['coordinator', 'dsl', 'supervisor'] as const) {
    await repo.create({ email: `${role}@hillcrest.example`, fullName: `Hillcrest ${role}`, schoolId: school!.id, roles: [role], passwordHash });
  }
  await repo.create({ email: 'admin@peerbridge.example', fullName: 'Deployment Admin', schoolId: null, roles: ['admin'], passwordHash });
  const [row] = await db.select().from(schools).where(eq(schools.id, school!.id));
  return row!;
}
