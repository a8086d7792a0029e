import { Button, Select, TextField } from '@tessera/ui';
import type { TicketType } from './list-ticket-types.js';

/** The counter sale form. It stays disabled until the sales module is in place. */
export function SalesPanel({ types }: { types: readonly TicketType[] }) {
  return (
    <section className="ts-card ts-stack" aria-labelledby="sell-panel-title" aria-describedby="sell-panel-note">
      <h2 id="sell-panel-title" style={{ margin: 0 }}>
        Sell
      </h2>
      <p id="sell-panel-note" className="ts-alert ts-alert--info" style={{ margin: 0 }}>
        Counter sales open with the sales module
      </p>
      <fieldset className="ts-fieldset ts-stack" disabled>
        <legend className="ts-visually-hidden">Sale</legend>
        <Select label="Ticket type" options={types.map((t) => ({ value: t.id, label: t.name }))} />
        <TextField label="Quantity" type="number" min={1} defaultValue={1} inputMode="numeric" />
        <Button size="lg" block>
          Sell
        </Button>
      </fieldset>
    </section>
  );
}
