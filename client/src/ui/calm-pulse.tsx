import './ui.css';

/** A slow "breathing" circle for waiting states: movement without urgency. */
export function CalmPulse({ tone = 'light' }: { tone?: 'light' | 'dark' }) {
  return (
    <span className={`pb-pulse pb-pulse--${tone}`} aria-hidden="true">
      <span className="pb-pulse__ring" />
      <span className="pb-pulse__core" />
    </span>
  );
}
