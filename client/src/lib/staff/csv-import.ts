import { ImportProblem, type ImportReportBase } from '@peerbridge/shared';
import { z } from 'zod';
import type { PeerbridgeError } from '../peerbridge-error';

/*
 * What every MIS import answers, dry run or not, is the shared
 * `ImportReportBase`. A 422 carries the same report (with the rows to fix)
 * rather than an error envelope, so it is read as data; `message` only comes with it.
 */
export type { ImportReportBase } from '@peerbridge/shared';

/** "Line 14: year is not part of the programme" (a problem with the whole file has no line). */
export function problemWords(problem: { line?: number | null; reason: string }): string {
  return problem.line == null ? problem.reason : `Line ${problem.line}: ${problem.reason}`;
}

/** A refused upload (not CSV at all) may still say where: keep every problem it lists. */
export function problemsOf(error: PeerbridgeError): string[] {
  const parsed = z.array(ImportProblem).safeParse(error.details?.problems);
  return parsed.success ? parsed.data.map(problemWords) : [];
}

/** "1 new student", "3 new students" */
export function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** What a coordinator chose to upload, read once (file.text()) so check and import send the same bytes. */
export interface ChosenFile {
  name: string;
  text: string;
}

/**
 * Where an import stands. Import is only offered for the very file that
 * passed a dry run: choosing another file starts again.
 */
export type ImportStep<R> =
  | { step: 'empty' }
  | { step: 'chosen'; file: ChosenFile }
  | { step: 'busy'; file: ChosenFile; doing: 'check' | 'import' }
  | { step: 'checked'; file: ChosenFile; report: R }
  | { step: 'imported'; file: ChosenFile; report: R }
  | { step: 'refused'; file: ChosenFile; message: string; problems: string[] };

/** The step after the server answered with a report (200 or 422). */
export function afterReport<R extends ImportReportBase>(file: ChosenFile, doing: 'check' | 'import', report: R): ImportStep<R> {
  if (report.problems.length > 0) {
    return {
      step: 'refused',
      file,
      message: report.message ?? `${count(report.problems.length, 'row needs', 'rows need')} fixing; nothing was imported.`,
      problems: report.problems.map(problemWords),
    };
  }
  if (doing === 'import' && report.written) return { step: 'imported', file, report };
  return { step: 'checked', file, report };
}

/** The step after the server refused the upload itself (not CSV, too big, signed out). */
export function afterError<R>(file: ChosenFile, error: PeerbridgeError): ImportStep<R> {
  return { step: 'refused', file, message: error.message, problems: problemsOf(error) };
}
