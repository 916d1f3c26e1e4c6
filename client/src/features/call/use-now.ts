import { useEffect, useState } from 'react';
import { nowMs } from '../../lib/clock';

/** The time (following the server's clock), read again every `everyMs`: for labels that change with it. */
export function useNowMs(everyMs: number): number {
  const [now, setNow] = useState(nowMs);
  useEffect(() => {
    const timer = setInterval(() => setNow(nowMs()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
