import { eq } from 'drizzle-orm';
import type { Db } from './database.js';
import { partnerships } from './schema.js';

export class PartnershipRepository {
  constructor(private readonly db: Db) {}

  async findById(id: string) {
    const [row] = await this.db.select().from(partnerships).where(eq(partnerships.id, id)).limit(1);
    return row ? { ...row, schoolIds: [row.mentorSchoolId, row.menteeSchoolId] } : undefined;
  }
}
