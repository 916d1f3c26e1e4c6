import type { ReactNode } from 'react';
import './ui.css';

export type ChipTone = 'open' | 'upcoming' | 'ended' | 'cancelled';

export function Chip({ tone, children }: { tone: ChipTone; children: ReactNode }) {
  return <span className={`pb-chip pb-chip--${tone}`}>{children}</span>;
}
