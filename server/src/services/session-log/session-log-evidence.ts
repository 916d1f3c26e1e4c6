import { EVIDENCE_FORMAT, signEvidence, type EvidenceFile } from '../../domain/audit/evidence-file.js';
import type { Clock } from '../../domain/time/clock.js';
import type { RecordViewRepository } from '../../infra/db/record-view-repository.js';
import type { SessionEventRepository } from '../../infra/db/session-event-repository.js';
import type { SessionRecord } from '../../infra/db/session-repository.js';
import type { Ed25519KeyRing } from '../../infra/signing/ed25519-key-ring.js';
import type { StaffIdentity } from '../staff/staff-auth.js';

/**
 * A session's log as a signed evidence file for a safeguarding lead to keep or
 * pass on (police, LADO, a CPOMS attachment). Exporting checkpoints the head
 * first, so rows dropped from the database later are caught there too; the
 * download is on the record before the file is built.
 */
export class SessionLogEvidence {
  constructor(
    private readonly deps: {
      events: Pick<SessionEventRepository, 'snapshot' | 'checkpoint'>;
      views: Pick<RecordViewRepository, 'record'>;
      keys: Ed25519KeyRing;
      clock: Clock;
    },
  ) {}

  async export(staff: StaffIdentity, session: SessionRecord): Promise<EvidenceFile> {
    const now = this.deps.clock.now();
    await this.deps.views.record(staff.staffId, 'session_log', session.id, now, 'evidence_downloaded');
    await this.deps.events.checkpoint(session.id, 'exported', now);
    const { entries, anchor, checkpoints } = await this.deps.events.snapshot(session.id);
    return signEvidence(
      {
        format: EVIDENCE_FORMAT,
        session: { id: session.id, startsAt: session.startsAt.toString(), endsAt: session.endsAt.toString() },
        exportedAt: new Date(now.epochMilliseconds).toISOString(),
        exportedBy: { staffId: staff.staffId, name: staff.fullName },
        anchor,
        entries,
        checkpoints,
        publicKeys: this.deps.keys.publicKeys(),
      },
      this.deps.keys,
    );
  }
}
