import { useId, type ComponentPropsWithRef, type ReactNode } from 'react';

export interface TextAreaProps extends ComponentPropsWithRef<'textarea'> {
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
}

/** A labelled multi-line text input, with the same hint and error handling as TextField. */
export function TextArea({ label, hint, error, id, className, rows = 4, ...rest }: TextAreaProps) {
  const autoId = useId();
  const inputId = id ?? autoId;
  const hintId = hint ? `${inputId}-hint` : undefined;
  const errorId = error ? `${inputId}-error` : undefined;
  return (
    <div className={['ts-field', className].filter(Boolean).join(' ')}>
      <label className="ts-label" htmlFor={inputId}>
        {label}
      </label>
      <textarea
        id={inputId}
        rows={rows}
        className="ts-input ts-textarea"
        aria-invalid={error ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
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
