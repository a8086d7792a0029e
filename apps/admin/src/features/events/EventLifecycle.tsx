import { Button, ErrorBanner, TextField } from '@tessera/ui';
import { useState, type FormEvent } from 'react';
import type { EventStatus } from '../../lib/status.js';
import { useAction } from '../../lib/use-action.js';
import { cancelEvent } from './cancel-event.js';
import { closeEventSales } from './close-event-sales.js';
import { completeEvent } from './complete-event.js';
import type { EventDetail } from './get-event.js';
import { publishEvent } from './publish-event.js';
import { reopenEventSales } from './reopen-event-sales.js';

type Step = 'publish' | 'close' | 'reopen' | 'complete';

const STEPS: Record<
  Step,
  { label: string; from: EventStatus[]; run: (id: string) => Promise<EventDetail>; done: string }
> = {
  publish: { label: 'Publish', from: ['draft'], run: publishEvent, done: 'Published: the event is on sale.' },
  close: { label: 'Close sales', from: ['on_sale'], run: closeEventSales, done: 'Sales are closed.' },
  reopen: { label: 'Reopen sales', from: ['sales_closed'], run: reopenEventSales, done: 'Sales are open again.' },
  complete: {
    label: 'Complete',
    from: ['on_sale', 'sales_closed'],
    run: completeEvent,
    done: 'The event is completed.',
  },
};

const CANCELABLE: EventStatus[] = ['draft', 'on_sale', 'sales_closed'];

export interface EventLifecycleProps {
  event: EventDetail;
  onChanged: (event: EventDetail) => void;
}

/** The status moves the event can make now: publish, close and reopen sales, cancel with a reason, complete. */
export function EventLifecycle({ event, onChanged }: EventLifecycleProps) {
  const action = useAction();
  const [canceling, setCanceling] = useState(false);
  const [reason, setReason] = useState('');
  const steps = (Object.keys(STEPS) as Step[]).filter((step) => STEPS[step].from.includes(event.status));

  const move = (step: Step) =>
    void action.run(async () => {
      onChanged(await STEPS[step].run(event.id));
      return STEPS[step].done;
    });

  const confirmCancel = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    void action.run(async () => {
      onChanged(await cancelEvent(event.id, reason.trim() || undefined));
      setCanceling(false);
      return 'The event is canceled.';
    });
  };

  return (
    <section aria-label="Event status" className="ts-stack" style={{ gap: 'var(--space-3)' }}>
      <div className="ts-cluster" style={{ alignItems: 'center' }}>
        {steps.map((step) => (
          <Button
            key={step}
            variant={step === 'publish' || step === 'reopen' ? 'primary' : 'secondary'}
            busy={action.busy}
            onClick={() => move(step)}
          >
            {STEPS[step].label}
          </Button>
        ))}
        {CANCELABLE.includes(event.status) && !canceling && (
          <Button variant="danger" disabled={action.busy} onClick={() => setCanceling(true)}>
            Cancel event
          </Button>
        )}
        <p role="status" className="ts-muted" style={{ margin: 0 }}>
          {action.notice}
        </p>
      </div>
      {canceling && (
        <form className="ts-card ts-form" aria-label="Cancel the event" onSubmit={confirmCancel}>
          <p style={{ margin: 0 }}>
            Canceling stops all sales for good. Buyers see the event as canceled with the reason below.
          </p>
          <TextField
            label="Reason for canceling"
            hint="Optional, shown to buyers"
            maxLength={500}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <div className="ts-cluster">
            <Button type="submit" variant="danger" busy={action.busy}>
              Confirm cancel
            </Button>
            <Button variant="secondary" onClick={() => setCanceling(false)}>
              Keep the event
            </Button>
          </div>
        </form>
      )}
      {event.status === 'canceled' && event.cancelReason && (
        <p className="ts-muted" style={{ margin: 0 }}>
          Canceled: {event.cancelReason}
        </p>
      )}
      <ErrorBanner error={action.error} title="The status did not change" />
    </section>
  );
}
