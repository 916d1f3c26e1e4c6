import { z } from 'zod';
import { IsoInstant, StudentRole, Uuid } from '../ids.js';
import { endpoint } from './endpoint.js';

/** `GET /api/device/sessions/today`: what a school iPad shows on its home screen. */
export const SessionStatus = z.enum(['upcoming', 'open', 'ended', 'cancelled']);
export type SessionStatus = z.infer<typeof SessionStatus>;

export const TodaySession = z.object({
  id: Uuid,
  startsAt: IsoInstant,
  endsAt: IsoInstant,
  /** The moment the join button becomes usable (five minutes before the start). */
  joinOpensAt: IsoInstant,
  status: SessionStatus,
  /** The student at this device's school who takes part. */
  participant: z.object({ id: Uuid, firstName: z.string(), role: StudentRole }),
  /** The partner: first name, school and year only. */
  partner: z.object({
    firstName: z.string(),
    role: StudentRole,
    yearGroup: z.number().int(),
    schoolName: z.string(),
  }),
  /** What the pair work on (the programme's goals, as the coordinators wrote them); absent when none were written. */
  focus: z.string().optional(),
  /** When this pair meet next after this session, if it is timetabled. */
  nextStartsAt: IsoInstant.optional(),
  /** This is the pair's final review session: a gradual exit ends their mentoring after it. */
  finalReview: z.literal(true).optional(),
});
export type TodaySession = z.infer<typeof TodaySession>;

export const DeviceSchool = z.object({
  id: Uuid,
  name: z.string(),
  timeZone: z.string(),
});
export type DeviceSchool = z.infer<typeof DeviceSchool>;

export const TodaySessionsResponse = z.object({
  school: DeviceSchool,
  device: z.object({ id: Uuid, label: z.string() }),
  /** Today's date at the school, e.g. 2026-11-23. */
  date: z.iso.date(),
  sessions: z.array(TodaySession),
});
export type TodaySessionsResponse = z.infer<typeof TodaySessionsResponse>;

/** `POST /api/device/sign-in`: a student confirms who they are with their PIN. */
export const StudentSignInRequest = z.strictObject({
  sessionId: Uuid,
  studentId: Uuid,
  pin: z.string().regex(/^\d{4}$/, 'must be 4 digits'),
});
export type StudentSignInRequest = z.infer<typeof StudentSignInRequest>;

export const StudentSignInResponse = z.object({ joinToken: z.string(), expiresAt: IsoInstant });
export type StudentSignInResponse = z.infer<typeof StudentSignInResponse>;

/**
 * A rejoin grant, from the join's answer (`session:join` → `rejoinGrant`): after an unexpected drop the
 * same iPad may bring the same student back into the same session for a few minutes without the PIN.
 */
export const RejoinRequest = z.strictObject({
  sessionId: Uuid,
  studentId: Uuid,
  rejoinGrant: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'must be a rejoin grant from this iPad'),
});
export type RejoinRequest = z.infer<typeof RejoinRequest>;

/** What the device page offers: "Rejoin your call with Priya", until a moment it no longer will. */
export const RejoinOfferResponse = z.object({ partnerFirstName: z.string(), until: IsoInstant });
export type RejoinOfferResponse = z.infer<typeof RejoinOfferResponse>;

export const deviceSessionEndpoints = {
  today: endpoint({
    method: 'GET',
    path: '/api/device/sessions/today',
    tag: 'device',
    audience: 'device',
    summary: "Today's sessions at this iPad's school, for its home screen.",
    response: TodaySessionsResponse,
  }),
  signIn: endpoint({
    method: 'POST',
    path: '/api/device/sign-in',
    tag: 'device',
    audience: 'device',
    summary: 'A student confirms who they are with their PIN; the answer is a join token for that one session on this iPad.',
    body: StudentSignInRequest,
    response: StudentSignInResponse,
  }),
  rejoinOffer: endpoint({
    method: 'POST',
    path: '/api/device/rejoin/offer',
    tag: 'device',
    audience: 'device',
    summary: 'Whether this iPad may still bring this student back into their call without the PIN (asked before the offer shows; takes nothing).',
    body: RejoinRequest,
    response: RejoinOfferResponse,
  }),
  rejoin: endpoint({
    method: 'POST',
    path: '/api/device/rejoin',
    tag: 'device',
    audience: 'device',
    summary: 'Takes a rejoin grant (once) after an unexpected drop; the answer is a join token, as the PIN sign-in gives.',
    body: RejoinRequest,
    response: StudentSignInResponse,
  }),
};
