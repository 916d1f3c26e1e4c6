import type { ObserverInfo } from '@peerbridge/shared';

/* A student's join as the server answers it, for CallClient unit tests: Sam (ME) with Priya (PARTNER) already in. */
export const SESSION = '11111111-1111-4111-8111-111111111111';
export const ME = '22222222-2222-4222-8222-222222222222';
export const PARTNER = '33333333-3333-4333-8333-333333333333';

const transport = (id: string) => ({ id, iceParameters: {}, iceCandidates: [], dtlsParameters: {} });

export function joinResult(observers: ObserverInfo[] = []) {
  return {
    participantId: ME,
    session: { id: SESSION, startsAt: '2026-01-01T09:00:00Z', endsAt: '2026-01-01T09:30:00Z' },
    routerRtpCapabilities: {},
    sendTransport: transport('send'),
    recvTransport: transport('recv'),
    iceServers: [],
    peers: [{ participantId: PARTNER, firstName: 'Priya', role: 'mentor', schoolName: 'Northgate School' }],
    producers: [],
    consumers: [],
    observers,
  };
}
