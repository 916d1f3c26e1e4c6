import {
  referralEndpoints,
  type CreateReferralRequest,
  type RecordMethod,
  type Referral,
  type ReferralLetter,
  type ReferralProgrammeSettings,
  type ReferralQueueResponse,
  type ReferralStatus,
  type UpdateProgrammeSettingsRequest,
} from '@peerbridge/shared';
import type { z } from 'zod';
import { callApi, staffAuth } from '../../lib/api-client';

export type { Referral, ReferralLetter, ReferralProgrammeSettings, ReferralQueueResponse, ReferralStatus };
export type NewReferral = z.input<typeof CreateReferralRequest>;

const opts = { auth: staffAuth };
const one = async (work: Promise<{ referral: Referral }>) => (await work).referral;

export const fetchReferralQueue = (signal?: AbortSignal, background = false) => callApi(referralEndpoints.list, {}, { ...opts, signal, background });
export const createReferral = (body: NewReferral) => one(callApi(referralEndpoints.create, { body }, opts));
export const recordOptIn = (id: string, askedBy: string | undefined) => one(callApi(referralEndpoints.optIn, { params: { id }, body: askedBy ? { askedBy } : {} }, opts));
export const requestConsent = (id: string) => one(callApi(referralEndpoints.requestConsent, { params: { id } }, opts));
export const recordConsent = (id: string, method: RecordMethod) => one(callApi(referralEndpoints.recordConsent, { params: { id }, body: { method } }, opts));
export const recordTraining = (id: string, course: string, completedOn: string) =>
  one(callApi(referralEndpoints.recordTraining, { params: { id }, body: { course, completedOn } }, opts));
export const setReferralStatus = (id: string, to: ReferralStatus, reason?: string) =>
  one(callApi(referralEndpoints.setStatus, { params: { id }, body: reason ? { to, reason } : { to } }, opts));
export const passToDsl = (id: string, whatHappened: string) => one(callApi(referralEndpoints.passToDsl, { params: { id }, body: { whatHappened } }, opts));
export const fetchReferralLetter = (id: string, signal?: AbortSignal) => callApi(referralEndpoints.letter, { params: { id } }, { ...opts, signal });

export async function fetchProgrammeSettings(signal?: AbortSignal): Promise<ReferralProgrammeSettings> {
  return (await callApi(referralEndpoints.settings, {}, { ...opts, signal })).settings;
}
export async function saveProgrammeSettings(change: UpdateProgrammeSettingsRequest): Promise<ReferralProgrammeSettings> {
  return (await callApi(referralEndpoints.updateSettings, { body: change }, opts)).settings;
}
