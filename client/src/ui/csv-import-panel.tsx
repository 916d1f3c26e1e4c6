import { useState, type ReactNode } from 'react';
import { Button } from './button';
import { TextField } from './field';
import { Notice } from './notice';
import type { ImportReportBase } from '../lib/staff/csv-import';
import { useCsvImport } from '../lib/staff/use-csv-import';

export interface CsvImportTestIds {
  panel: string;
  file: string;
  check: string;
  run: string;
  problems: string;
  summary: string;
}

export interface CsvImportPanelProps<R extends ImportReportBase> {
  title: string;
  /** Which columns the file needs, in the words of the MIS export. */
  intro: ReactNode;
  testIds: CsvImportTestIds;
  send: (csv: string, dryRun: boolean) => Promise<R>;
  /** "3 new students, 2 updated" */
  summary: (report: R) => string;
  /** Shown under the summary after a check and after an import: what each row sets. */
  details?: (report: R) => ReactNode;
  /** Shown under the summary after a real import (e.g. one-time set-up codes). */
  afterImport?: (report: R) => ReactNode;
  onImported: (report: R) => void;
}

/**
 * Choose an MIS export, check it (a dry run lists every bad row), then import
 * it. An import with any bad row writes nothing, so the check comes first.
 */
export function CsvImportPanel<R extends ImportReportBase>({ title, intro, testIds, send, summary, details, afterImport, onImported }: CsvImportPanelProps<R>) {
  const { state, choose, check, importFile } = useCsvImport(send, onImported);
  const [readError, setReadError] = useState<string | null>(null);
  const busy = state.step === 'busy';

  return (
    <div className="csv-import" data-testid={testIds.panel}>
      <h3 className="csv-import__title">{title}</h3>
      <div className="staff-muted">{intro}</div>
      <div className="csv-import__controls">
        <TextField
          label="CSV file"
          fieldClassName="csv-import__file"
          type="file"
          accept=".csv,text/csv"
          data-testid={testIds.file}
          disabled={busy}
          onChange={(event) => {
                setReadError(null);
                choose(event.target.files?.[0]).catch((error: unknown) => setReadError(error instanceof Error ? error.message : String(error)));
              }}
        />
        <Button variant="secondary" data-testid={testIds.check} disabled={state.step === 'empty' || busy} aria-busy={busy && state.doing === 'check'} onClick={() => void check()}>
          {busy && state.doing === 'check' ? 'Checking…' : 'Check the file'}
        </Button>
        <Button data-testid={testIds.run} disabled={state.step !== 'checked'} aria-busy={busy && state.doing === 'import'} onClick={() => void importFile()}>
          {busy && state.doing === 'import' ? 'Importing…' : 'Import'}
        </Button>
      </div>
      {readError ? <Notice tone="error">{readError}</Notice> : null}

      {state.step === 'checked' ? (
        <>
          <Notice tone="info" data-testid={testIds.summary}>
            {state.file.name}: {summary(state.report)}. Nothing is saved until you press Import.
          </Notice>
          {details?.(state.report)}
        </>
      ) : null}
      {state.step === 'imported' ? (
        <>
          <Notice tone="info" data-testid={testIds.summary}>
            Imported {state.file.name}: {summary(state.report)}.
          </Notice>
          {details?.(state.report)}
          {afterImport?.(state.report)}
        </>
      ) : null}
      {state.step === 'refused' ? (
        <Notice tone="error" data-testid={testIds.problems}>
          <p>{state.message}</p>
          {state.problems.length > 0 ? (
            <ul className="csv-import__problems">
              {state.problems.map((problem, index) => (
                // Two rows can have the same fault in the same words: the position tells them apart.
                <li key={`${index}:${problem}`}>{problem}</li>
              ))}
            </ul>
          ) : null}
        </Notice>
      ) : null}
    </div>
  );
}
