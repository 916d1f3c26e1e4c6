import express, { Router } from 'express';
import { ImportQuery } from '@peerbridge/shared';
import { CsvSyntaxError, parseCsv } from '../../domain/import/csv.js';
import { readStudentRows } from '../../domain/import/student-rows.js';
import { AppError } from '../../errors.js';
import type { StudentImportRepository } from '../../infra/db/student-import-repository.js';
import type { StaffImport } from '../../services/staff/staff-import.js';
import type { StudentRecords } from '../../services/students/student-records.js';
import { parseInput } from '../validation.js';
import { assertCan, requireRole, staffOf } from './staff-session.js';

/**
 * Coordinators import their school's students from an MIS export. A dry run
 * reports every bad row; an import with any bad row writes nothing.
 */
export function staffImportRoutes(deps: { imports: StudentImportRepository; staffImport: StaffImport; studentRecords: StudentRecords }): Router {
  const router = Router();
  const csvBody = express.text({ type: ['text/csv', 'text/plain', 'application/csv'], limit: '2mb' });

  router.post('/import/students', requireRole('students:manage'), csvBody, async (req, res) => {
    const staff = staffOf(res);
    assertCan(staff, 'students:manage', [staff.schoolId!]);
    const { dryRun } = parseInput(ImportQuery, req.query, 'import options');
    if (typeof req.body !== 'string') throw AppError.badRequest('Send the CSV file as the request body (Content-Type: text/csv).');
    let records;
    try {
      records = parseCsv(req.body);
    } catch (error) {
      if (error instanceof CsvSyntaxError) {
        throw AppError.badRequest(`The file is not valid CSV: ${error.message}.`, { problems: [{ line: error.line, reason: error.message }] });
      }
      throw error;
    }
    const { rows, problems } = readStudentRows(records);
    const existing = await deps.imports.existingAdmissionNumbers(staff.schoolId!, rows.map((r) => r.admissionNumber));
    const summary = {
      dryRun: dryRun === 'true',
      rows: rows.length + problems.length,
      toCreate: rows.filter((r) => !existing.has(r.admissionNumber)).length,
      toUpdate: rows.filter((r) => existing.has(r.admissionNumber)).length,
      problems,
    };
    if (problems.length > 0) {
      res.status(422).json({ ...summary, written: false, message: `${problems.length} row(s) need fixing; nothing was imported.` });
      return;
    }
    if (!summary.dryRun) await deps.studentRecords.importRows(staff, rows, { created: summary.toCreate, updated: summary.toUpdate });
    res.json({ ...summary, written: !summary.dryRun });
  });

  router.post('/import/staff', requireRole('staff:import'), csvBody, async (req, res) => {
    const staff = staffOf(res);
    assertCan(staff, 'staff:import', [staff.schoolId!]);
    const { dryRun } = parseInput(ImportQuery, req.query, 'import options');
    if (typeof req.body !== 'string') throw AppError.badRequest('Send the CSV file as the request body (Content-Type: text/csv).');
    const result = await deps.staffImport.import(staff, req.body, dryRun === 'true');
    if (result.problems.length > 0) {
      res.status(422).json({ ...result, message: `${result.problems.length} row(s) need fixing; nothing was imported.` });
      return;
    }
    res.json(result);
  });

  return router;
}
