import { useEffect, useRef } from 'react';
import type { ScanOutcome } from './validate-ticket.js';

const HEADLINES = { admitted: 'ADMITTED', rejected: 'REJECTED', unreachable: 'NOT CHECKED' } as const;

/**
 * The verdict over the whole screen, readable at arm's length. The whole screen is
 * one button: tap anywhere, or press Enter, Space or Escape, to scan the next ticket.
 */
export function ScanResult({ outcome, onDismiss }: { outcome: ScanOutcome; onDismiss: () => void }) {
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    button.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onDismiss();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onDismiss]);

  const detail =
    outcome.kind === 'admitted' ? [outcome.ticketType, outcome.holder].filter(Boolean).join(' · ') : outcome.message;

  return (
    <button
      ref={button}
      type="button"
      className={`scan-result scan-result--${outcome.kind}`}
      data-testid="scan-result"
      data-outcome={outcome.kind}
      onClick={onDismiss}
    >
      <span role="alert" className="scan-result__verdict">
        <span className="scan-result__headline">{HEADLINES[outcome.kind]}</span>
        {detail && <span className="scan-result__detail">{detail}</span>}
      </span>
      {outcome.kind === 'rejected' && outcome.reason && <span className="scan-result__code">{outcome.reason}</span>}
      {outcome.kind === 'unreachable' && (
        <span className="scan-result__code">Check the ticket again, or ask a supervisor.</span>
      )}
      <span className="scan-result__code">Ticket {outcome.code}</span>
      <span className="scan-result__hint">Tap anywhere to scan the next ticket</span>
    </button>
  );
}
