/*
 * The authorization matrix's cases for the programme reports: every school's coordinator reads their own
 * school's report; a partnership's report only the coordinators of its two schools. Other roles never.
 */
import type { LifecycleCase } from './lifecycle-matrix-cases.js';

export const reportCases: LifecycleCase[] = [
  { name: "read the school's programme report", method: 'get', path: () => '/api/staff/reports/school', allowed: new Set(['own:coordinator', 'partner:coordinator', 'other:coordinator']) },
  {
    name: "read a partnership's programme report",
    method: 'get',
    path: (f) => `/api/staff/reports/partnerships/${f.partnershipId}?yearGroup=11`,
    allowed: new Set(['own:coordinator', 'partner:coordinator']),
  },
];
