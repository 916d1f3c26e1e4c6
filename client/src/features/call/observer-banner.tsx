import type { ObserverInfo } from '@peerbridge/shared';
import { EyeIcon } from '../../ui/icons';
import { observerBannerText } from '../../lib/remote-room/observers';

export interface ObserverBannerProps {
  observers: readonly ObserverInfo[];
  ref?: (element: HTMLDivElement | null) => (() => void) | undefined;
}

/**
 * Who from staff is watching. Across the top of the call, above everything
 * else on the screen, for as long as anyone watches: a child is never observed
 * without knowing it. Calm colours: watching is normal here, not a warning.
 */
export function ObserverBanner({ observers, ref }: ObserverBannerProps) {
  const text = observerBannerText(observers);
  if (!text) return null;
  return (
    <div ref={ref} className="call__observers" data-testid="observer-banner" role="status" aria-live="polite">
      <EyeIcon size={30} />
      <div className="call__observers-words">
        <p className="call__observers-text">{text}</p>{' '}
        <p className="call__observers-sub">They can see and hear this call, to help keep it safe.</p>
      </div>
    </div>
  );
}
