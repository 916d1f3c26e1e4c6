import express, { type RequestHandler } from 'express';
import { importEndpoints, type ImportReportBase } from '@peerbridge/shared';
import { AppError } from '../../errors.js';
import type { StaffImport } from '../../services/staff/staff-import.js';
import type { StudentImport } from '../../services/students/student-import.js';
import { endpointRouter, type ContractOptions } from './endpoint-router.js';
import { requireRole, schoolOf, staffOf } from './staff-session.js';

const readCsv = express.text({ type: ['text/csv', 'text/plain', 'application/csv'], limit: '2mb' });
const requireCsv: RequestHandler = (req, _res, next) => {
  next(typeof req.body === 'string' ? undefined : AppError.badRequest('Send the CSV file as the request body (Content-Type: text/csv).'));
};

/** A report with rows to fix is answered 422 (nothing was written), with what to do in a sentence. */
function refusedIfProblems<R extends ImportReportBase>(report: R, res: express.Response): R {
  if (report.problems.length === 0) return report;
  res.status(422);
  return { ...report, message: `${report.problems.length} row(s) need fixing; nothing was imported.` };
}

/**
 * Coordinators import their school's students, and staff accounts, from MIS
 * exports. A dry run reports every bad row; an import with any bad row writes nothing.
 */
export function staffImportRoutes(deps: { studentImport: StudentImport; staffImport: StaffImport; contract?: ContractOptions }) {
  const { router, on } = endpointRouter('/api/staff', deps.contract);

  on(importEndpoints.students, requireRole('students:manage'), readCsv, requireCsv, async ({ query, body, res }) => {
    const staff = staffOf(res);
    return refusedIfProblems(await deps.studentImport.import(staff, schoolOf(staff), body, query.dryRun === 'true'), res);
  });

  on(importEndpoints.staff, requireRole('staff:import'), readCsv, requireCsv, async ({ query, body, res }) => {
    const staff = staffOf(res);
    // Accounts are made for the importer's own school: without one there is nothing to check a file against, dry run or not.
    schoolOf(staff);
    return refusedIfProblems(await deps.staffImport.import(staff, body, query.dryRun === 'true'), res);
  });

  return router;
}
