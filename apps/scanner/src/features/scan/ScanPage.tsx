import { Button, Link, TextField, formatEventDateTime, useAsync } from '@tessera/ui';
import { useCallback, useRef, useState, type FormEvent } from 'react';
import { getEvent } from './get-event.js';
import { ScanResult } from './ScanResult.js';
import { validateTicket, type ScanOutcome } from './validate-ticket.js';

export function ScanPage({ eventId }: { eventId: string }) {
  const event = useAsync((signal) => getEvent(eventId, signal), [eventId]);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<ScanOutcome | null>(null);
  const [tally, setTally] = useState({ admitted: 0, rejected: 0 });
  const input = useRef<HTMLInputElement>(null);

  const check = async (formEvent: FormEvent<HTMLFormElement>) => {
    formEvent.preventDefault();
    const value = code.trim();
    if (!value || busy) return;
    setBusy(true);
    const result = await validateTicket(value);
    setBusy(false);
    setOutcome(result);
    if (result.kind !== 'unreachable') {
      setTally((t) => ({ ...t, [result.kind]: t[result.kind] + 1 }));
    }
  };

  const dismiss = useCallback(() => {
    setOutcome(null);
    setCode('');
    // Focus after the overlay is gone, ready for the next code (or a hardware scanner's Enter).
    requestAnimationFrame(() => input.current?.focus());
  }, []);

  return (
    <div className="ts-stack" style={{ gap: 'var(--space-5)' }}>
      <div className="ts-cluster" style={{ justifyContent: 'space-between', alignItems: 'center' }}>
        <div>
          <h1 style={{ margin: 0 }}>{event.data?.name ?? 'Scan tickets'}</h1>
          {event.data && (
            <p className="ts-muted" style={{ margin: 0 }}>
              {formatEventDateTime(event.data.startsAt, event.data.timezone)}
              {event.data.venue && ` · ${event.data.venue.name}`}
            </p>
          )}
          {event.error ? (
            <p className="ts-muted" style={{ margin: 0 }}>
              Event details could not be loaded; scanning still works.
            </p>
          ) : null}
        </div>
        <Link to="/">Change event</Link>
      </div>

      <form className="ts-form" onSubmit={(e) => void check(e)} aria-label="Check a ticket">
        <TextField
          ref={input}
          label="Ticket code"
          size="xl"
          autoFocus
          autoComplete="off"
          autoCapitalize="characters"
          autoCorrect="off"
          spellCheck={false}
          enterKeyHint="go"
          required
          value={code}
          onChange={(e) => setCode(e.target.value)}
        />
        <Button type="submit" size="lg" block busy={busy}>
          {busy ? 'Checking…' : 'Check'}
        </Button>
      </form>

      <p className="ts-muted" aria-live="polite">
        Checked on this device: {tally.admitted} let in, {tally.rejected} turned away
      </p>

      {outcome && <ScanResult outcome={outcome} onDismiss={dismiss} />}
    </div>
  );
}
