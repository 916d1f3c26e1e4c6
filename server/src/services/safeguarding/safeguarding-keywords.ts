import type { SafeguardingKeywordsBody, SafeguardingKeywordsResponse } from '@peerbridge/shared';
import { can } from '../../domain/access/policy.js';
import { DEFAULT_SAFEGUARDING_KEYWORDS } from '../../domain/safeguarding/default-keywords.js';
import { keywordChanges } from '../../domain/safeguarding/keyword-lists.js';
import { AppError } from '../../errors.js';
import type { SafeguardingKeywordRepository } from '../../infra/db/safeguarding-keyword-repository.js';
import type { StaffAuditTrail } from '../audit/staff-audit-trail.js';
import type { StaffIdentity } from '../staff/staff-auth.js';

/**
 * A school's DSLs keep the words that flag a chat message to them. Their list
 * is checked alongside the partner school's in every shared session; each
 * save, and going back to the default, is on the school's staff audit trail
 * with exactly what was added and removed.
 */
export class SafeguardingKeywords {
  constructor(private readonly deps: { keywords: SafeguardingKeywordRepository; audit: Pick<StaffAuditTrail, 'recording'> }) {}

  async get(staff: StaffIdentity): Promise<SafeguardingKeywordsResponse> {
    const schoolId = this.managedSchool(staff);
    return this.describe(schoolId, await this.deps.keywords.forSchool(schoolId));
  }

  async set(staff: StaffIdentity, body: SafeguardingKeywordsBody): Promise<SafeguardingKeywordsResponse> {
    const schoolId = this.managedSchool(staff);
    const before = (await this.deps.keywords.forSchool(schoolId)) ?? DEFAULT_SAFEGUARDING_KEYWORDS;
    const next = body.keywords;
    const { added, removed } = keywordChanges(before, next ?? DEFAULT_SAFEGUARDING_KEYWORDS);
    await this.deps.keywords.set(
      schoolId,
      next,
      this.deps.audit.recording(staff, () => ({ kind: 'SafeguardingKeywordsChanged', added, removed, usingDefault: next === null })),
    );
    return this.describe(schoolId, next);
  }

  private async describe(schoolId: string, own: string[] | null): Promise<SafeguardingKeywordsResponse> {
    return {
      keywords: own ?? [...DEFAULT_SAFEGUARDING_KEYWORDS],
      usingDefault: own === null,
      defaults: [...DEFAULT_SAFEGUARDING_KEYWORDS],
      partnerSchools: await this.deps.keywords.partnerSchoolNames(schoolId),
    };
  }

  private managedSchool(staff: StaffIdentity): string {
    if (!staff.schoolId || !can(staff, 'keywords:manage', [staff.schoolId])) {
      throw new AppError('forbidden', "Only your school's safeguarding leads can see and change the safeguarding words.");
    }
    return staff.schoolId;
  }
}
