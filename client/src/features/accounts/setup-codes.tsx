import type { CreatedAccount } from './staff-import-api';
import { roleWords, setupCodeWords } from './staff-import-words';
import { useSchoolTime } from '../../lib/staff/staff-context';

/**
 * Each new account's one-time set-up code, large enough to read out or copy.
 * Shown only now: the server keeps a hash, so leaving the page loses them.
 */
export function SetupCodes({ created, testId = 'import-staff-codes' }: { created: readonly CreatedAccount[]; testId?: string }) {
  const time = useSchoolTime();
  if (created.length === 0) return null;
  return (
    <div className="setup-codes" data-testid={testId} role="status">
      <p className="setup-codes__warning">
        Write these down or hand them over now: they are shown only this once.
      </p>
      <ul className="staff-list" aria-label="Set-up codes">
        {created.map((account) => (
          <li key={account.email} className="staff-row setup-codes__row" data-email={account.email}>
            <div className="staff-row__main">
              <span className="staff-row__title">
                {account.fullName} ({roleWords(account.roles)})
              </span>
              <span className="staff-muted">{account.email}</span>
              <span>{setupCodeWords(account, time)}</span>
            </div>
            <code className="setup-codes__code" aria-label={account.setupCode.split('').join(' ')}>
              {account.setupCode}
            </code>
          </li>
        ))}
      </ul>
    </div>
  );
}
