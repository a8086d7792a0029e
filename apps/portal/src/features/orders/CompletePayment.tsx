import { Button, ErrorBanner, Loading, formatTimestamp, isProblem } from '@tessera/ui';
import { useState } from 'react';
import { type Purchase, resumePayment } from '../../lib/payments/purchases.js';
import { StripePayment } from '../../lib/payments/StripePayment.js';

export interface CompletePaymentProps {
  /** A pending_payment purchase paid by card. */
  purchase: Purchase;
  /** The purchase changed (paid, or no longer payable): load it again. */
  onChanged: () => void;
}

/**
 * A card payment not made yet, on the order page: after a declined card, a closed page or a return
 * from the bank, the buyer pays again with Stripe's Payment Element while the tickets are held.
 */
export function CompletePayment({ purchase, onChanged }: CompletePaymentProps) {
  const [resumed, setResumed] = useState<Purchase | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  if (resumed) {
    return (
      <section className="ts-card ts-stack" aria-labelledby="pay-title">
        <h2 id="pay-title" style={{ margin: 0 }}>
          Pay for your order
        </h2>
        <StripePayment
          purchase={resumed}
          onSettled={() => {
            setResumed(null);
            onChanged();
          }}
        />
      </section>
    );
  }

  if (!purchase.payableUntil) {
    return (
      <div className="ts-alert ts-alert--warning" role="alert">
        <p className="ts-alert__title">The time to pay is over</p>
        <p>
          Your tickets are no longer held. If your payment went through, this order is confirmed shortly; otherwise it
          is canceled and nothing is charged.
        </p>
      </div>
    );
  }

  const resume = async () => {
    setBusy(true);
    setError(null);
    try {
      const next = await resumePayment(purchase.id);
      if (next.payment.clientSecret && next.payment.publishableKey) setResumed(next);
      else setError(new Error('Card payments are not available right now.'));
    } catch (e) {
      // Paid meanwhile, or no longer payable: the order itself says what happened.
      if (isProblem(e, 'PAYMENT_NOT_PENDING') || isProblem(e, 'HOLD_EXPIRED')) onChanged();
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="ts-card ts-stack" aria-labelledby="pay-title">
      <Loading>Waiting for the payment to be confirmed…</Loading>
      <h2 id="pay-title" style={{ margin: 0 }}>
        Not paid yet?
      </h2>
      <p style={{ margin: 0 }}>
        If your card was declined or you left the payment page, pay now: your tickets are held until{' '}
        <strong data-testid="payable-until">{formatTimestamp(purchase.payableUntil)}</strong>.
      </p>
      <ErrorBanner error={error} title="The payment could not be started" />
      <p className="ts-cluster" style={{ margin: 0 }}>
        <Button busy={busy} onClick={() => void resume()}>
          Pay now
        </Button>
      </p>
    </section>
  );
}
