import { Badge, EmptyState, formatMoney, humanize, type BadgeTone } from '@tessera/ui';
import type { ReactNode } from 'react';
import type { TicketType } from './list-ticket-types.js';

const STATUS_TONES: Record<TicketType['status'], BadgeTone> = {
  on_sale: 'success',
  sold_out: 'danger',
  not_yet_on_sale: 'info',
  sales_ended: 'neutral',
};

const KIND_LABELS: Record<TicketType['kind'], string> = {
  general_admission: 'General admission',
  reserved: 'Reserved seat',
};

/** How many are left, when the type has a capacity of its own. */
function availability(type: TicketType): string | null {
  if (type.status === 'sold_out' || type.available === 0) return 'None left';
  if (type.available === null || type.available === undefined) return null;
  return type.available <= 20 ? `Only ${type.available} left` : `${type.available.toLocaleString()} available`;
}

/** "Up to 10 per order", "2 to 6 per order", "Exactly 4 per order". */
export function perOrderHint({ minPerOrder: min, maxPerOrder: max }: Pick<TicketType, 'minPerOrder' | 'maxPerOrder'>) {
  if (min === max) return `Exactly ${min} per order`;
  if (min <= 1) return `Up to ${max} per order`;
  return `${min} to ${max} per order`;
}

export interface TicketTypeListProps {
  types: readonly TicketType[];
  /** The buyer's controls for a type (a quantity stepper, a seat button). */
  renderControls?: (type: TicketType) => ReactNode;
  /** Shown under a type across the card (its seat picker). */
  renderDetails?: (type: TicketType) => ReactNode;
}

export function TicketTypeList({ types, renderControls, renderDetails }: TicketTypeListProps) {
  if (types.length === 0) {
    return <EmptyState title="No tickets yet">Tickets for this event have not been released.</EmptyState>;
  }
  return (
    <ul className="ts-stack" style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label="Ticket types">
      {types.map((type) => {
        const left = availability(type);
        return (
          <li key={type.id} className="ts-card" style={{ padding: 'var(--space-4)' }}>
            <div className="ts-cluster" style={{ justifyContent: 'space-between', alignItems: 'center' }}>
              <div className="ts-stack" style={{ gap: 'var(--space-1)' }}>
                <h3 style={{ margin: 0 }}>
                  {type.name} {type.hidden && <Badge tone="info">Unlocked with your code</Badge>}
                </h3>
                <p className="ts-muted" style={{ margin: 0, fontSize: 'var(--text-sm)' }}>
                  {[KIND_LABELS[type.kind], perOrderHint(type), left].filter(Boolean).join(' · ')}
                </p>
                {type.description && (
                  <p style={{ margin: 0, fontSize: 'var(--text-sm)', whiteSpace: 'pre-line' }}>{type.description}</p>
                )}
              </div>
              <div className="ts-cluster" style={{ alignItems: 'center' }}>
                <strong style={{ fontSize: 'var(--text-lg)' }}>{formatMoney(type.price, type.currency)}</strong>
                <Badge tone={STATUS_TONES[type.status] ?? 'neutral'}>{humanize(type.status)}</Badge>
                {renderControls?.(type)}
              </div>
            </div>
            {renderDetails?.(type)}
          </li>
        );
      })}
    </ul>
  );
}
