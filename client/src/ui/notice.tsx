import type { HTMLAttributes, ReactNode } from 'react';
import './ui.css';

export interface NoticeProps extends HTMLAttributes<HTMLDivElement> {
  tone?: 'info' | 'error';
  children: ReactNode;
}

/** A calm, readable message box. Errors are announced to screen readers. */
export function Notice({ tone = 'info', className, children, ...rest }: NoticeProps) {
  return (
    <div
      role={tone === 'error' ? 'alert' : 'status'}
      className={['pb-notice', `pb-notice--${tone}`, className ?? ''].filter(Boolean).join(' ')}
      {...rest}
    >
      {children}
    </div>
  );
}
