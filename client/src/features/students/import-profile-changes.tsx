import { subjectWords } from '@peerbridge/shared';
import type { StudentImportReport } from './student-import-api';

/** What each row of an import sets for matching, so the check shows it before anything is saved. */
export function ImportProfileChanges({ report }: { report: StudentImportReport }) {
  if (report.profileChanges.length === 0) return null;
  return (
    <details className="csv-import__changes" data-testid="import-profile-changes" open={report.profileChanges.length <= 10}>
      <summary>Free periods and subjects in this file ({report.profileChanges.length})</summary>
      <ul>
        {report.profileChanges.map((change) => (
          <li key={change.line} data-testid="import-profile-change">
            Line {change.line}, {change.admissionNumber}:{' '}
            {[
              change.freePeriods !== null ? `free periods ${change.freePeriods}` : null,
              change.subjects !== null ? `subjects ${change.subjects.length > 0 ? change.subjects.map(subjectWords).join('; ') : 'none'}` : null,
            ]
              .filter(Boolean)
              .join('; ')}
          </li>
        ))}
      </ul>
    </details>
  );
}
