import type { ReactNode } from 'react';

export interface CheckboxOption<T extends string> {
  value: T;
  label: ReactNode;
}

export interface CheckboxGroupProps<T extends string> {
  legend: ReactNode;
  options: readonly CheckboxOption<T>[];
  value: readonly T[];
  onChange: (value: T[]) => void;
  disabled?: boolean;
  error?: string;
}

/** A set of checkboxes in a fieldset, for picking roles, scopes and the like. */
export function CheckboxGroup<T extends string>({
  legend,
  options,
  value,
  onChange,
  disabled,
  error,
}: CheckboxGroupProps<T>) {
  const toggle = (option: T, checked: boolean) => {
    const next = checked ? [...value, option] : value.filter((v) => v !== option);
    // Keep the options' order so the result is stable.
    onChange(options.map((o) => o.value).filter((v) => next.includes(v)));
  };
  return (
    <fieldset className="ts-fieldset" disabled={disabled}>
      <legend>{legend}</legend>
      <div className="ts-checks">
        {options.map((option) => (
          <label key={option.value} className="ts-check">
            <input
              type="checkbox"
              value={option.value}
              checked={value.includes(option.value)}
              onChange={(event) => toggle(option.value, event.target.checked)}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      {error && (
        <p className="ts-field-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
