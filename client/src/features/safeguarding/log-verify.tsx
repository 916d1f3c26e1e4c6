import { Button } from '../../ui/button';
import { Notice } from '../../ui/notice';
import { useIntegrityCheck } from '../../lib/staff/use-integrity-check';
import { describeVerification } from './log-verification';
import { verifySessionLog } from './session-log-api';

/**
 * Recomputes the log's hash chain on the server. It proves no stored entry
 * was edited, removed from the middle or reordered; the newest entry's
 * fingerprint is shown so it can be noted down and compared later (the chain
 * alone cannot show entries cut from the end).
 */
export function LogVerify({ sessionId }: { sessionId: string }) {
  const { checking, result, problem, verify } = useIntegrityCheck(() => verifySessionLog(sessionId));

  return (
    <div className="log-verify">
      <Button variant="secondary" data-testid="verify-log" onClick={() => void verify()} disabled={checking} aria-busy={checking}>
        {checking ? 'Checking…' : 'Check the log has not been altered'}
      </Button>
      {result ? (
        <div
          className={`log-verify__result ${result.ok ? 'log-verify__result--ok' : 'log-verify__result--broken'}`}
          data-testid="verify-result"
          data-ok={String(result.ok)}
          role={result.ok ? 'status' : 'alert'}
        >
          <strong>{describeVerification(result)}</strong>
          {result.ok ? (
            <span className="log-verify__detail">
              Fingerprint of the newest entry: <code>{result.headHash.slice(0, 16)}</code>
            </span>
          ) : (
            <span className="log-verify__detail">
              Entries from this point on can't be trusted as recorded. Tell your Peerbridge administrator, and note this
              in your safeguarding records.
            </span>
          )}
        </div>
      ) : null}
      {problem ? <Notice tone="error">{problem}</Notice> : null}
    </div>
  );
}
