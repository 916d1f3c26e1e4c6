import { useId, type ReactNode } from 'react';
import type { PeerbridgeError } from '../lib/peerbridge-error';
import { Button } from './button';
import { Notice } from './notice';

export interface StaffSectionProps {
  /** The section's anchor (an in-page link target). */
  id: string;
  title: string;
  testId: string;
  /** Buttons at the right of the heading (e.g. Refresh). */
  actions?: ReactNode;
  children: ReactNode;
}

/** One titled block of a staff page. */
export function StaffSection({ id, title, testId, actions, children }: StaffSectionProps) {
  const headingId = useId();
  return (
    <section id={id} className="staff-section" data-testid={testId} aria-labelledby={headingId}>
      <header className="staff-section__header">
        <h2 id={headingId} className="staff-section__title">
          {title}
        </h2>
        {actions ? <div className="staff-section__actions">{actions}</div> : null}
      </header>
      {children}
    </section>
  );
}

/**
 * What a list shows before (or instead of) its data: loading, or the
 * server's message with a way to try again. Stale data stays visible under
 * a failed refresh, because a blank list would read as "nothing there".
 */
export function LoadState({
  loading,
  error,
  hasData,
  onRetry,
  what,
}: {
  loading: boolean;
  error: PeerbridgeError | null;
  hasData: boolean;
  onRetry: () => void;
  what: string;
}) {
  if (error) {
    return (
      <div className="staff-load-problem">
        <Notice tone="error">
          {hasData ? `Couldn't refresh the ${what}: ` : ''}
          {error.message}
        </Notice>
        <Button variant="secondary" onClick={onRetry}>
          Try again
        </Button>
      </div>
    );
  }
  if (loading && !hasData) return <p className="staff-muted">Loading {what}…</p>;
  return null;
}

/**
 * For data that does not refresh itself (lists do, every few seconds and on
 * opening): `label` says what it fetches again, e.g. "Refresh suggestions".
 */
export function RefreshButton({ onClick, loading, label = 'Refresh' }: { onClick: () => void; loading: boolean; label?: string }) {
  return (
    <Button variant="secondary" onClick={onClick} disabled={loading} aria-busy={loading}>
      {loading ? 'Refreshing…' : label}
    </Button>
  );
}
