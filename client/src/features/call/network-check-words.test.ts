import { describe, expect, it } from 'vitest';
import { networkCheckWords } from './network-check-words';

describe('networkCheckWords', () => {
  it('tells the child the call looks good, with the detail for staff', () => {
    expect(networkCheckWords({ status: 'done', result: { direct: 'udp', turn: 'not_configured', uploadKbps: 2400 } })).toEqual({
      headline: 'Your connection looks good',
      detail: 'UDP ok · TURN not configured · upload ≈ 2.4 Mbit/s',
      tone: 'good',
      verdict: 'good',
    });
  });

  it('warns that a slow upload may mean sound only', () => {
    const words = networkCheckWords({ status: 'done', result: { direct: 'tcp', turn: 'ok', uploadKbps: 300 } });
    expect(words.headline).toBe('Your connection is slow, so you may only hear each other');
    expect(words.detail).toBe('UDP blocked · TCP ok · TURN ok · upload ≈ 300 kbit/s');
    expect(words.tone).toBe('warning');
  });

  it('asks the child to tell staff when no route works', () => {
    const words = networkCheckWords({ status: 'done', result: { direct: 'failed', turn: 'failed', uploadKbps: null } });
    expect(words.headline).toBe("We can't connect from this Wi-Fi: please tell a member of staff");
    expect(words.verdict).toBe('not_possible');
  });

  it('says it is checking, or that it could not, without a verdict', () => {
    expect(networkCheckWords({ status: 'checking' })).toMatchObject({ headline: 'Checking your connection…', verdict: null, detail: null });
    expect(networkCheckWords({ status: 'unavailable' }).verdict).toBeNull();
  });
});
