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
};
