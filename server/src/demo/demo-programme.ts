import type { Temporal } from 'temporal-polyfill';
import type { Db } from '../infra/db/database.js';
import { seedDemoExits } from './demo-exits.js';
import { seedDemoReferrals } from './demo-referrals.js';
import { seedDemoTargets } from './demo-targets.js';

/** What the programme's demo seeders build on: the demo partnership, its schools and pairings. */
export interface DemoProgrammeBase {
  partnershipId: string;
  mentorSchoolId: string;
  menteeSchoolId: string;
  pairings: { id: string; mentor: { id: string; firstName: string }; mentee: { id: string; firstName: string } }[];
}

/**
 * The mentoring programme's demo data (referrals, targets with reviews due, a few weeks of attendance,
 * an exited pairing), so the programme's screens and reports show something on first start. Each part
 * is idempotent, like the rest of the demo.
 */
export async function seedDemoProgramme(db: Db, now: Temporal.Instant, base: DemoProgrammeBase): Promise<void> {
  // Each area's seeder is called from here, one line each.
  await seedDemoExits(db, now, base);
  await seedDemoReferrals(db, now, base);
  await seedDemoTargets(db, now, base);
}
