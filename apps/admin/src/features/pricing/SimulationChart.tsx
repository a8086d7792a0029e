import { EmptyState, formatEventDateTime, formatMoney } from '@tessera/ui';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Simulation } from './simulate-prices.js';

const COLORS = ['#4338ca', '#0891b2', '#16a34a', '#f59e0b', '#dc2626', '#7c3aed', '#db2777'];

/** Price against time, one line per share sold, as the pricing engine computes it. */
export function SimulationChart({ simulation, timeZone }: { simulation: Simulation; timeZone: string }) {
  const { series, currency } = simulation;
  if (series.length === 0 || series[0]?.points.length === 0) {
    return <EmptyState title="Nothing to simulate">Choose at least one share sold.</EmptyState>;
  }
  const data = (series[0]?.points ?? []).map((p, i) => {
    const row: Record<string, number | string> = { at: p.at };
    for (const s of series) row[`s${s.sellThrough}`] = s.points[i]?.price ?? 0;
    return row;
  });
  const money = (v: number) => formatMoney(v, currency);
  const day = (at: string) => formatEventDateTime(at, timeZone).split(',')[0] ?? at;
  return (
    <figure style={{ margin: 0 }} aria-label={`Simulated price in ${currency} against time and share sold`}>
      <ResponsiveContainer width="100%" height={300}>
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 16 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="at" tickFormatter={day} tick={{ fontSize: 12 }} minTickGap={24} />
          <YAxis tickFormatter={money} tick={{ fontSize: 12 }} width={90} />
          <Tooltip
            labelFormatter={(at) => formatEventDateTime(String(at), timeZone)}
            formatter={(v) => money(Number(v))}
          />
          <Legend />
          {series.map((s, i) => (
            <Line
              key={s.sellThrough}
              type="stepAfter"
              dataKey={`s${s.sellThrough}`}
              name={`${s.sellThrough}% sold`}
              stroke={COLORS[i % COLORS.length]}
              dot={false}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
      <figcaption className="ts-muted">
        Computed by the pricing engine from {formatEventDateTime(simulation.from, timeZone)} to{' '}
        {formatEventDateTime(simulation.until, timeZone)}; base price {money(simulation.basePrice)}.
      </figcaption>
    </figure>
  );
}
