import { describe, expect, it } from 'vitest';
import { describeRecord } from './record-method';

const date = (iso: string) => iso.slice(0, 10);

describe('describeRecord', () => {
  it('says when, who and how', () => {
    expect(describeRecord({ recordedAt: '2026-12-01T09:00:00Z', recordedBy: 'Mr Owen Price', method: 'email' }, date)).toBe(
      'recorded 2026-12-01 by Mr Owen Price, by email',
    );
  });

  it('leaves out what an older record does not say', () => {
    expect(describeRecord({ recordedAt: '2026-09-10T09:00:00Z', recordedBy: null, method: null }, date)).toBe('recorded 2026-09-10');
  });
});
