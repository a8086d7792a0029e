import { useId, type ComponentPropsWithRef, type ReactNode } from 'react';

export interface TextFieldProps extends Omit<ComponentPropsWithRef<'input'>, 'size'> {
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  /** A very large input, for code entry at a gate. */
  size?: 'md' | 'xl';
}

export function TextField({ label, hint, error, id, size = 'md', className, ...rest }: TextFieldProps) {
  const autoId = useId();
  const inputId = id ?? autoId;
  const hintId = hint ? `${inputId}-hint` : undefined;
  const errorId = error ? `${inputId}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={['ts-field', className].filter(Boolean).join(' ')}>
      <label className="ts-label" htmlFor={inputId}>
        {label}
      </label>
      <input
        id={inputId}
        className={size === 'xl' ? 'ts-input ts-input--xl' : 'ts-input'}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        {...rest}
      />
      {hint && (
        <p id={hintId} className="ts-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="ts-field-error">
          {error}
        </p>
      )}
    </div>
  );
}
