import { Button } from './Button.js';

export interface QuantityStepperProps {
  /** What is counted ("Standing"): names the buttons "Fewer Standing" / "More Standing" and the input. */
  name: string;
  value: number;
  /** The smallest quantity above zero (a minimum per order); zero is always allowed. */
  min?: number;
  max: number;
  onChange: (value: number) => void;
  size?: 'md' | 'lg';
  disabled?: boolean;
}

/** The next quantity one step up or down: from 0 up jumps to `min`, and below `min` drops to 0. */
export function stepQuantity(value: number, direction: 1 | -1, min: number, max: number): number {
  const low = Math.max(1, min);
  if (direction === 1) return value < low ? Math.min(low, max) : Math.min(value + 1, max);
  return value - 1 < low ? 0 : value - 1;
}

/** A − / number / + control for ticket quantities. */
export function QuantityStepper({ name, value, min = 1, max, onChange, size = 'md', disabled }: QuantityStepperProps) {
  const clamp = (n: number) => {
    if (!Number.isFinite(n) || n <= 0) return 0;
    return Math.min(Math.max(Math.floor(n), Math.max(1, min)), Math.max(0, max));
  };
  return (
    <div className={`ts-stepper ts-stepper--${size}`} role="group" aria-label={`How many ${name}`}>
      <Button
        variant="secondary"
        size={size === 'lg' ? 'lg' : 'sm'}
        aria-label={`Fewer ${name}`}
        disabled={disabled || value <= 0}
        onClick={() => onChange(stepQuantity(value, -1, min, max))}
      >
        −
      </Button>
      <input
        className="ts-input ts-stepper__value"
        type="number"
        inputMode="numeric"
        aria-label={`Quantity of ${name}`}
        min={0}
        max={max}
        value={value}
        disabled={disabled}
        onChange={(event) => onChange(clamp(Number(event.target.value)))}
      />
      <Button
        variant="secondary"
        size={size === 'lg' ? 'lg' : 'sm'}
        aria-label={`More ${name}`}
        disabled={disabled || value >= max}
        onClick={() => onChange(stepQuantity(value, 1, min, max))}
      >
        +
      </Button>
    </div>
  );
}
