import { describe, expect, it } from 'vitest';
import { uploadKbps } from './network-check';
import { checkTurnRelay } from './turn-check';

describe('uploadKbps', () => {
  it('is what the server received over the time the burst took', () => {
    expect(uploadKbps({ protocol: 'udp', bytesReceived: 300_000, elapsedMs: 2_000 })).toBe(1200);
  });

  it('is unknown when nothing arrived or the probe never connected', () => {
    expect(uploadKbps({ protocol: 'udp', bytesReceived: 0, elapsedMs: 2_000 })).toBeNull();
    expect(uploadKbps({ protocol: null, bytesReceived: 0, elapsedMs: 0 })).toBeNull();
  });
});

/** A stand-in peer connection that "gathers" the candidates it is given once the offer is set. */
function fakePeerConnection(candidates: Array<string | null>, seen: RTCConfiguration[]) {
  return (config: RTCConfiguration) => {
    seen.push(config);
    const listeners: Array<(event: { candidate: { type?: string; candidate: string } | null }) => void> = [];
    let closed = false;
    const pc = {
      addEventListener: (_name: string, listener: (typeof listeners)[number]) => listeners.push(listener),
      createDataChannel: () => ({}),
      createOffer: async () => ({ type: 'offer', sdp: '' }),
      setLocalDescription: async () => {
        setTimeout(() => {
          for (const c of candidates) for (const l of listeners) l({ candidate: c === null ? null : { candidate: c } });
        }, 0);
      },
      close: () => void (closed = true),
      get closed() {
        return closed;
      },
    };
    return pc as unknown as RTCPeerConnection;
  };
}

describe('checkTurnRelay', () => {
  const turn = [{ urls: ['turn:turn.example:3478?transport=tcp'], username: 'u', credential: 'c' }];

  it('is not configured when the server offers no TURN', async () => {
    expect(await checkTurnRelay([])).toBe('not_configured');
  });

  it('is ok once a relay candidate is gathered, asking for relay candidates only', async () => {
    const seen: RTCConfiguration[] = [];
    const result = await checkTurnRelay(turn, fakePeerConnection(['candidate:1 1 udp 5 203.0.113.5 50000 typ relay raddr 0.0.0.0 rport 0'], seen));
    expect(result).toBe('ok');
    expect(seen[0]).toMatchObject({ iceTransportPolicy: 'relay', iceServers: turn });
  });

  it('fails when gathering ends without a relay candidate, or never ends', async () => {
    expect(await checkTurnRelay(turn, fakePeerConnection([null], []))).toBe('failed');
    expect(await checkTurnRelay(turn, fakePeerConnection([], []), 20)).toBe('failed');
  });
});
