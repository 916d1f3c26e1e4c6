import type {
  CreatePartnershipBody,
  CreateSchoolBody,
  CreateSchoolStaffBody,
  CreatedAccount,
  DeploymentOverview,
  DeploymentPartnership,
  DeploymentSchool,
} from '@peerbridge/shared';
import { hasRoleFor } from '../../domain/access/policy.js';
import type { Clock } from '../../domain/time/clock.js';
import { AppError } from '../../errors.js';
import type { DeploymentRepository } from '../../infra/db/deployment-repository.js';
import type { StaffImportRepository } from '../../infra/db/staff-import-repository.js';
import { bothInTransaction } from '../../infra/db/in-transaction.js';
import type { StaffAuditTrail } from '../audit/staff-audit-trail.js';
import type { NotificationEmails } from '../email/notification-emails.js';
import { newSetupCode, SETUP_CODE_LIFETIME, setupCodeHash } from '../staff/setup-codes.js';
import type { StaffIdentity } from '../staff/staff-auth.js';

/**
 * What the deployment admin sets up before any school can start: schools,
 * partnerships, and each school's first coordinator and DSL (who then do
 * everything else themselves). Every change is on the trail of the school it
 * concerns, since the admin has no school of their own.
 */
export class DeploymentSetup {
  constructor(
    private readonly deps: {
      deployment: Pick<
        DeploymentRepository,
        'schools' | 'leadStaff' | 'partnerships' | 'schoolsByIds' | 'createSchool' | 'createPartnership'
      >;
      accounts: Pick<StaffImportRepository, 'existingEmails' | 'createWithCodes'>;
      audit: Pick<StaffAuditTrail, 'recordingOn'>;
      clock: Clock;
      /** Mails the new coordinator or DSL their set-up code (absent without SMTP_URL). */
      setupCodeEmails?: Pick<NotificationEmails, 'setupCode'>;
    },
  ) {}

  async overview(admin: StaffIdentity): Promise<DeploymentOverview> {
    assertAdmin(admin);
    const [schools, staff, partnerships] = await Promise.all([
      this.deps.deployment.schools(),
      this.deps.deployment.leadStaff(),
      this.deps.deployment.partnerships(),
    ]);
    return {
      schools: schools.map((school) => ({
        ...school,
        staff: staff.filter((s) => s.schoolId === school.id).map(({ schoolId: _school, ...s }) => s),
      })),
      partnerships,
    };
  }

  async createSchool(admin: StaffIdentity, body: CreateSchoolBody): Promise<DeploymentSchool> {
    assertAdmin(admin);
    const school = await this.deps.deployment.createSchool(
      { name: body.name, urn: body.urn, timeZone: body.timeZone, contactEmail: body.contactEmail.toLowerCase() },
      this.deps.audit.recordingOn(admin, (created) => [
        { schoolId: created.id, action: { kind: 'SchoolCreated', school: { id: created.id, name: created.name, urn: created.urn } } },
      ]),
    );
    if (!school) throw fieldConflict('urn', `A school with URN ${body.urn} is already on Peerbridge.`);
    return { ...school, staff: [] };
  }

  async createPartnership(admin: StaffIdentity, body: CreatePartnershipBody): Promise<DeploymentPartnership> {
    assertAdmin(admin);
    const found = await this.deps.deployment.schoolsByIds([body.mentorSchoolId, body.menteeSchoolId]);
    const mentorSchool = found.find((s) => s.id === body.mentorSchoolId);
    const menteeSchool = found.find((s) => s.id === body.menteeSchoolId);
    if (!mentorSchool) throw AppError.notFound('The mentor school does not exist.');
    if (!menteeSchool) throw AppError.notFound('The mentee school does not exist.');
    const name = body.name || `${mentorSchool.name} – ${menteeSchool.name}`;
    const describe = (id: string) =>
      ({ kind: 'PartnershipCreated', partnershipId: id, mentorSchool, menteeSchool, start: body.start, end: body.end }) as const;
    const created = await this.deps.deployment.createPartnership(
      { name, mentorSchoolId: mentorSchool.id, menteeSchoolId: menteeSchool.id, start: body.start, end: body.end },
      // Both schools' staff must see who partnered them, and with whom.
      this.deps.audit.recordingOn(admin, ({ id }) => [mentorSchool, menteeSchool].map((s) => ({ schoolId: s.id, action: describe(id) }))),
    );
    if (!created) throw new AppError('conflict', `${mentorSchool.name} already mentors ${menteeSchool.name} in a partnership.`);
    return { id: created.id, name, mentorSchool, menteeSchool, start: body.start, end: body.end };
  }

  /** A school's coordinator or DSL, with a set-up code for the admin to hand over (shown this once). */
  async createSchoolStaff(admin: StaffIdentity, schoolId: string, body: CreateSchoolStaffBody): Promise<CreatedAccount> {
    assertAdmin(admin);
    const [school] = await this.deps.deployment.schoolsByIds([schoolId]);
    if (!school) throw AppError.notFound('There is no such school.');
    const email = body.email.toLowerCase();
    if ((await this.deps.accounts.existingEmails([email])).size > 0) {
      throw fieldConflict('email', `${email} already has a Peerbridge account.`);
    }
    const code = newSetupCode();
    const codeHash = setupCodeHash(code);
    const mail = this.deps.setupCodeEmails;
    const expiresAt = this.deps.clock.now().add(SETUP_CODE_LIFETIME);
    const account = { email, fullName: body.fullName, roles: [body.role] };
    await this.deps.accounts.createWithCodes(
      school.id,
      [{ account, codeHash }],
      expiresAt,
      // The record of who gave whom which rights, on the school's own trail.
      bothInTransaction(
        this.deps.audit.recordingOn(admin, (created) =>
          created.map((a) => ({ schoolId: school.id, action: { kind: 'StaffAccountCreated', account: { id: a.id, fullName: a.fullName, roles: a.roles } } })),
        ),
        mail ? (tx) => mail.setupCode(tx, { email, fullName: body.fullName, code, codeHash, expiresAt }) : undefined,
      ),
    );
    return { ...account, setupCode: code, expiresAt: expiresAt.toString() };
  }
}

/** Refused because of what is already stored, named by field as a 400 would be, so the form shows it in place. */
function fieldConflict(field: string, problem: string): AppError {
  return new AppError('conflict', problem, { problems: [{ field, problem }] });
}

function assertAdmin(staff: StaffIdentity): void {
  if (!hasRoleFor(staff, 'deployment:manage')) throw new AppError('forbidden', 'Your account does not have access to that.');
}
