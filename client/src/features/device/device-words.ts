import type { DeviceStatus, DeviceSummary } from '@peerbridge/shared';
import type { SchoolTime } from '../../lib/school-time';

/** The tag on each iPad's row, and its style: only an enrolled iPad can take a session. */
export const deviceStatusTag: Record<DeviceStatus, { words: string; tone: 'ok' | 'todo' | 'off' }> = {
  waiting: { words: 'Waiting for set-up', tone: 'todo' },
  enrolled: { words: 'Enrolled', tone: 'ok' },
  removed: { words: 'Removed', tone: 'off' },
};

/** The line under an iPad's name: its room, and what has happened to it, in school time. */
export function describeDevice(device: DeviceSummary, time: Pick<SchoolTime, 'date' | 'dateTime'>): string {
  const parts: string[] = [];
  if (device.room) parts.push(device.room);
  if (device.redeemedAt) parts.push(`enrolled ${time.date(device.redeemedAt)}`);
  else parts.push(`code issued ${time.date(device.createdAt)}, not typed on the iPad yet`);
  parts.push(device.lastUsedAt ? `last used ${time.dateTime(device.lastUsedAt)}` : 'not used yet');
  if (device.revokedAt) parts.push(`removed ${time.date(device.revokedAt)}`);
  return parts.join(' · ');
}

/** Working iPads first (by name), removed ones after: removing is rare, using is daily. */
export function sortDevices(devices: readonly DeviceSummary[]): DeviceSummary[] {
  return [...devices].sort(
    (a, b) => Number(a.revokedAt !== null) - Number(b.revokedAt !== null) || a.label.localeCompare(b.label, 'en-GB'),
  );
}

/** How many iPads can take a session at once: the ones enrolled and not removed. */
export function poolSize(devices: readonly DeviceSummary[]): number {
  return devices.filter((d) => d.status === 'enrolled').length;
}
