import { z } from 'zod';
import { IsoInstant, Uuid } from '../ids.js';
import { endpoint } from './endpoint.js';
import { StaffRole } from './staff-sign-in.js';
import { RecordMethod } from './students.js';
import { ReferralKind, ReferralSource, ReferralStatus } from './programme-vocabulary.js';

/**
 * The staff-action audit trail: who did what, when, for a school. Each action
 * names what it touched as it was at the time (names change; the record must
 * not), with no more of a child than the staff screens already show: an
 * own-school student as first name and surname initial, a partner-school
 * student as first name and school.
 */
const OwnStudent = z.object({ id: Uuid, name: z.string() });
const PairedStudent = z.object({ id: Uuid, firstName: z.string(), schoolName: z.string() });
const Device = z.object({ id: Uuid, label: z.string() });

export const StaffAuditAction = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('PinReset'), student: OwnStudent }),
  /** `method`: how it reached the school, when the coordinator said (entries before it was asked for have none). */
  z.object({ kind: z.literal('ParentalConsentChanged'), student: OwnStudent, given: z.boolean(), method: RecordMethod.optional() }),
  z.object({ kind: z.literal('TrainingChanged'), student: OwnStudent, completed: z.boolean(), method: RecordMethod.optional() }),
  /** A referral (or mentor application) filed, and each step recorded on it (consent and training have their own entries). */
  z.object({ kind: z.literal('ReferralRecorded'), student: OwnStudent, referralKind: ReferralKind, source: ReferralSource }),
  z.object({
    kind: z.literal('ReferralUpdated'),
    student: OwnStudent,
    change: z.enum(['opt_in', 'consent_requested', 'status', 'passed_to_dsl']),
    status: ReferralStatus,
  }),
  /** Which of the school's programme settings were saved. */
  z.object({ kind: z.literal('ProgrammeSettingsChanged'), settings: z.array(z.string()) }),
  /** New PINs for several students at once, printed as cards; the PINs themselves are never on the trail. */
  z.object({ kind: z.literal('PinsGenerated'), students: z.array(OwnStudent) }),
  z.object({ kind: z.literal('DeviceEnrolled'), device: Device }),
  z.object({ kind: z.literal('DeviceRevoked'), device: Device }),
  /** A new set-up code for an iPad already listed (its earlier unused codes stop working). */
  z.object({ kind: z.literal('DeviceCodeIssued'), device: Device }),
  /** `freePeriods`/`subjects`: how many of the file's students had each set (absent on entries from before imports carried them). */
  z.object({
    kind: z.literal('StudentsImported'),
    created: z.number().int(),
    updated: z.number().int(),
    freePeriods: z.number().int().optional(),
    subjects: z.number().int().optional(),
  }),
  /** A student's free periods replaced: how many periods of the cycle they are now free in. */
  z.object({ kind: z.literal('FreePeriodsSet'), student: OwnStudent, periods: z.number().int() }),
  z.object({ kind: z.literal('SubjectsSet'), student: OwnStudent, subjects: z.array(z.string()) }),
  /** New staff accounts and the roles each was granted: today the only way roles are given. */
  z.object({
    kind: z.literal('StaffAccountsImported'),
    accounts: z.array(z.object({ id: Uuid, fullName: z.string(), roles: z.array(StaffRole) })),
  }),
  /** A leaver's account closed: their sessions and sockets ended, their records stay attributed to them. */
  z.object({ kind: z.literal('StaffAccountDeactivated'), account: z.object({ id: Uuid, fullName: z.string() }) }),
  /** One person added from the staff accounts screen, with the roles they were given. */
  z.object({ kind: z.literal('StaffAccountInvited'), account: z.object({ id: Uuid, fullName: z.string(), roles: z.array(StaffRole) }) }),
  /** A new set-up code for an account still waiting for set-up; the earlier one stopped working. */
  z.object({ kind: z.literal('StaffSetupCodeReissued'), account: z.object({ id: Uuid, fullName: z.string() }) }),
  /** A password reset: the old password and every session ended, a new set-up code issued. */
  z.object({ kind: z.literal('StaffPasswordReset'), account: z.object({ id: Uuid, fullName: z.string() }) }),
  z.object({
    kind: z.literal('StaffRolesChanged'),
    account: z.object({ id: Uuid, fullName: z.string() }),
    from: z.array(StaffRole),
    to: z.array(StaffRole),
  }),
  /*
   * The deployment admin's set-up, on the trail of the school it concerns (a
   * partnership on both schools'): the admin belongs to no school, and the
   * people who must be able to see who set their school up and who granted
   * its first accounts their roles are that school's own coordinators and DSLs.
   */
  z.object({ kind: z.literal('SchoolCreated'), school: z.object({ id: Uuid, name: z.string(), urn: z.string() }) }),
  z.object({
    kind: z.literal('PartnershipCreated'),
    partnershipId: Uuid,
    mentorSchool: z.object({ id: Uuid, name: z.string() }),
    menteeSchool: z.object({ id: Uuid, name: z.string() }),
    start: z.iso.date(),
    end: z.iso.date(),
  }),
  z.object({ kind: z.literal('StaffAccountCreated'), account: z.object({ id: Uuid, fullName: z.string(), roles: z.array(StaffRole) }) }),
  z.object({ kind: z.literal('ConcernExported'), concernId: Uuid, format: z.enum(['json', 'csv']) }),
  z.object({ kind: z.literal('PairingAccepted'), pairingId: Uuid, mentor: PairedStudent, mentee: PairedStudent }),
  z.object({
    kind: z.literal('SeriesBooked'),
    seriesId: Uuid,
    pairingId: Uuid,
    mentor: PairedStudent,
    mentee: PairedStudent,
    /** As the coordinator saw it: "Tuesdays at 08:40 (Riverside High School time, Registration)". */
    when: z.string(),
    sessions: z.number().int(),
  }),
  z.object({
    kind: z.literal('ReplacementBooked'),
    occurrenceId: Uuid,
    replacesOccurrenceId: Uuid,
    mentor: PairedStudent,
    mentee: PairedStudent,
    when: z.string(),
  }),
  z.object({
    kind: z.literal('ClosureAdded'),
    closureId: Uuid,
    date: z.iso.date(),
    from: z.string().nullable(),
    to: z.string().nullable(),
    reason: z.string(),
  }),
  /** A closure undone: the sessions it cancelled that still fit came back (`SessionRestored`). */
  z.object({
    kind: z.literal('ClosureRemoved'),
    closureId: Uuid,
    date: z.iso.date(),
    from: z.string().nullable(),
    to: z.string().nullable(),
    reason: z.string(),
  }),
  /** Bell times, the A/B cycle, terms or the time zone saved; the sessions it cancelled follow as `SessionCancelled`. */
  z.object({ kind: z.literal('CalendarSaved'), timeZone: z.string(), terms: z.number().int() }),
  z.object({ kind: z.literal('ProgrammeSaved'), partnershipId: Uuid, start: z.iso.date(), end: z.iso.date() }),
  /** A session a closure had cancelled, scheduled again at its own time because the closure was undone. */
  z.object({ kind: z.literal('SessionRestored'), occurrenceId: Uuid, mentor: PairedStudent, mentee: PairedStudent, when: z.string() }),
  /** A session a calendar change (closure, terms, bells, cycle, programme dates) cancelled, at either school, recorded as it is cancelled. */
  z.object({
    kind: z.literal('SessionCancelled'),
    occurrenceId: Uuid,
    mentor: PairedStudent,
    mentee: PairedStudent,
    reason: z.string(),
  }),
  /** A coordinator cancelled one session of a series; `session` is its own date and time, in school time. */
  z.object({
    kind: z.literal('SessionCancelledByStaff'),
    occurrenceId: Uuid,
    mentor: PairedStudent,
    mentee: PairedStudent,
    session: z.string(),
    reason: z.string(),
  }),
  z.object({
    kind: z.literal('SessionMoved'),
    occurrenceId: Uuid,
    movedToOccurrenceId: Uuid,
    mentor: PairedStudent,
    mentee: PairedStudent,
    /** Both in school time, as the coordinator saw them. */
    from: z.string(),
    to: z.string(),
  }),
  /** A series ended from a date: its sessions from then on cancelled. */
  z.object({
    kind: z.literal('SeriesEnded'),
    pairingId: Uuid,
    mentor: PairedStudent,
    mentee: PairedStudent,
    from: z.iso.date(),
    cancelled: z.number().int(),
  }),
  /** Unpaired (or one of them archived): the pairing kept as ended, its future sessions cancelled. */
  z.object({
    kind: z.literal('PairingEnded'),
    pairingId: Uuid,
    mentor: PairedStudent,
    mentee: PairedStudent,
    reason: z.string(),
    cancelled: z.number().int(),
  }),
  /** The school's chat keyword list changed: the phrases added and removed, or back to the default list. */
  z.object({
    kind: z.literal('SafeguardingKeywordsChanged'),
    added: z.array(z.string()),
    removed: z.array(z.string()),
    usingDefault: z.boolean(),
  }),
  z.object({ kind: z.literal('StudentArchived'), student: OwnStudent, reason: z.string().nullable(), pairingsEnded: z.number().int() }),
]);
export type StaffAuditAction = z.infer<typeof StaffAuditAction>;
export type StaffAuditKind = StaffAuditAction['kind'];
export const staffAuditKinds = StaffAuditAction.options.map((o) => o.shape.kind.value) as [StaffAuditKind, ...StaffAuditKind[]];
export const StaffAuditKind = z.enum(staffAuditKinds);

