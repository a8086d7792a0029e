import { Button, ErrorBanner, TextField } from '@tessera/ui';
import { useState, type FormEvent } from 'react';
import { useAction } from '../../lib/use-action.js';
import { blockTicket } from './block-ticket.js';
import { unblockTicket } from './unblock-ticket.js';

export interface TicketBlockControlProps {
  ticketId: string;
  blocked: boolean;
  onChanged: () => void;
}

/** Block a valid ticket with a reason (a dispute, suspected fraud), or lift the block. */
export function TicketBlockControl({ ticketId, blocked, onChanged }: TicketBlockControlProps) {
  const action = useAction();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const tooShort = reason.trim().length < 3;

  if (blocked) {
    return (
      <span className="ts-stack" style={{ gap: 'var(--space-1)' }}>
        <Button
          size="sm"
          variant="secondary"
          disabled={action.busy}
          onClick={() => void action.run(async () => (await unblockTicket(ticketId), onChanged()))}
        >
          Unblock
        </Button>
        <ErrorBanner error={action.error} />
      </span>
    );
  }
  if (!open) {
    return (
      <Button size="sm" variant="secondary" onClick={() => setOpen(true)}>
        Block…
      </Button>
    );
  }
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (tooShort) return;
    void action.run(async () => {
      await blockTicket(ticketId, reason.trim());
      setOpen(false);
      setReason('');
      onChanged();
    });
  };
  return (
    <form onSubmit={submit} className="ts-stack" style={{ gap: 'var(--space-1)' }} aria-label="Block this ticket">
      <TextField
        label="Why block it?"
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={reason && tooShort ? 'Say why in a few words.' : undefined}
        maxLength={500}
        autoFocus
      />
      <span style={{ display: 'flex', gap: 'var(--space-2)' }}>
        <Button size="sm" type="submit" disabled={action.busy || tooShort}>
          Block ticket
        </Button>
        <Button size="sm" variant="secondary" type="button" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </span>
      <ErrorBanner error={action.error} />
    </form>
  );
}
