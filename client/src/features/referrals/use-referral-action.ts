import { useCallback, useState } from 'react';
import { useStaffErrors } from '../../lib/staff/staff-context';
import { useInvalidate } from '../../lib/staff/staff-query';
import { referralKeys } from './referrals-queries';

/**
 * One write of the referrals screen: busy while it runs, the server's words when it refuses, and the
 * queue (and the students' records, which consent and training change) fetched again once it lands.
 */
export function useReferralAction() {
  const handleError = useStaffErrors();
  const invalidate = useInvalidate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    async (work: () => Promise<unknown>): Promise<boolean> => {
      setBusy(true);
      setError(null);
      try {
        await work();
        await invalidate(referralKeys.all, ['students']);
        return true;
      } catch (problem) {
        setError(handleError(problem).message);
        return false;
      } finally {
        setBusy(false);
      }
    },
    [handleError, invalidate],
  );
  return { busy, error, run };
}
