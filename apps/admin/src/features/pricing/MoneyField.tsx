import { TextField, currencyDigits } from '@tessera/ui';
import { useState } from 'react';

/** Minor units to what a person types: 4550 EUR is "45.50", -500 is "-5.00". */
export function toMajor(minor: number | null | undefined, currency: string): string {
  if (minor === null || minor === undefined) return '';
  const digits = currencyDigits(currency);
  return (minor / 10 ** digits).toFixed(digits);
}

/** "45.50" EUR is 4550, "-5" is -500; null when it is not an amount (or empty). */
export function toMinor(text: string, currency: string, allowNegative = false): number | null | 'invalid' {
  const value = text.trim().replace(/\s/g, '').replace(',', '.');
  if (value === '') return null;
  const digits = currencyDigits(currency);
  const match = /^(-?)(\d+)(?:\.(\d*))?$/.exec(value);
  if (!match || (match[1] && !allowNegative)) return 'invalid';
  const fraction = (match[3] ?? '').replace(/0+$/, '');
  if (fraction.length > digits) return 'invalid';
  const minor = Number(match[2]) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  return match[1] ? -minor : minor;
}

export interface MoneyFieldProps {
  label: string;
  currency: string;
  value: number | null | undefined;
  onChange: (minor: number | null) => void;
  allowNegative?: boolean;
  hint?: string;
  error?: string;
}

/** An amount typed in major units and kept in minor units. */
export function MoneyField({ label, currency, value, onChange, allowNegative, hint, error }: MoneyFieldProps) {
  const [text, setText] = useState(toMajor(value, currency));
  const [invalid, setInvalid] = useState(false);
  return (
    <TextField
      label={`${label} (${currency})`}
      inputMode="decimal"
      value={text}
      hint={hint}
      error={invalid ? 'Enter an amount such as 45.50.' : error}
      onChange={(e) => {
        setText(e.target.value);
        const parsed = toMinor(e.target.value, currency, allowNegative);
        setInvalid(parsed === 'invalid');
        if (parsed !== 'invalid') onChange(parsed);
      }}
    />
  );
}
