import { DataTable, EmptyState, formatEventDateTime, formatMoney, humanize, type Column } from '@tessera/ui';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { PriceHistoryEntry } from './get-price-history.js';

/** Every published price of a ticket type over time, and why each one. */
export function PriceHistoryChart({ items, timeZone }: { items: readonly PriceHistoryEntry[]; timeZone: string }) {
  if (items.length === 0) {
    return <EmptyState title="No price changes yet">Prices appear here once rules publish them.</EmptyState>;
  }
  const currency = items[0]?.currency ?? 'EUR';
  const money = (v: number) => formatMoney(v, currency);
  const data = [...items].reverse().map((h) => ({ at: h.changedAt, price: h.price }));
  const columns: Column<PriceHistoryEntry>[] = [
    { key: 'at', header: 'When', rowHeader: true, render: (h) => formatEventDateTime(h.changedAt, timeZone) },
    { key: 'price', header: 'Price', align: 'end', render: (h) => money(h.price) },
    {
      key: 'previous',
      header: 'Before',
      align: 'end',
      render: (h) => (h.previousPrice === null ? '—' : money(h.previousPrice)),
    },
    { key: 'reason', header: 'Moved by', render: (h) => humanize(h.reason) },
    {
      key: 'why',
      header: 'Why',
      render: (h) => (h.rules.length ? h.rules.map((r) => r.explanation).join('; ') : 'Base price'),
    },
  ];
  return (
    <div className="ts-stack">
      <figure style={{ margin: 0 }} aria-label={`Price history in ${currency}`}>
        <ResponsiveContainer width="100%" height={240}>
          <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 16 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis
              dataKey="at"
              tickFormatter={(at: string) => formatEventDateTime(at, timeZone)}
              tick={{ fontSize: 12 }}
              minTickGap={32}
            />
            <YAxis tickFormatter={money} tick={{ fontSize: 12 }} width={90} />
            <Tooltip
              labelFormatter={(at) => formatEventDateTime(String(at), timeZone)}
              formatter={(v) => money(Number(v))}
            />
            <Line type="stepAfter" dataKey="price" name="Price" stroke="#4338ca" isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </figure>
      <DataTable caption="Price history" columns={columns} rows={items} rowKey={(h) => h.id} />
    </div>
  );
}
