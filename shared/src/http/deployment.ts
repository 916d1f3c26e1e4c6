import { z } from 'zod';
import { LocalDate, Uuid } from '../ids.js';
import { freeText } from '../text.js';
import { endpoint } from './endpoint.js';
import { CreatedAccount } from './imports.js';
import { IdParams } from './params.js';

/*
 * Setting up a deployment: the admin (who belongs to no school and sees no
 * child) creates the schools, the partnerships between them and each
 * school's first coordinator and safeguarding lead. Everything else a school
 * sets up itself.
 */

/** An IANA zone name ("Europe/London"), not an offset: offsets do not follow a school's clock changes. */
export const IanaTimeZone = z
  .string({ message: 'must be text' })
  .trim()
  .refine((zone) => {
    if (!/^(UTC|[A-Za-z_]+(\/[A-Za-z0-9_+-]+)+)$/.test(zone)) return false;
    try {
      new Intl.DateTimeFormat('en-GB', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'is not a time zone name such as Europe/London');

/** `POST /api/staff/admin/schools` */
export const CreateSchoolBody = z.strictObject({
  name: freeText({ max: 120 }),
  /** The school's unique reference number (DfE URN): six digits. */
  urn: z
    .string({ message: 'must be text' })
    .trim()
    .regex(/^\d{6}$/, 'must be the six-digit URN (DfE number)'),
  timeZone: IanaTimeZone,
  contactEmail: z.email({ message: 'must be an email address' }).max(254),
});
export type CreateSchoolBody = z.infer<typeof CreateSchoolBody>;

export const DeploymentSchool = z.object({
  id: Uuid,
  name: z.string(),
  urn: z.string().nullable(),
  timeZone: z.string(),
  contactEmail: z.string().nullable(),
  /** Its coordinators and safeguarding leads (names only: the admin needs to know who can take over). */
  staff: z.array(z.object({ id: Uuid, fullName: z.string(), email: z.string(), roles: z.array(z.string()), setUp: z.boolean() })),
});
export type DeploymentSchool = z.infer<typeof DeploymentSchool>;

/** `POST /api/staff/admin/partnerships` */
export const CreatePartnershipBody = z
  .strictObject({
    mentorSchoolId: Uuid,
    menteeSchoolId: Uuid,
    /** Optional: "<mentor school> – <mentee school>" when left out. */
    name: freeText({ max: 120, required: false }).optional(),
    start: LocalDate,
    end: LocalDate,
  })
  .refine((p) => p.mentorSchoolId !== p.menteeSchoolId, { message: 'must be a different school from the mentor school', path: ['menteeSchoolId'] })
  .refine((p) => p.start <= p.end, { message: 'must be on or after the start', path: ['end'] });
export type CreatePartnershipBody = z.infer<typeof CreatePartnershipBody>;

export const DeploymentPartnership = z.object({
  id: Uuid,
  name: z.string(),
  mentorSchool: z.object({ id: Uuid, name: z.string() }),
  menteeSchool: z.object({ id: Uuid, name: z.string() }),
  start: LocalDate.nullable(),
  end: LocalDate.nullable(),
});
export type DeploymentPartnership = z.infer<typeof DeploymentPartnership>;

export const DeploymentOverview = z.object({ schools: z.array(DeploymentSchool), partnerships: z.array(DeploymentPartnership) });
export type DeploymentOverview = z.infer<typeof DeploymentOverview>;

/** `POST /api/staff/admin/schools/:id/staff`: a school's first coordinator or safeguarding lead. */
export const CreateSchoolStaffBody = z.strictObject({
  fullName: freeText({ max: 120 }),
  email: z.email({ message: 'must be an email address' }).max(254),
  role: z.enum(['coordinator', 'dsl'], { message: 'must be coordinator or dsl' }),
});
export type CreateSchoolStaffBody = z.infer<typeof CreateSchoolStaffBody>;

const TAG = 'deployment set-up';

export const deploymentEndpoints = {
  overview: endpoint({
    method: 'GET',
    path: '/api/staff/admin/schools',
    tag: TAG,
    audience: 'staff',
    summary: 'The deployment admin: every school (with its coordinators and DSLs) and every partnership.',
    response: DeploymentOverview,
  }),
  createSchool: endpoint({
    method: 'POST',
    path: '/api/staff/admin/schools',
    tag: TAG,
    audience: 'staff',
    summary: 'The deployment admin adds a school: name, URN, time zone, contact email.',
    body: CreateSchoolBody,
    response: DeploymentSchool,
    status: 201,
  }),
  createPartnership: endpoint({
    method: 'POST',
    path: '/api/staff/admin/partnerships',
    tag: TAG,
    audience: 'staff',
    summary: 'The deployment admin pairs two schools: which one mentors, and the programme dates.',
    body: CreatePartnershipBody,
    response: DeploymentPartnership,
    status: 201,
  }),
  createSchoolStaff: endpoint({
    method: 'POST',
    path: '/api/staff/admin/schools/:id/staff',
    tag: TAG,
    audience: 'staff',
    summary: "The deployment admin creates a school's coordinator or DSL, with a one-time set-up code shown this once.",
    params: IdParams,
    body: CreateSchoolStaffBody,
    response: CreatedAccount,
    status: 201,
  }),
};
