import type { ComponentPropsWithRef } from 'react';
import './ui.css';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'quiet';

export interface ButtonProps extends ComponentPropsWithRef<'button'> {
  variant?: ButtonVariant;
  size?: 'large' | 'normal';
  wide?: boolean;
}

/** Finger-sized button: never shorter than 56 px (44 px for `quiet`). */
export function Button({ variant = 'primary', size = 'normal', wide = false, className, type, ...rest }: ButtonProps) {
  const classes = ['pb-button', `pb-button--${variant}`, `pb-button--${size}`, wide ? 'pb-button--wide' : '', className ?? '']
    .filter(Boolean)
    .join(' ');
  return <button type={type ?? 'button'} className={classes} {...rest} />;
}
