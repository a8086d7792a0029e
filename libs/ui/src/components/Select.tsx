import { useId, type ComponentPropsWithRef, type ReactNode } from 'react';

export interface SelectOption {
  value: string;
  label: string;
}

export interface SelectProps extends ComponentPropsWithRef<'select'> {
  label: ReactNode;
  options: readonly SelectOption[];
  hint?: ReactNode;
  error?: string;
}

export function Select({ label, options, hint, error, id, className, ...rest }: SelectProps) {
  const autoId = useId();
  const selectId = id ?? autoId;
  const hintId = hint ? `${selectId}-hint` : undefined;
  const errorId = error ? `${selectId}-error` : undefined;
  return (
    <div className={['ts-field', className].filter(Boolean).join(' ')}>
      <label className="ts-label" htmlFor={selectId}>
        {label}
      </label>
      <select
        id={selectId}
        className="ts-select"
        aria-invalid={error ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
        {...rest}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
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
