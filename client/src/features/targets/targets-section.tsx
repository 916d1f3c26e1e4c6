import { useStaffErrors } from '../../lib/staff/staff-context';
import { useInvalidate } from '../../lib/staff/staff-query';
import { LoadState, StaffSection } from '../../ui/staff-section';
import { PairingTargetsCard } from './pairing-targets';
import { seedTarget, targetKeys, useTargetsOverview } from './targets-api';
import './targets.css';

/**
 * The school's pairings with their targets: what is due for review today, each target's review history, the
 * mentor's notes after sessions; the mentee's school adds targets for its pairs (e.g. from teacher feedback).
 */
export function TargetsSection() {
  const overview = useTargetsOverview();
  const invalidate = useInvalidate();
  const toError = useStaffErrors();
  const data = overview.data;
  const dueTotal = data?.pairings.reduce((n, p) => n + p.targets.filter((t) => t.dueForReview).length, 0) ?? 0;

  return (
    <StaffSection id="targets" title="Targets" testId="targets-section">
      <LoadState loading={overview.loading} error={overview.error} hasData={data !== null} onRetry={() => void overview.refresh()} what="targets" />
      {data ? (
        <>
          <p data-testid="targets-due-total">{dueTotal === 0 ? 'No targets are due for review.' : `${dueTotal} target${dueTotal === 1 ? '' : 's'} due for review.`}</p>
          {data.pairings.length === 0 ? <p>No pairings yet.</p> : null}
          <ul className="staff-pairing-targets-list">
            {data.pairings.map((p) => (
              <PairingTargetsCard
                key={p.pairingId}
                pairing={p}
                today={data.today}
                onSeed={async (target) => {
                  try {
                    await seedTarget(p.pairingId, target);
                  } catch (error) {
                    throw toError(error);
                  }
                  await invalidate(targetKeys.overview());
                }}
              />
            ))}
          </ul>
        </>
      ) : null}
    </StaffSection>
  );
}
