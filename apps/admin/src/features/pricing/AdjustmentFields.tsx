import { Select, TextField } from '@tessera/ui';
import { MoneyField } from './MoneyField.js';

export interface Adjustment {
  type: 'percent' | 'amount';
  value: number;
}

const TYPES = [
  { value: 'percent', label: '% of the price' },
  { value: 'amount', label: 'Amount' },
];

/** A percentage or an amount (negative: off) that a rule applies. */
export function AdjustmentFields({
  legend,
  value,
  currency,
  onChange,
  error,
}: {
  legend: string;
  value: Adjustment;
  currency: string;
  onChange: (next: Adjustment) => void;
  error?: string;
}) {
  return (
    <fieldset className="pricing-adjustment">
      <legend>{legend}</legend>
      <Select
        label="Kind"
        options={TYPES}
        value={value.type}
        onChange={(e) => onChange({ type: e.target.value as Adjustment['type'], value: 0 })}
      />
      {value.type === 'percent' ? (
        <TextField
          label="Percent"
          type="number"
          step={1}
          min={-99}
          value={String(value.value)}
          hint="Negative takes off"
          error={error}
          onChange={(e) => onChange({ type: 'percent', value: Math.trunc(Number(e.target.value) || 0) })}
        />
      ) : (
        <MoneyField
          key={value.type}
          label="Amount"
          currency={currency}
          allowNegative
          value={value.value}
          hint="Negative takes off"
          error={error}
          onChange={(minor) => onChange({ type: 'amount', value: minor ?? 0 })}
        />
      )}
    </fieldset>
  );
}
