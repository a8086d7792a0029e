import {
  Button,
  ErrorBanner,
  Select,
  TextArea,
  TextField,
  fieldErrors,
  formatMoney,
  formatTimestamp,
  useAsync,
} from '@tessera/ui';
import { useState, type FormEvent } from 'react';
import { useEventsById } from '../../lib/use-events.js';
import { listMyPurchases } from './list-my-purchases.js';
import { openSupportTicket, type NewSupportTicket } from './open-support-ticket.js';

/** Ask for help: a subject, a message and, if it is about an order, which one. */
export function NewSupportTicketForm({ onOpened }: { onOpened: (id: string) => void }) {
  const [subject, setSubject] = useState('');
  const [message, setMessage] = useState('');
  const [purchaseId, setPurchaseId] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const purchases = useAsync((signal) => listMyPurchases(signal), []);
  const events = useEventsById(purchases.data?.items.map((p) => p.eventId) ?? []);
  const errors = fieldErrors(error);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body: NewSupportTicket = { subject, message, ...(purchaseId ? { purchaseId } : {}) };
      const ticket = await openSupportTicket(body);
      onOpened(ticket.id);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="ts-card ts-form ts-stack" aria-label="Ask for help" onSubmit={(e) => void submit(e)}>
      <TextField
        label="Subject"
        value={subject}
        required
        maxLength={200}
        onChange={(e) => setSubject(e.target.value)}
        error={errors.subject}
      />
      <Select
        label="About an order (optional)"
        value={purchaseId}
        onChange={(e) => setPurchaseId(e.target.value)}
        options={[
          { value: '', label: 'Not about a specific order' },
          ...(purchases.data?.items ?? []).map((p) => ({
            value: p.id,
            label: `${events.get(p.eventId)?.name ?? 'Order'} · ${formatTimestamp(p.createdAt)} · ${formatMoney(p.total, p.currency)}`,
          })),
        ]}
      />
      <TextArea
        label="How can we help?"
        value={message}
        required
        rows={5}
        onChange={(e) => setMessage(e.target.value)}
        error={errors.message}
      />
      <ErrorBanner error={error} hideFields={['subject', 'message']} />
      <div>
        <Button type="submit" busy={busy}>
          Send request
        </Button>
      </div>
    </form>
  );
}
