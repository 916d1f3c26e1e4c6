import { describe, expect, it } from 'vitest';
import type { DeviceSummary } from '@peerbridge/shared';
import { schoolTime } from '../../lib/school-time';
import { describeDevice, deviceStatusTag, poolSize, sortDevices } from './device-words';

const london = schoolTime('Europe/London');
const device = (over: Partial<DeviceSummary>): DeviceSummary => ({
  id: '00000000-0000-4000-8000-000000000001',
  label: 'Library iPad 1',
  room: null,
  status: 'waiting',
  createdAt: '2026-11-23T09:00:00Z',
  redeemedAt: null,
  lastUsedAt: null,
  revokedAt: null,
  ...over,
});

describe('device words', () => {
  it('says an iPad whose code was not typed yet is waiting for set-up, never enrolled', () => {
    expect(deviceStatusTag.waiting.words).toBe('Waiting for set-up');
    expect(describeDevice(device({ room: 'Library' }), london)).toBe('Library · code issued Mon 23 Nov 2026, not typed on the iPad yet · not used yet');
  });

  it('says when an enrolled iPad was set up and last used, in school time', () => {
    const enrolled = device({ status: 'enrolled', redeemedAt: '2026-11-23T09:05:00Z', lastUsedAt: '2026-11-24T08:41:00Z' });
    expect(describeDevice(enrolled, london)).toBe('enrolled Mon 23 Nov 2026 · last used Tue 24 Nov 2026, 08:41');
  });

  it('counts only enrolled iPads in the pool, and lists removed ones last', () => {
    const list = [
      device({ label: 'B', status: 'removed', revokedAt: '2026-11-25T09:00:00Z' }),
      device({ label: 'C', status: 'enrolled' }),
      device({ label: 'A' }),
    ];
    expect(poolSize(list)).toBe(1);
    expect(sortDevices(list).map((d) => d.label)).toEqual(['A', 'C', 'B']);
  });
});
