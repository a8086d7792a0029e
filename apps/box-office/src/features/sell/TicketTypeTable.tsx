import { Badge, DataTable, EmptyState, formatMoney, humanize, type BadgeTone, type Column } from '@tessera/ui';
import type { TicketType } from './list-ticket-types.js';

const STATUS_TONES: Record<string, BadgeTone> = {
  on_sale: 'success',
  sold_out: 'danger',
  not_yet_on_sale: 'info',
  sales_ended: 'neutral',
};

const COLUMNS: Column<TicketType>[] = [
  { key: 'name', header: 'Ticket type', rowHeader: true, render: (t) => t.name },
  { key: 'price', header: 'Price', align: 'end', render: (t) => formatMoney(t.price, t.currency) },
  {
    key: 'available',
    header: 'Available',
    align: 'end',
    render: (t) => (t.available === null || t.available === undefined ? 'No limit' : t.available),
  },
  {
    key: 'status',
    header: 'Status',
    render: (t) => <Badge tone={STATUS_TONES[t.status] ?? 'neutral'}>{humanize(t.status)}</Badge>,
  },
];

export function TicketTypeTable({ types }: { types: readonly TicketType[] }) {
  return (
    <DataTable
      caption="Ticket types"
      columns={COLUMNS}
      rows={types}
      rowKey={(t) => t.id}
      empty={<EmptyState title="No ticket types">This event has no tickets to sell yet.</EmptyState>}
    />
  );
}
