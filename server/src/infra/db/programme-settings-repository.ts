import { DEFAULT_PROGRAMME_SETTINGS, ExitQuestionnaireForm, type ProgrammeSettings } from '@peerbridge/shared';
import { eq, inArray } from 'drizzle-orm';
import type { Db } from './database.js';
import { schoolProgrammeSettings } from './schema.js';

type SettingsRow = typeof schoolProgrammeSettings.$inferSelect;

/** Each school's programme settings; a school that has chosen nothing gets the defaults. */
export class ProgrammeSettingsRepository {
  constructor(private readonly db: Db) {}

  async forSchool(schoolId: string, tx: Db = this.db): Promise<ProgrammeSettings> {
    const [row] = await tx.select().from(schoolProgrammeSettings).where(eq(schoolProgrammeSettings.schoolId, schoolId));
    return row ? fromRow(row) : structuredClone(DEFAULT_PROGRAMME_SETTINGS);
  }

  /** Several schools at once (both schools of a pairing, a report over a partnership). */
  async forSchools(schoolIds: readonly string[]): Promise<Map<string, ProgrammeSettings>> {
    const found = new Map<string, ProgrammeSettings>();
    if (schoolIds.length > 0) {
      const rows = await this.db.select().from(schoolProgrammeSettings).where(inArray(schoolProgrammeSettings.schoolId, [...schoolIds]));
      for (const row of rows) found.set(row.schoolId, fromRow(row));
    }
    for (const id of schoolIds) if (!found.has(id)) found.set(id, structuredClone(DEFAULT_PROGRAMME_SETTINGS));
    return found;
  }

  /** Changes only the settings named; the rest keep what they were (or their defaults). */
  async update(schoolId: string, change: Partial<ProgrammeSettings>, at: Date, tx: Db = this.db): Promise<ProgrammeSettings> {
    const next = { ...(await this.forSchool(schoolId, tx)), ...change };
    const values = {
      referralReasons: next.referralReasons,
      lateAfterMinutes: next.lateAfterMinutes,
      absenceNoticeAfter: next.absenceNoticeAfter,
      dslEscalationMinutes: next.dslEscalationMinutes,
      exitQuestionnaire: next.exitQuestionnaire,
      updatedAt: at,
    };
    await tx
      .insert(schoolProgrammeSettings)
      .values({ schoolId, ...values })
      .onConflictDoUpdate({ target: schoolProgrammeSettings.schoolId, set: values });
    return next;
  }
}

function fromRow(row: SettingsRow): ProgrammeSettings {
  // A stored form that no longer parses (edited by hand) falls back to the default rather than breaking the iPad.
  const form = ExitQuestionnaireForm.safeParse(row.exitQuestionnaire);
  return {
    referralReasons: row.referralReasons ?? [...DEFAULT_PROGRAMME_SETTINGS.referralReasons],
    lateAfterMinutes: row.lateAfterMinutes,
    absenceNoticeAfter: row.absenceNoticeAfter,
    dslEscalationMinutes: row.dslEscalationMinutes,
    exitQuestionnaire: form.success ? form.data : DEFAULT_PROGRAMME_SETTINGS.exitQuestionnaire,
  };
}
