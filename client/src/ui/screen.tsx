import type { HTMLAttributes, ReactNode } from 'react';
import './ui.css';

export interface ScreenProps extends HTMLAttributes<HTMLElement> {
  children: ReactNode;
  /** Centres short content (setup, errors) instead of stacking it from the top. */
  centred?: boolean;
}

/** A full page that respects the iPad's safe areas and scrolls if it must. */
export function Screen({ children, centred = false, className, ...rest }: ScreenProps) {
  const classes = ['pb-screen', centred ? 'pb-screen--centred' : '', className ?? ''].filter(Boolean).join(' ');
  return (
    <main className={classes} {...rest}>
      {children}
    </main>
  );
}