export const StaffAuditEntry = z.object({
  seq: z.number().int(),
  at: IsoInstant,
  actor: z.object({ id: Uuid, name: z.string() }),
  action: StaffAuditAction,
  hash: z.string(),
});
export type StaffAuditEntry = z.infer<typeof StaffAuditEntry>;

/** `GET /api/staff/audit`: newest first; `before` is the `nextBefore` of the previous page. */
export const StaffAuditQuery = z
  .strictObject({
    from: IsoInstant.optional(),
    to: IsoInstant.optional(),
    kind: StaffAuditKind.optional(),
    actorId: Uuid.optional(),
    before: z.coerce.number({ message: 'must be a number' }).int().positive().optional(),
    limit: z.coerce.number({ message: 'must be a number' }).int().min(1).max(200).default(50),
  })
  .refine((q) => !q.from || !q.to || Date.parse(q.from) <= Date.parse(q.to), { message: 'must not be after "to"', path: ['from'] });
export type StaffAuditQuery = z.infer<typeof StaffAuditQuery>;

export const StaffAuditPage = z.object({
  entries: z.array(StaffAuditEntry),
  /** Pass as `before` for the next (older) page; null when this is the last. */
  nextBefore: z.number().int().nullable(),
  /** Everyone who appears as an actor in the school's trail, for the filter. */
  actors: z.array(z.object({ id: Uuid, name: z.string() })),
});
export type StaffAuditPage = z.infer<typeof StaffAuditPage>;

/** `GET /api/staff/audit/verify`: the school's whole chain recomputed. */
export const StaffAuditVerification = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), entries: z.number().int(), headHash: z.string() }),
  z.object({
    ok: z.literal(false),
    entries: z.number().int(),
    firstBroken: z.object({
      seq: z.number().int(),
      problem: z.enum(['content_changed', 'link_broken', 'sequence_gap']),
    }),
  }),
]);
export type StaffAuditVerification = z.infer<typeof StaffAuditVerification>;

/** A school's coordinators and safeguarding leads read and verify their own school's staff audit trail. */
export const staffAuditEndpoints = {
  page: endpoint({
    method: 'GET',
    path: '/api/staff/audit',
    tag: 'audit',
    audience: 'staff',
    summary: "One page of the school's staff audit trail, newest first.",
    query: StaffAuditQuery,
    response: StaffAuditPage,
  }),
  verify: endpoint({
    method: 'GET',
    path: '/api/staff/audit/verify',
    tag: 'audit',
    audience: 'staff',
    summary: "Recomputes the school's whole audit chain.",
    response: StaffAuditVerification,
  }),
};
