import type { ComponentPropsWithRef } from 'react';
import { Link, type LinkProps } from '../router.js';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'ghost';
export type ButtonSize = 'sm' | 'md' | 'lg';

interface ButtonLook {
  variant?: ButtonVariant;
  size?: ButtonSize;
  block?: boolean;
}

export function buttonClass({ variant = 'primary', size = 'md', block }: ButtonLook, extra?: string): string {
  return ['ts-btn', `ts-btn--${variant}`, size !== 'md' && `ts-btn--${size}`, block && 'ts-btn--block', extra]
    .filter(Boolean)
    .join(' ');
}

export interface ButtonProps extends ComponentPropsWithRef<'button'>, ButtonLook {
  /** Shows the action is running: disables the button and announces it as busy. */
  busy?: boolean;
}

export function Button({ variant, size, block, busy, className, type = 'button', disabled, ...rest }: ButtonProps) {
  return (
    <button
      type={type}
      className={buttonClass({ variant, size, block }, className)}
      disabled={disabled || busy}
      aria-busy={busy || undefined}
      {...rest}
    />
  );
}

/** An in-app link that looks like a button. */
export function ButtonLink({ variant, size, block, className, ...rest }: LinkProps & ButtonLook) {
  return <Link className={buttonClass({ variant, size, block }, className)} {...rest} />;
}
