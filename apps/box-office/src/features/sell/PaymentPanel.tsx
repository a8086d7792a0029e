import { Button, TextField, formatMoney, parseMoney } from '@tessera/ui';
import type { FormEvent } from 'react';
import type { Buyer, CounterMethod } from './cart.js';

export interface PaymentPanelProps {
  total: number;
  currency: string;
  count: number;
  method: CounterMethod;
  onMethod: (method: CounterMethod) => void;
  tendered: string;
  onTendered: (value: string) => void;
  buyer: Buyer;
  onBuyer: (buyer: Buyer) => void;
  busy: boolean;
  onComplete: () => void;
}

/** What cash is still short (negative) or due back (positive); null until an amount is typed. */
export function changeDue(tendered: string, total: number, currency: string): number | null {
  if (!tendered.trim()) return null;
  const given = parseMoney(tendered, currency);
  return given === null ? null : given - total;
}

/** Buyer details and payment: cash with the change due, or the card terminal's approval. Enter completes. */
export function PaymentPanel(props: PaymentPanelProps) {
  const { total, currency, count, method, tendered, buyer, busy } = props;
  const change = method === 'cash' ? changeDue(tendered, total, currency) : null;
  const invalidAmount = method === 'cash' && tendered.trim() !== '' && parseMoney(tendered, currency) === null;
  const short = change !== null && change < 0;
  const canComplete = count > 0 && !busy && !short && !invalidAmount;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (canComplete) props.onComplete();
  };

  return (
    <form className="ts-card ts-stack" aria-label="Payment" onSubmit={submit} style={{ gap: 'var(--space-3)' }}>
      <p className="ts-total ts-total--xl" style={{ margin: 0 }}>
        <span>Total</span>
        <span data-testid="sale-total">{formatMoney(total, currency)}</span>
      </p>
      <p className="ts-muted" style={{ margin: 0 }}>
        {count === 0 ? 'No tickets in this sale yet.' : `${count} ${count === 1 ? 'ticket' : 'tickets'}`}
      </p>
      <TextField
        label="Buyer email"
        hint="Optional: the tickets are sent there."
        type="email"
        autoComplete="off"
        value={buyer.email}
        onChange={(event) => props.onBuyer({ ...buyer, email: event.target.value })}
      />
      <TextField
        label="Buyer name"
        hint="Optional"
        autoComplete="off"
        value={buyer.name}
        onChange={(event) => props.onBuyer({ ...buyer, name: event.target.value })}
      />
      <fieldset className="ts-fieldset">
        <legend>Payment method</legend>
        <div className="ts-checks">
          {(['cash', 'card_terminal'] as const).map((m) => (
            <label key={m} className="ts-check">
              <input type="radio" name="method" value={m} checked={method === m} onChange={() => props.onMethod(m)} />
              <span>{m === 'cash' ? 'Cash' : 'Card terminal'}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {method === 'cash' ? (
        <>
          <TextField
            label="Amount tendered"
            hint="Leave empty for the exact amount."
            inputMode="decimal"
            autoComplete="off"
            size="xl"
            value={tendered}
            error={invalidAmount ? 'Enter an amount such as 50 or 20.50.' : undefined}
            onChange={(event) => props.onTendered(event.target.value)}
          />
          <p className="ts-total" style={{ margin: 0 }} aria-live="polite">
            <span>{short ? 'Still to pay' : 'Change due'}</span>
            <span data-testid="change-due">{formatMoney(Math.abs(change ?? 0), currency)}</span>
          </p>
          <Button type="submit" size="lg" block busy={busy} disabled={!canComplete}>
            Complete sale
          </Button>
        </>
      ) : (
        <>
          <p className="ts-muted" style={{ margin: 0 }}>
            Take {formatMoney(total, currency)} on the card terminal, then confirm once it is approved.
          </p>
          <Button type="submit" size="lg" block busy={busy} disabled={!canComplete}>
            Card approved
          </Button>
        </>
      )}
      <p className="ts-muted" style={{ margin: 0, fontSize: 'var(--text-sm)' }}>
        Enter completes the sale · Escape clears it
      </p>
    </form>
  );
}
