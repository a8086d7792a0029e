import {
  Button,
  ErrorBanner,
  changedTotal,
  formatMoney,
  formatTimestamp,
  isProblem,
  Loading,
  useAsync,
  useIdempotentSubmit,
} from '@tessera/ui';
import { useState } from 'react';
import type { Hold } from './get-hold.js';
import type { Purchase } from '../../lib/payments/purchases.js';
import { StripePayment } from '../../lib/payments/StripePayment.js';
import { listPaymentMethods } from './list-payment-methods.js';
import { purchaseHold, type PurchaseRequest } from './purchase-hold.js';

export interface PaymentStepProps {
  hold: Hold;
  /** The purchase left pending_payment (paid, or anything the order page explains). */
  onDone: (purchase: Purchase) => void;
  onHoldExpired: () => void;
}

type Payment = PurchaseRequest['payment'];
type Choice = 'sandbox_ok' | 'sandbox_decline' | 'stripe';

/**
 * Pays for the hold with what the deployment takes: Stripe's Payment Element where card payments
 * are set up, the sandbox's test buttons where it is enabled.
 */
export function PaymentStep({ hold, onDone, onHoldExpired }: PaymentStepProps) {
  const submit = useIdempotentSubmit();
  const methods = useAsync((signal) => listPaymentMethods(signal), []);
  const [busy, setBusy] = useState<Choice | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [expectedTotal, setExpectedTotal] = useState(hold.total);
  const [pending, setPending] = useState<Purchase | null>(null);

  const pay = async (choice: Choice) => {
    const payment: Payment = choice === 'stripe' ? { method: 'stripe' } : { method: 'sandbox', token: choice };
    const body: PurchaseRequest = { holdId: hold.id, payment, expectedTotal };
    setBusy(choice);
    setError(null);
    try {
      const purchase = await submit(body, (key) => purchaseHold(body, key));
      if (purchase.status !== 'pending_payment') return onDone(purchase);
      if (purchase.payment.clientSecret && purchase.payment.publishableKey) setPending(purchase);
      else onDone(purchase);
    } catch (e) {
      if (isProblem(e, 'HOLD_EXPIRED')) return onHoldExpired();
      const total = changedTotal(e);
      if (total !== null) setExpectedTotal(total);
      setError(e);
    } finally {
      setBusy(null);
    }
  };

  if (pending) return <StripePayment purchase={pending} onSettled={onDone} />;
  if (!methods.data) {
    return methods.loading ? (
      <Loading>Loading the ways to pay…</Loading>
    ) : (
      <ErrorBanner
        error={methods.error}
        title="The ways to pay could not be loaded"
        action={
          <Button variant="secondary" size="sm" onClick={methods.reload}>
            Try again
          </Button>
        }
      />
    );
  }
  const offered = new Set(methods.data.items.filter((m) => !m.staffOnly).map((m) => m.method));
  const card = methods.data.items.some((m) => m.method === 'stripe' && m.publishableKey);
  const sandbox = offered.has('sandbox');

  const declined = isProblem(error, 'PAYMENT_DECLINED');
  const priceChanged = changedTotal(error) !== null;
  return (
    <div className="ts-stack" style={{ gap: 'var(--space-3)' }}>
      {declined ? (
        <div className="ts-alert" role="alert">
          <p className="ts-alert__title">Your payment was declined</p>
          <p>
            Nothing was charged. Your tickets are still held until {formatTimestamp(hold.expiresAt)}: you can try again.
          </p>
        </div>
      ) : priceChanged ? (
        <div className="ts-alert ts-alert--warning" role="alert">
          <p className="ts-alert__title">The total changed</p>
          <p>
            The total is now {formatMoney(expectedTotal, hold.currency)}. Pay again to buy at this total, or cancel.
          </p>
        </div>
      ) : (
        <ErrorBanner error={error} title="The payment did not go through" />
      )}
      {!card && !sandbox && (
        <p className="ts-alert ts-alert--info" role="status" style={{ margin: 0 }}>
          Online payment is not set up here yet. Your tickets stay held until the time above runs out.
        </p>
      )}
      {card && (
        <Button size="lg" busy={busy === 'stripe'} disabled={busy !== null} onClick={() => void pay('stripe')}>
          Pay by card · {formatMoney(expectedTotal, hold.currency)}
        </Button>
      )}
      {sandbox && (
        <>
          <p className="ts-muted" style={{ margin: 0 }}>
            Test payments: no real money is taken.
          </p>
          <div className="ts-cluster">
            <Button
              size="lg"
              busy={busy === 'sandbox_ok'}
              disabled={busy !== null}
              onClick={() => void pay('sandbox_ok')}
            >
              Pay (test)
            </Button>
            <Button
              variant="secondary"
              size="lg"
              busy={busy === 'sandbox_decline'}
              disabled={busy !== null}
              onClick={() => void pay('sandbox_decline')}
            >
              Decline (test)
            </Button>
          </div>
        </>
      )}
    </div>
  );
}
