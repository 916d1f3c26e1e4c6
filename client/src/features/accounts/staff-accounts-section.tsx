import { useState } from 'react';
import { useStaffErrors } from '../../lib/staff/staff-context';
import { useInvalidate } from '../../lib/staff/staff-query';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { CsvImportPanel } from '../../ui/csv-import-panel';
import { Notice } from '../../ui/notice';
import { LoadState, StaffSection } from '../../ui/staff-section';
import { Button } from '../../ui/button';
import { auditKeys } from '../audit/audit-queries';
import { InviteStaffForm } from './invite-staff-form';
import { SetupCodes } from './setup-codes';
import { deactivateStaff, reissueSetupCode, resetStaffPassword, type IssuedSetupCode, type StaffAccountSummary } from './staff-accounts-api';
import { staffAccountKeys, useStaffAccounts } from './staff-accounts-queries';
import { asCreatedAccount } from './staff-account-words';
import { StaffAccountRow, type AccountAction } from './staff-account-row';
import { importStaff } from './staff-import-api';
import { staffImportSummary } from './staff-import-words';
import './accounts.css';

const CONFIRM: Record<Exclude<AccountAction, 'new-code'>, { title: (name: string) => string; label: string; body: string }> = {
  reset: {
    title: (name) => `Reset ${name}'s password?`,
    label: 'Reset password',
    body: 'Their password stops working and they are signed out everywhere, now. You get a new set-up code to hand them, with which they choose a new password.',
  },
  deactivate: {
    title: (name) => `Deactivate ${name}'s account?`,
    label: 'Deactivate',
    body: 'They are signed out everywhere at once and cannot sign in again. What they recorded stays, under their name.',
  },
};

/**
 * Coordinators (and DSLs, for DSL accounts): the school's staff with roles and
 * status; add one person, a new set-up code, a password reset, roles, and
 * closing a leaver's account; or many people at once from an MIS export.
 */
export function StaffAccountsSection() {
  const accounts = useStaffAccounts();
  const invalidate = useInvalidate();
  const handleError = useStaffErrors();
  // Every change here is on the staff audit trail too.
  const changed = () => invalidate(staffAccountKeys.all, auditKeys.all);
  const [issued, setIssued] = useState<IssuedSetupCode | null>(null);
  const [confirming, setConfirming] = useState<{ action: Exclude<AccountAction, 'new-code'>; account: StaffAccountSummary } | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const run = async (action: AccountAction, account: StaffAccountSummary) => {
    setBusy(true);
    setProblem(null);
    try {
      if (action === 'deactivate') await deactivateStaff(account.id);
      else setIssued(await (action === 'reset' ? resetStaffPassword : reissueSetupCode)(account.id));
      await changed();
    } catch (cause) {
      setProblem(handleError(cause).message);
    } finally {
      setBusy(false);
      setConfirming(null);
    }
  };

  return (
    <StaffSection
      id="staff-accounts"
      title="Staff accounts"
      testId="staff-accounts-section"
    >
      {issued ? (
        <div className="staff-accounts__issued">
          <SetupCodes created={[asCreatedAccount(issued)]} testId="staff-account-code" />
          <Button variant="secondary" data-testid="staff-account-code-done" onClick={() => setIssued(null)}>
            Done, I have handed it over
          </Button>
        </div>
      ) : (
        <InviteStaffForm
          onInvited={(result) => {
            setIssued(result);
            void changed();
          }}
        />
      )}
      {problem ? <Notice tone="error">{problem}</Notice> : null}
      <LoadState loading={accounts.loading} error={accounts.error} hasData={accounts.data !== null} onRetry={() => void accounts.refresh()} what="staff accounts" />
      {accounts.data ? (
        <ul className="staff-list" aria-label="Staff accounts" data-testid="staff-account-list">
          {accounts.data.map((account) => (
            <StaffAccountRow
              key={account.id}
              account={account}
              onChanged={changed}
              onAction={(action, target) => (action === 'new-code' ? void run(action, target) : setConfirming({ action, account: target }))}
            />
          ))}
        </ul>
      ) : null}
      {confirming ? (
        <ConfirmDialog
          title={CONFIRM[confirming.action].title(confirming.account.fullName)}
          confirmLabel={CONFIRM[confirming.action].label}
          cancelLabel="Cancel"
          busy={busy}
          onConfirm={() => void run(confirming.action, confirming.account)}
          onCancel={() => setConfirming(null)}
          confirmTestId="staff-account-confirm"
        >
          {CONFIRM[confirming.action].body}
        </ConfirmDialog>
      ) : null}

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
        onImported={() => void changed()}
      />
    </StaffSection>
  );
}
