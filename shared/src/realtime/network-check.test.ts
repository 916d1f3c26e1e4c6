import { describe, expect, it } from 'vitest';
import { networkDetailLine, networkVerdict, NetworkCheckResult, VIDEO_UPLOAD_KBPS } from './network-check.js';

describe('networkVerdict', () => {
  it('is good over UDP with enough upload', () => {
    expect(networkVerdict({ direct: 'udp', turn: 'not_configured', uploadKbps: 5000 })).toBe('good');
  });

  it('is good over TCP when UDP is blocked and the upload is enough', () => {
    expect(networkVerdict({ direct: 'tcp', turn: 'failed', uploadKbps: VIDEO_UPLOAD_KBPS })).toBe('good');
  });

  it('is audio-only when the upload is too slow for video', () => {
    expect(networkVerdict({ direct: 'udp', turn: 'ok', uploadKbps: VIDEO_UPLOAD_KBPS - 1 })).toBe('audio_only');
    expect(networkVerdict({ direct: 'tcp', turn: 'not_configured', uploadKbps: 0 })).toBe('audio_only');
  });

  it('is good when a direct route exists but the upload could not be measured', () => {
    expect(networkVerdict({ direct: 'udp', turn: 'not_configured', uploadKbps: null })).toBe('good');
  });

  it('is good through TURN alone', () => {
    expect(networkVerdict({ direct: 'failed', turn: 'ok', uploadKbps: null })).toBe('good');
  });

  it('is not possible with neither a direct route nor TURN', () => {
    expect(networkVerdict({ direct: 'failed', turn: 'failed', uploadKbps: null })).toBe('not_possible');
    expect(networkVerdict({ direct: 'failed', turn: 'not_configured', uploadKbps: null })).toBe('not_possible');
  });
});

describe('networkDetailLine', () => {
  it('says what was found in a line for staff', () => {
    expect(networkDetailLine({ direct: 'tcp', turn: 'not_configured', uploadKbps: 1234 })).toBe(
      'UDP blocked · TCP ok · TURN not configured · upload ≈ 1.2 Mbit/s',
    );
    expect(networkDetailLine({ direct: 'udp', turn: 'ok', uploadKbps: 450 })).toBe('UDP ok · TURN ok · upload ≈ 450 kbit/s');
    expect(networkDetailLine({ direct: 'failed', turn: 'failed', uploadKbps: null })).toBe(
      'UDP and TCP blocked · TURN failed · upload not measured',
    );
  });
});

describe('NetworkCheckResult', () => {
  it('refuses what is not a measurement', () => {
    expect(NetworkCheckResult.safeParse({ direct: 'udp', turn: 'ok', uploadKbps: -1 }).success).toBe(false);
    expect(NetworkCheckResult.safeParse({ direct: 'carrier-pigeon', turn: 'ok', uploadKbps: 1 }).success).toBe(false);
    expect(NetworkCheckResult.safeParse({ direct: 'udp', turn: 'ok', uploadKbps: 1, verdict: 'good' }).success).toBe(false);
  });
});
