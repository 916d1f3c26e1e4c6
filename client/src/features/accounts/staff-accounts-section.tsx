import { useInvalidate } from '../../lib/staff/staff-query';
import { CsvImportPanel } from '../../ui/csv-import-panel';
import { auditKeys } from '../audit/audit-queries';
import { StaffSection } from '../../ui/staff-section';
import { SetupCodes } from './setup-codes';
import { importStaff } from './staff-import-api';
import { staffImportSummary } from './staff-import-words';
import './accounts.css';

/** Coordinators: add their school's staff from an MIS export; each new person gets a one-time set-up code. */
export function StaffAccountsSection() {
  const invalidate = useInvalidate();
  return (
    <StaffSection id="staff-accounts" title="Staff accounts" testId="staff-accounts-section">
      <CsvImportPanel
        title="Import staff from your MIS"
        intro='A CSV file with the columns first name, surname, email and role: coordinator, dsl (safeguarding lead) or supervisor, several separated by ";". People who already have an account are left as they are.'
        testIds={{
          panel: 'import-staff',
          file: 'import-staff-file',
          check: 'import-staff-check',
          run: 'import-staff-run',
          problems: 'import-staff-problems',
          summary: 'import-staff-summary',
        }}
        send={importStaff}
        summary={staffImportSummary}
        afterImport={(report) => <SetupCodes created={report.created ?? []} />}
        // Nothing on this page lists staff yet; the import is on the audit trail.
        onImported={() => void invalidate(auditKeys.all)}
      />
    </StaffSection>
  );
}
