import { useState } from 'react';
import { useStaffErrors } from './staff-context';

/**
 * A "check this record has not been altered" button's state: asks the server to
 * recompute a chain (a session log, the staff audit trail) and keeps its answer,
 * or the problem in words if the check itself could not run.
 */
export function useIntegrityCheck<Result>(check: () => Promise<Result>) {
  const handleError = useStaffErrors();
  const [checking, setChecking] = useState(false);
  const [result, setResult] = useState<Result | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const verify = async () => {
    setChecking(true);
    setProblem(null);
    try {
      setResult(await check());
    } catch (error) {
      setResult(null);
      setProblem(handleError(error).message);
    } finally {
      setChecking(false);
    }
  };

  return { checking, result, problem, verify };
}
