import request from 'supertest';
import type { signInStaff } from './staff-agent.js';
import type { TestServer } from './test-server.js';

type StaffAgent = Awaited<ReturnType<typeof signInStaff>>;

/**
 * Enrols `count` more iPads at the coordinator's school the way a school does: a code
 * from the iPads screen, typed on the iPad. Scheduling's pool is the enrolled iPads, so
 * a test that books sessions side by side enrols as many as the school would need.
 */
export async function enrolIPads(server: TestServer, coordinator: StaffAgent, count: number, label = 'Test iPad') {
  const enrolled: { id: string; deviceToken: string }[] = [];
  for (let i = 1; i <= count; i++) {
    const { body } = await coordinator.post('/api/staff/devices').send({ label: `${label} ${i}` }).expect(201);
    const redeemed = await request(server.url).post('/api/device/enrol').send({ code: body.enrolmentCode }).expect(200);
    enrolled.push({ id: body.device.id, deviceToken: redeemed.body.deviceToken });
  }
  return enrolled;
}
