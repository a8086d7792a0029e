import { Button, ErrorBanner, Loading, formatMoney, href } from '@tessera/ui';
import { useEffect, useRef, useState } from 'react';
import { getPurchase, type Purchase } from './purchases.js';
import { loadStripe, type StripeClient, type StripeElements } from './stripe-js.js';

const POLL_MS = 2_000;
const POLL_LIMIT = 90;

export interface StripePaymentProps {
  /** A pending_payment purchase with its client secret and publishable key. */
  purchase: Purchase;
  onSettled: (purchase: Purchase) => void;
}

type Phase = 'loading' | 'ready' | 'confirming' | 'waiting';

/** Stripe's Payment Element for a pending purchase; once confirmed, waits until the API reports it paid. */
export function StripePayment({ purchase, onSettled }: StripePaymentProps) {
  const container = useRef<HTMLDivElement>(null);
  const stripe = useRef<{ client: StripeClient; elements: StripeElements } | null>(null);
  const alive = useRef(true);
  const [phase, setPhase] = useState<Phase>('loading');
  const [error, setError] = useState<unknown>(null);
  const clientSecret = purchase.payment.clientSecret ?? '';
  const publishableKey = purchase.payment.publishableKey ?? '';

  useEffect(() => {
    alive.current = true;
    let destroy: (() => void) | undefined;
    loadStripe(publishableKey).then(
      (client) => {
        if (!alive.current || !container.current) return;
        const elements = client.elements({ clientSecret });
        const element = elements.create('payment');
        element.mount(container.current);
        destroy = () => element.destroy();
        stripe.current = { client, elements };
        setPhase('ready');
      },
      (e: unknown) => {
        if (alive.current) setError(e);
      },
    );
    return () => {
      alive.current = false;
      destroy?.();
    };
  }, [clientSecret, publishableKey]);

  const waitUntilPaid = async () => {
    setPhase('waiting');
    for (let i = 0; i < POLL_LIMIT && alive.current; i++) {
      try {
        const current = await getPurchase(purchase.id);
        if (current.status !== 'pending_payment') return onSettled(current);
      } catch {
        // Keep asking: the payment went through at Stripe, the API learns of it through the webhook.
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    if (alive.current)
      setError(new Error('Your payment is still being confirmed. Your order shows it once it is paid.'));
  };

  const confirm = async () => {
    if (!stripe.current) return;
    setPhase('confirming');
    setError(null);
    const result = await stripe.current.client.confirmPayment({
      elements: stripe.current.elements,
      redirect: 'if_required',
      confirmParams: { return_url: `${window.location.origin}${href(`/orders/${purchase.id}`)}` },
    });
    if (result.error) {
      setError(new Error(result.error.message ?? 'The payment did not go through.'));
      setPhase('ready');
      return;
    }
    await waitUntilPaid();
  };

  return (
    <div className="ts-stack" style={{ gap: 'var(--space-3)' }}>
      {phase === 'loading' && !error && <Loading>Loading the card form…</Loading>}
      <div ref={container} />
      <ErrorBanner error={error} title="Card payment" />
      {phase === 'waiting' ? (
        <Loading>Confirming your payment…</Loading>
      ) : (
        <Button size="lg" busy={phase === 'confirming'} disabled={phase === 'loading'} onClick={() => void confirm()}>
          Pay {formatMoney(purchase.total, purchase.currency)}
        </Button>
      )}
    </div>
  );
}
