import { eq } from 'drizzle-orm';
import type { Db } from './database.js';
import { devices, schools } from './schema.js';

export interface DeviceRecord {
  id: string;
  label: string;
  revoked: boolean;
  school: { id: string; name: string; timeZone: string };
}

export class DeviceRepository {
  constructor(private readonly db: Db) {}

  async findById(id: string): Promise<DeviceRecord | undefined> {
    const [row] = await this.db
      .select({
        id: devices.id,
        label: devices.label,
        revokedAt: devices.revokedAt,
        school: { id: schools.id, name: schools.name, timeZone: schools.timeZone },
      })
      .from(devices)
      .innerJoin(schools, eq(schools.id, devices.schoolId))
      .where(eq(devices.id, id))
      .limit(1);
    return row ? { id: row.id, label: row.label, revoked: row.revokedAt !== null, school: row.school } : undefined;
  }

  async create(schoolId: string, label: string): Promise<string> {
    const [row] = await this.db.insert(devices).values({ schoolId, label }).returning({ id: devices.id });
    if (!row) throw new Error('Device insert returned no row');
    return row.id;
  }
}
