import { ErrorBanner } from '@tessera/ui';
import { useEffect, useState } from 'react';
import { getRefundProgress, type RefundProgress } from './get-refund-progress.js';

const POLL_MS = 2_000;

/** After a cancel, refunds run in the background: this follows them every 2 s until none remain. */
export function RefundProgressPanel({ eventId }: { eventId: string }) {
  const [progress, setProgress] = useState<RefundProgress | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const next = await getRefundProgress(eventId, controller.signal);
        setProgress(next);
        setError(null);
        if (next.remaining === 0) return;
      } catch (e) {
        if (controller.signal.aborted) return;
        setError(e);
      }
      timer = setTimeout(() => void poll(), POLL_MS);
    };
    void poll();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [eventId]);

  const done = progress !== null && progress.remaining === 0;
  return (
    <section className="ts-card ts-stack" aria-labelledby="refunds-title" style={{ gap: 'var(--space-3)' }}>
      <h2 id="refunds-title" style={{ margin: 0 }}>
        Refunds
      </h2>
      {progress && (
        <>
          <progress
            max={Math.max(progress.total, 1)}
            value={progress.total === 0 ? 1 : progress.refunded}
            aria-label="Refund progress"
            style={{ width: '100%' }}
          />
          <p role="status" style={{ margin: 0 }} data-testid="refund-progress">
            {progress.total === 0
              ? 'No paid purchases to refund.'
              : done
                ? progress.total === 1
                  ? 'The paid purchase is refunded.'
                  : `All ${progress.total} paid purchases are refunded.`
                : `${progress.refunded} of ${progress.total} paid ${progress.total === 1 ? 'purchase' : 'purchases'} refunded, ${progress.remaining} to go…`}
          </p>
        </>
      )}
      {!progress && !error && <p className="ts-muted">Checking the refunds…</p>}
      <ErrorBanner error={error} title="Refund progress could not be loaded" />
    </section>
  );
}
