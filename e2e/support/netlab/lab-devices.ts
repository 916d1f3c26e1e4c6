import type { Browser } from '@playwright/test';
import { SchoolDevice } from '../pages.js';
import type { LabServer } from './lab-server.js';

/** School i's iPad on the lab's server: the mentor school's for i = 0, the mentee school's for i = 1. */
export const LAB_ROLES = ['mentor', 'mentee'] as const;

export function openLabDevice(browser: Browser, server: LabServer, role: 'mentor' | 'mentee'): Promise<SchoolDevice> {
  const school = server.manifest.schools.find((s) => s.role === role);
  if (!school) throw new Error(`no ${role} school in the lab's demo data`);
  return SchoolDevice.openAt(browser, server.url, school.deviceToken);
}

export function labSession(server: LabServer, kind: 'now' | 'later' | 'earlier') {
  const session = server.manifest.sessions.find((s) => s.kind === kind);
  if (!session) throw new Error(`no ${kind} session in the lab's demo data`);
  return session;
}
