import {
  Button,
  ButtonLink,
  EmptyState,
  ErrorBanner,
  Link,
  Loading,
  PageHeader,
  isProblem,
  navigate,
  useAsync,
  useSession,
  withQuery,
} from '@tessera/ui';
import { useMemo, useState } from 'react';
import { Countdown, useSecondsLeft } from './Countdown.js';
import { extendHold } from './extend-hold.js';
import { getEvent } from './get-event.js';
import { getHold, type Hold } from './get-hold.js';
import { HoldItems } from './HoldItems.js';
import { listTicketTypes } from './list-ticket-types.js';
import { PaymentStep } from './PaymentStep.js';
import { releaseHold } from './release-hold.js';

/** `/checkout/:holdId`: the held tickets, the time left to pay, and the payment. */
export function CheckoutPage({ holdId }: { holdId: string }) {
  const { status, user } = useSession();
  if (status === 'restoring') return <Loading>Restoring your session…</Loading>;
  if (!user) {
    return (
      <EmptyState
        title="Sign in to check out"
        action={<ButtonLink to={withQuery('/sign-in', { next: `/checkout/${holdId}` })}>Sign in</ButtonLink>}
      >
        Your tickets are held for a few minutes while you sign in.
      </EmptyState>
    );
  }
  return <Checkout holdId={holdId} />;
}

function StartAgain({ eventId, title, children }: { eventId: string; title: string; children: string }) {
  return (
    <EmptyState title={title} action={<ButtonLink to={`/events/${eventId}`}>Start again</ButtonLink>}>
      {children}
    </EmptyState>
  );
}

function Checkout({ holdId }: { holdId: string }) {
  const loaded = useAsync((signal) => getHold(holdId, signal), [holdId]);
  const [latest, setLatest] = useState<Hold | null>(null);
  const [ended, setEnded] = useState(false);
  const [busy, setBusy] = useState<'extend' | 'cancel' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  const hold = latest ?? loaded.data;
  const eventId = hold?.eventId ?? null;
  const event = useAsync((signal) => (eventId ? getEvent(eventId, signal) : Promise.resolve(null)), [eventId]);
  const types = useAsync((signal) => (eventId ? listTicketTypes(eventId, signal) : Promise.resolve(null)), [eventId]);
  const typeNames = useMemo(() => new Map((types.data?.items ?? []).map((t) => [t.id, t.name])), [types.data]);
  const secondsLeft = useSecondsLeft(hold?.status === 'active' ? hold.expiresAt : null);

  if (loaded.loading && !hold) return <Loading>Loading your tickets…</Loading>;
  if (!hold) {
    return (
      <EmptyState title="This checkout could not be opened" action={<Link to="/">See upcoming events</Link>}>
        <ErrorBanner error={loaded.error} />
      </EmptyState>
    );
  }
  if (hold.status === 'converted') {
    return (
      <EmptyState title="This order is complete" action={<ButtonLink to="/orders">My orders</ButtonLink>}>
        These tickets are bought; find them under My tickets.
      </EmptyState>
    );
  }
  if (hold.status === 'released') {
    return (
      <StartAgain eventId={hold.eventId} title="You canceled this checkout">
        The tickets went back on sale.
      </StartAgain>
    );
  }
  if (ended || hold.status === 'expired' || secondsLeft === 0) {
    return (
      <StartAgain eventId={hold.eventId} title="Your time to pay ran out">
        The tickets went back on sale. Start again to choose tickets.
      </StartAgain>
    );
  }

  const extend = async () => {
    setBusy('extend');
    setError(null);
    try {
      setLatest(await extendHold(hold.id));
      setNotice('You have more time to pay.');
    } catch (e) {
      if (isProblem(e, 'HOLD_EXPIRED')) setEnded(true);
      else setError(e);
    } finally {
      setBusy(null);
    }
  };

  const cancel = async () => {
    setBusy('cancel');
    setError(null);
    try {
      await releaseHold(hold.id);
      navigate(`/events/${hold.eventId}`, { replace: true });
    } catch (e) {
      setError(e);
      setBusy(null);
    }
  };

  return (
    <>
      <p style={{ margin: '0 0 var(--space-3)' }}>
        <Link to={`/events/${hold.eventId}`}>← {event.data?.name ?? 'Back to the event'}</Link>
      </p>
      <PageHeader title="Checkout" description={event.data?.name} />
      <div className="ts-stack" style={{ gap: 'var(--space-5)', maxWidth: '44rem' }}>
        <section className="ts-card ts-stack" aria-labelledby="held-title" style={{ gap: 'var(--space-3)' }}>
          <h2 id="held-title" style={{ margin: 0 }}>
            Your tickets
          </h2>
          <HoldItems hold={hold} typeNames={typeNames} />
          <div className="ts-cluster" style={{ alignItems: 'center' }}>
            <p style={{ margin: 0 }}>
              Held for you for {secondsLeft !== null && <Countdown seconds={secondsLeft} label="Time left to pay" />}
            </p>
            {hold.canExtend && (
              <Button
                variant="secondary"
                busy={busy === 'extend'}
                disabled={busy !== null}
                onClick={() => void extend()}
              >
                Extend time
              </Button>
            )}
            <Button variant="ghost" busy={busy === 'cancel'} disabled={busy !== null} onClick={() => void cancel()}>
              Cancel
            </Button>
          </div>
          <p role="status" className="ts-muted" style={{ margin: 0 }}>
            {notice}
          </p>
          <ErrorBanner error={error} />
        </section>
        <section className="ts-card ts-stack" aria-labelledby="payment-title" style={{ gap: 'var(--space-3)' }}>
          <h2 id="payment-title" style={{ margin: 0 }}>
            Payment
          </h2>
          <PaymentStep
            hold={hold}
            onDone={(purchase) => navigate(`/orders/${purchase.id}`, { replace: true })}
            onHoldExpired={() => setEnded(true)}
          />
        </section>
      </div>
    </>
  );
}
