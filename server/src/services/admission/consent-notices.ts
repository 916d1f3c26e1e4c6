import type { MissingConsent } from '../../domain/sessions/join-rules.js';
import type { NoticeRepository } from '../../infra/db/notice-repository.js';
import type { SessionRecord } from '../../infra/db/session-repository.js';

const what: Record<MissingConsent['what'], string> = {
  parental_consent: 'parental consent',
  mentor_training: 'completed mentor training',
};

/** Tells the coordinator of each child whose consent or training is missing, once per session. */
export class ConsentNotices {
  constructor(private readonly notices: Pick<NoticeRepository, 'raise'>) {}

  async consentMissing(session: SessionRecord, missing: MissingConsent[]): Promise<void> {
    for (const gap of missing) {
      const child = gap.studentId === session.mentor.id ? session.mentor : session.mentee;
      await this.notices.raise({
        schoolId: gap.schoolId,
        occurrenceId: session.id,
        studentId: gap.studentId,
        kind: 'consent_missing',
        message: `${child.firstName}'s session at ${session.startsAt.toString()} was refused: ${what[gap.what]} is not on record.`,
      });
    }
  }
}
