import {
  exitEndpoints,
  type AnswerExitResponse,
  type DeviceExitsResponse,
  type ExitPairing,
  type ExitQuestionnaireForm,
  type OpenExitResponse,
  type StartExitBody,
  type StartExitResponse,
} from '@peerbridge/shared';
import { callApi, deviceAuth, staffAuth } from '../../lib/api-client';

export type { ExitAnswer, ExitPairing, ExitPerson, ExitQuestionnaireForm, OpenExitResponse, ExitReason } from '@peerbridge/shared';

export async function fetchExitPairings(signal?: AbortSignal, background = false): Promise<ExitPairing[]> {
  const { pairings } = await callApi(exitEndpoints.exitPairings, {}, { auth: staffAuth, signal, background });
  return pairings;
}

export function startExit(pairingId: string, body: StartExitBody): Promise<StartExitResponse> {
  return callApi(exitEndpoints.startExit, { params: { id: pairingId }, body }, { auth: staffAuth });
}

export async function fetchExitQuestionnaire(signal?: AbortSignal): Promise<ExitQuestionnaireForm> {
  return (await callApi(exitEndpoints.exitQuestionnaire, {}, { auth: staffAuth, signal })).form;
}

export async function replaceExitQuestionnaire(form: ExitQuestionnaireForm): Promise<ExitQuestionnaireForm> {
  return (await callApi(exitEndpoints.replaceExitQuestionnaire, { body: { form } }, { auth: staffAuth })).form;
}

/** On the iPad: who at this school has mentoring ending (first names only). */
export function fetchDeviceExits(deviceToken: string, signal?: AbortSignal): Promise<DeviceExitsResponse> {
  return callApi(exitEndpoints.deviceExits, {}, { auth: deviceAuth(deviceToken), signal });
}

export function openExit(deviceToken: string, studentId: string, pin: string): Promise<OpenExitResponse> {
  return callApi(exitEndpoints.openExit, { body: { studentId, pin } }, { auth: deviceAuth(deviceToken) });
}

export function answerExit(deviceToken: string, body: { token: string; scaled: Record<string, number>; freeText: string }): Promise<AnswerExitResponse> {
  return callApi(exitEndpoints.answerExit, { body }, { auth: deviceAuth(deviceToken) });
}
