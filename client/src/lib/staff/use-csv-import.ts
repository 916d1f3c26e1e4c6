import { useState } from 'react';
import { useStaffErrors } from './staff-context';
import { afterError, afterReport, type ImportReportBase, type ImportStep } from './csv-import';

/**
 * One MIS import: read the chosen file, dry-run it, then import exactly that
 * text. `send` is the endpoint (students or staff); a 422 report arrives as data.
 */
export function useCsvImport<R extends ImportReportBase>(send: (csv: string, dryRun: boolean) => Promise<R>, onImported: (report: R) => void) {
  const handleError = useStaffErrors();
  const [state, setState] = useState<ImportStep<R>>({ step: 'empty' });

  const choose = async (file: File | undefined) => {
    if (!file) {
      setState({ step: 'empty' });
      return;
    }
    try {
      setState({ step: 'chosen', file: { name: file.name, text: await file.text() } });
    } catch {
      setState({ step: 'empty' });
      throw new Error(`Couldn't read ${file.name}. Save it again as CSV and choose it again.`);
    }
  };

  const run = async (doing: 'check' | 'import') => {
    if (state.step === 'empty' || state.step === 'busy') return;
    const { file } = state;
    setState({ step: 'busy', file, doing });
    try {
      const report = await send(file.text, doing === 'check');
      const next = afterReport(file, doing, report);
      setState(next);
      if (next.step === 'imported') onImported(report);
    } catch (cause) {
      setState(afterError(file, handleError(cause)));
    }
  };

  return { state, choose, check: () => run('check'), importFile: () => run('import') };
}
