import { formatMoney } from '@tessera/ui';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { SalesRow } from './get-sales-report.js';

/** Net revenue and refunds per group, in one currency (money in major units on the axis). */
export function SalesChart({ rows, currency }: { rows: readonly SalesRow[]; currency: string }) {
  const data = rows
    .filter((r) => r.currency === currency)
    .map((r) => ({ name: r.label, net: r.net, refunds: r.refunds }));
  if (data.length === 0) return null;
  const money = (v: number) => formatMoney(v, currency);
  return (
    <figure style={{ margin: 0 }} aria-label={`Net revenue and refunds in ${currency}`}>
      <ResponsiveContainer width="100%" height={280}>
        <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 16 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="name" tick={{ fontSize: 12 }} />
          <YAxis tickFormatter={money} tick={{ fontSize: 12 }} width={90} />
          <Tooltip formatter={(value) => money(Number(value))} />
          <Legend />
          <Bar dataKey="net" name="Net revenue" stackId="a" fill="#4338ca" />
          <Bar dataKey="refunds" name="Refunds" stackId="a" fill="#f59e0b" />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
