import { Button, CheckboxGroup, ErrorBanner, TextField, formatMoney, parseMoney } from '@tessera/ui';
import { useState, type FormEvent } from 'react';
import { PURCHASE_STATUS_LABELS } from '../../lib/status.js';
import { useAction } from '../../lib/use-action.js';
import { refundPurchase } from './refund-purchase.js';
import type { Purchase } from './search-purchases.js';

export interface RefundFormProps {
  purchase: Purchase;
  onRefunded: (purchase: Purchase) => void;
}

type Ticket = Purchase['tickets'][number];

const ticketLabel = (t: Ticket) =>
  [
    t.ticketTypeName,
    t.seat ? `${t.seat.section} ${t.seat.row}-${t.seat.label}` : null,
    formatMoney(t.price, t.currency),
    t.id.slice(0, 8).toUpperCase(),
  ]
    .filter(Boolean)
    .join(' · ');

/** Refund chosen tickets, in full or in part (an amount in major units), with a reason. */
export function RefundForm({ purchase, onRefunded }: RefundFormProps) {
  const action = useAction();
  const [ticketIds, setTicketIds] = useState<string[]>([]);
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const valid = purchase.tickets.filter((t) => t.status === 'valid');
  const chosenValue = valid.filter((t) => ticketIds.includes(t.id)).reduce((sum, t) => sum + t.price, 0);
  const minor = amount.trim() ? parseMoney(amount, purchase.currency) : null;
  const amountError =
    amount.trim() && minor === null
      ? 'Enter an amount such as 12.50.'
      : minor !== null && minor > chosenValue && ticketIds.length > 0
        ? `At most ${formatMoney(chosenValue, purchase.currency)} for these tickets.`
        : minor === 0
          ? 'Enter more than zero.'
          : undefined;

  if (valid.length === 0) {
    return (
      <>
        <p role="status" data-testid="refund-result">
          {action.notice}
        </p>
        <p className="ts-muted">No ticket of this purchase can be refunded any more.</p>
      </>
    );
  }

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (ticketIds.length === 0 || amountError) return;
    void action.run(async () => {
      const updated = await refundPurchase(purchase.id, {
        ticketIds,
        ...(minor !== null ? { amount: minor } : {}),
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      });
      onRefunded(updated);
      setTicketIds([]);
      setAmount('');
      setReason('');
      const refunded = updated.refundedAmount - purchase.refundedAmount;
      return `Refunded ${formatMoney(refunded, updated.currency)}. The purchase is now ${PURCHASE_STATUS_LABELS[
        updated.status
      ].toLowerCase()}.`;
    });
  };

  return (
    <form className="ts-form" aria-label="Refund" onSubmit={submit}>
      <CheckboxGroup
        legend="Tickets to refund"
        options={valid.map((t) => ({ value: t.id, label: ticketLabel(t) }))}
        value={ticketIds}
        onChange={setTicketIds}
        disabled={action.busy}
      />
      <TextField
        label="Amount to refund"
        hint={
          ticketIds.length > 0
            ? `Optional. Leave empty to refund what they cost: ${formatMoney(chosenValue, purchase.currency)}.`
            : 'Optional. Less than the tickets cost is a partial refund.'
        }
        inputMode="decimal"
        autoComplete="off"
        value={amount}
        error={amountError}
        onChange={(e) => setAmount(e.target.value)}
      />
      <TextField label="Reason" maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
      <ErrorBanner error={action.error} title="The refund did not go through" />
      <div className="ts-cluster" style={{ alignItems: 'center' }}>
        <Button type="submit" variant="danger" busy={action.busy} disabled={ticketIds.length === 0 || !!amountError}>
          Refund
        </Button>
        <p role="status" style={{ margin: 0 }} data-testid="refund-result">
          {action.notice}
        </p>
      </div>
    </form>
  );
}
