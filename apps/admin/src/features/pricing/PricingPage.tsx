import {
  Button,
  ErrorBanner,
  Link,
  Loading,
  PageHeader,
  Select,
  formatMoney,
  navigate,
  useAsync,
  useRoute,
  withQuery,
} from '@tessera/ui';
import { useState } from 'react';
import { useAction } from '../../lib/use-action.js';
import './pricing.css';
import { getEvent } from './get-event.js';
import { getPriceHistory } from './get-price-history.js';
import { getPriceRules, type PricePolicy, type PriceRule, type PriceRules } from './get-price-rules.js';
import { listTicketTypes } from './list-ticket-types.js';
import { PriceHistoryChart } from './PriceHistoryChart.js';
import { PromoCodesPanel } from './PromoCodesPanel.js';
import { RuleEditor } from './RuleEditor.js';
import { simulatePrices, type Simulation } from './simulate-prices.js';
import { SimulationChart } from './SimulationChart.js';

/** An event's pricing: per ticket type the rules, a simulation and the price history; the event's promo codes. */
export function PricingPage({ eventId }: { eventId: string }) {
  const { query } = useRoute();
  const event = useAsync((signal) => getEvent(eventId, signal), [eventId]);
  const types = useAsync((signal) => listTicketTypes(eventId, signal), [eventId]);
  const items = types.data?.items ?? [];
  const typeId = query.get('type') ?? items[0]?.id ?? null;
  const type = items.find((t) => t.id === typeId);

  if ((event.loading && !event.data) || (types.loading && !types.data)) return <Loading>Loading pricing…</Loading>;
  return (
    <div className="ts-stack">
      <PageHeader
        title={`Pricing${event.data ? `: ${event.data.name}` : ''}`}
        actions={<Link to={`/events/${eventId}`}>Back to the event</Link>}
      />
      <ErrorBanner error={event.error} title="The event could not be loaded" />
      <ErrorBanner error={types.error} title="The ticket types could not be loaded" />
      {items.length > 0 && (
        <Select
          label="Ticket type"
          options={items.map((t) => ({
            value: t.id,
            label: `${t.name} — now ${formatMoney(t.price, t.currency)} (base ${formatMoney(t.basePrice, t.currency)})`,
          }))}
          value={typeId ?? ''}
          onChange={(e) => navigate(withQuery(`/events/${eventId}/pricing`, { type: e.target.value }))}
        />
      )}
      {type && event.data && (
        <TypePricing
          key={type.id}
          ticketTypeId={type.id}
          currency={type.currency}
          timeZone={event.data.timezone}
          onPriceChanged={types.reload}
        />
      )}
      {event.data && <PromoCodesPanel eventId={eventId} types={items} />}
    </div>
  );
}

function TypePricing({
  ticketTypeId,
  currency,
  timeZone,
  onPriceChanged,
}: {
  ticketTypeId: string;
  currency: string;
  timeZone: string;
  onPriceChanged: () => void;
}) {
  const rules = useAsync((signal) => getPriceRules(ticketTypeId, signal), [ticketTypeId]);
  const history = useAsync((signal) => getPriceHistory(ticketTypeId, signal), [ticketTypeId]);
  const saved = useAsync((signal) => simulatePrices(ticketTypeId, {}, signal), [ticketTypeId]);
  const [draft, setDraft] = useState<Simulation | null>(null);
  const simulate = useAction();

  const onSaved = (next: PriceRules) => {
    rules.reload();
    history.reload();
    saved.reload();
    setDraft(null);
    onPriceChanged();
    return next;
  };
  const onSimulate = (proposal: { policy: PricePolicy; rules: PriceRule[] }) =>
    void simulate.run(async () => {
      setDraft(await simulatePrices(ticketTypeId, proposal));
    });

  if (rules.loading && !rules.data) return <Loading>Loading rules…</Loading>;
  const shown = draft ?? saved.data;
  return (
    <div className="ts-stack">
      <ErrorBanner error={rules.error} title="The rules could not be loaded" />
      {rules.data && (
        <section className="ts-stack" aria-labelledby="price-now-title">
          <h2 id="price-now-title" style={{ margin: 0 }}>
            Now {formatMoney(rules.data.currentPrice, currency)}
          </h2>
          <p className="ts-muted" style={{ margin: 0 }}>
            Base price {formatMoney(rules.data.basePrice, currency)}.{' '}
            {rules.data.explanation.length
              ? rules.data.explanation.map((r) => r.explanation).join('; ')
              : 'No rule applies right now.'}
          </p>
          <RuleEditor
            ticketTypeId={ticketTypeId}
            currency={currency}
            saved={rules.data}
            onSaved={onSaved}
            onSimulate={onSimulate}
          />
        </section>
      )}
      <section className="ts-stack" aria-labelledby="simulation-title">
        <div className="ts-cluster" style={{ justifyContent: 'space-between', alignItems: 'center' }}>
          <h2 id="simulation-title" style={{ margin: 0 }}>
            {draft ? 'Simulation of the rules being edited' : 'Simulation of the saved rules'}
          </h2>
          {draft && (
            <Button variant="ghost" size="sm" onClick={() => setDraft(null)}>
              Show the saved rules
            </Button>
          )}
        </div>
        <ErrorBanner error={simulate.error} title="These rules cannot be simulated" />
        <ErrorBanner error={saved.error} title="The simulation could not be loaded" />
        {shown && <SimulationChart simulation={shown} timeZone={timeZone} />}
      </section>
      <section className="ts-stack" aria-labelledby="history-title">
        <h2 id="history-title" style={{ margin: 0 }}>
          Price history
        </h2>
        <ErrorBanner error={history.error} title="The price history could not be loaded" />
        {history.data && <PriceHistoryChart items={history.data.items} timeZone={timeZone} />}
      </section>
    </div>
  );
}
