// A flash sale: 2,000 buyers over 50 connections for 1,000 general-admission tickets, then the
// same over reserved seats (best available among 5,000). Prints purchases/s, p50/p99, sold and
// oversold, beside the database ceiling measured in the same run (pgbench making the same
// inventory decision), and sold-out answers/s beside a bare Nest route. Run: npm run bench:flash-sale
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { bench, scratchDatabase, startApi, table } from './support.mjs';

const BUYERS = Number(process.env.BENCH_BUYERS ?? 2000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2000);
// BENCH_RUNS=ga,soldout runs a subset (for profiling); all runs by default.
const RUNS = new Set((process.env.BENCH_RUNS ?? 'ga,seated,soldout').split(','));
const PGBENCH = process.env.PGBENCH ?? '/usr/lib/postgresql/15/bin/pgbench';

async function api(base, path, body, token, headers = {}) {
  const res = await fetch(base + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: JSON.stringify(body),
  });
  return res.json();
}

/** Percentile of a sorted list. */
const pct = (sorted, p) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : 0;

/**
 * Sends `amount` purchases (or, with `duration`, as many as fit) over CONNECTIONS connections, each
 * with its own Idempotency-Key. Figures per answer status: count, rate over the time until the last
 * such answer, p50/p99 latency.
 */
function sale(base, token, body, { amount = BUYERS, duration } = {}) {
  return new Promise((resolve, reject) => {
    const by = {};
    const started = performance.now();
    const instance = autocannon(
      {
        url: `${base}/api/tickets/purchase`,
        connections: CONNECTIONS,
        ...(duration ? { duration } : { amount }),
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
        requests: [
          { setupRequest: (req) => ({ ...req, headers: { ...req.headers, 'idempotency-key': randomUUID() } }) },
        ],
      },
      (err) => {
        if (err) return reject(err);
        const statuses = {};
        for (const [status, s] of Object.entries(by)) {
          s.latencies.sort((a, b) => a - b);
          statuses[status] = {
            n: s.latencies.length,
            rate: Math.round(s.latencies.length / ((s.last - started) / 1000)),
            p50: Math.round(pct(s.latencies, 50)),
            p99: Math.round(pct(s.latencies, 99)),
          };
        }
        resolve(statuses);
      },
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      const s = (by[statusCode] ??= { latencies: [], last: 0 });
      s.latencies.push(responseTime);
      s.last = performance.now();
    });
  });
}

function pgbenchCeiling(databaseUrl, eventId, typeId) {
  const script = join(tmpdir(), `flash-${randomUUID()}.sql`);
  writeFileSync(
    script,
    `BEGIN;
UPDATE ticket_types SET sold = sold + 1 WHERE id = '${typeId}' AND sold + 1 <= capacity RETURNING id;
INSERT INTO issued_tickets (purchase_id, event_id, ticket_type_id, price, currency) VALUES (gen_random_uuid(), '${eventId}', '${typeId}', 1000, 'EUR');
END;
`,
  );
  const out = execFileSync(
    PGBENCH,
    ['-n', '-c', String(CONNECTIONS), '-j', '2', '-T', '10', '-f', script, databaseUrl],
    { encoding: 'utf8' },
  );
  const tps = Number(/tps = ([\d.]+)/.exec(out)?.[1] ?? 0);
  const latency = Number(/latency average = ([\d.]+) ms/.exec(out)?.[1] ?? 0);
  return { tps: Math.round(tps), latency };
}

const { url, drop } = await scratchDatabase();
const server = await startApi({
  DATABASE_URL: url,
  LOG_LEVEL: 'warn',
  PAYMENT_SANDBOX: 'true',
  BOOTSTRAP_ADMIN_EMAIL: 'bench@admin.test',
  BOOTSTRAP_ADMIN_PASSWORD: 'bench-admin-pass',
});
const db = new pg.Client({ connectionString: url });
await db.connect();
try {
  const admin = (await api(server.base, '/api/auth/login', { email: 'bench@admin.test', password: 'bench-admin-pass' }))
    .accessToken;
  const event = await api(
    server.base,
    '/api/events',
    { name: 'Flash sale', startsAt: new Date(Date.now() + 30 * 86_400_000).toISOString(), timezone: 'UTC' },
    admin,
  );
  const ga = await api(
    server.base,
    '/api/tickets/types',
    { eventId: event.id, name: 'GA', price: 4500, currency: 'EUR', capacity: 1000 },
    admin,
  );
  const venue = await api(server.base, '/api/venues', { name: 'Bench Stadium', timezone: 'UTC' }, admin);
  const section = await api(server.base, `/api/venues/${venue.id}/sections`, { name: 'Bowl', kind: 'reserved' }, admin);
  await api(
    server.base,
    `/api/venues/${venue.id}/sections/${section.id}/seats/generate`,
    { rows: 50, seatsPerRow: 100 },
    admin,
  );
  /** A published event of the venue selling the bowl's seats. */
  const seatedSale = async (name, price) => {
    const seatedEvent = await api(
      server.base,
      '/api/events',
      { name, startsAt: new Date(Date.now() + 30 * 86_400_000).toISOString(), timezone: 'UTC', venueId: venue.id },
      admin,
    );
    const type = await api(
      server.base,
      '/api/tickets/types',
      { eventId: seatedEvent.id, name: 'Bowl', price, currency: 'EUR', sectionIds: [section.id] },
      admin,
    );
    await api(server.base, `/api/events/${seatedEvent.id}/publish`, {}, admin);
    return { seatedEvent, type };
  };
  const { seatedEvent, type: seated } = await seatedSale('Seated flash sale', 6000);
  await api(server.base, `/api/events/${event.id}/publish`, {}, admin);
  const buyer = (
    await api(server.base, '/api/auth/register', {
      email: 'crowd@bench.test',
      password: 'crowd-password-1',
      name: 'The Crowd',
    })
  ).accessToken;

  // Warm-up, not measured: the same requests against another event until the JIT has settled.
  const warmEvent = await api(
    server.base,
    '/api/events',
    { name: 'Warm-up', startsAt: new Date(Date.now() + 30 * 86_400_000).toISOString(), timezone: 'UTC' },
    admin,
  );
  const warmType = await api(
    server.base,
    '/api/tickets/types',
    { eventId: warmEvent.id, name: 'GA', price: 100, currency: 'EUR', capacity: WARMUP / 2 },
    admin,
  );
  await api(server.base, `/api/events/${warmEvent.id}/publish`, {}, admin);
  await sale(
    server.base,
    buyer,
    {
      eventId: warmEvent.id,
      items: [{ ticketTypeId: warmType.id, quantity: 1 }],
      payment: { method: 'sandbox', token: 'sandbox_ok' },
    },
    { amount: WARMUP },
  );
  if (RUNS.has('seated')) {
    // Best available has its own code and SQL (the free-seat read): warmed on another event of the venue.
    const { seatedEvent: warmSeated, type: warmSeats } = await seatedSale('Warm-up seated', 100);
    await sale(
      server.base,
      buyer,
      {
        eventId: warmSeated.id,
        bestAvailable: { ticketTypeId: warmSeats.id, quantity: 1 },
        payment: { method: 'sandbox', token: 'sandbox_ok' },
      },
      { amount: WARMUP / 2 },
    );
  }

  console.log(
    `flash-sale bench: ${BUYERS} buyers over ${CONNECTIONS} connections (after ${WARMUP} general-admission warm-up requests${RUNS.has('seated') ? ` and ${WARMUP / 2} best-available ones` : ''})`,
  );
  const gaRun = await sale(server.base, buyer, {
    eventId: event.id,
    items: [{ ticketTypeId: ga.id, quantity: 1 }],
    payment: { method: 'sandbox', token: 'sandbox_ok' },
  });
  const skipped = {};
  const seatRun = !RUNS.has('seated')
    ? skipped
    : await sale(server.base, buyer, {
        eventId: seatedEvent.id,
        bestAvailable: { ticketTypeId: seated.id, quantity: 1 },
        payment: { method: 'sandbox', token: 'sandbox_ok' },
      });
  // Sold-out answers (the GA type is gone) beside a bare route through the same Nest pipeline.
  const soldOut = !RUNS.has('soldout')
    ? skipped
    : await sale(
        server.base,
        buyer,
        {
          eventId: event.id,
          items: [{ ticketTypeId: ga.id, quantity: 1 }],
          payment: { method: 'sandbox', token: 'sandbox_ok' },
        },
        { duration: 5 },
      );
  const bare = await bench(`${server.base}/api/health/live`, { connections: CONNECTIONS, duration: 5 });

  const gaSold = (await db.query('SELECT sold, capacity FROM ticket_types WHERE id = $1', [ga.id])).rows[0];
  const gaTickets = (
    await db.query("SELECT count(*)::int AS n FROM issued_tickets WHERE ticket_type_id = $1 AND status = 'valid'", [
      ga.id,
    ])
  ).rows[0].n;
  const seatTickets = (
    await db.query(
      'SELECT count(*)::int AS n, count(DISTINCT seat_id)::int AS distinct FROM issued_tickets WHERE ticket_type_id = $1',
      [seated.id],
    )
  ).rows[0];

  // The database ceiling: the same decision as one statement plus the insert, on a fresh type.
  const ceilingType = (
    await db.query(
      "INSERT INTO ticket_types (event_id, name, price, currency, capacity) VALUES ($1, 'ceiling', 1, 'EUR', 100000000) RETURNING id",
      [event.id],
    )
  ).rows[0].id;
  const ceiling = pgbenchCeiling(url, event.id, ceilingType);

  const none = { n: 0, rate: 0, p50: 0, p99: 0 };
  const row = (name, run, sold, oversold) => {
    const paid = run[201] ?? none;
    return {
      run: name,
      'purchases/s': paid.rate,
      'p50 ms': paid.p50,
      'p99 ms': paid.p99,
      'paid (201)': paid.n,
      'refused (409)': run[409]?.n ?? 0,
      other:
        Object.entries(run)
          .filter(([s]) => s !== '201' && s !== '409')
          .map(([s, f]) => `${s}x${f.n}`)
          .join(' ') || '-',
      sold,
      oversold,
      'ceiling tps (pgbench)': ceiling.tps,
      ratio: (paid.rate / ceiling.tps).toFixed(2),
    };
  };
  console.log(
    table([
      row(
        'general admission (1,000)',
        gaRun,
        gaTickets,
        Math.max(0, gaSold.sold - gaSold.capacity) + Math.max(0, gaTickets - 1000),
      ),
      row('best available (5,000 seats)', seatRun, seatTickets.n, seatTickets.n - seatTickets.distinct),
    ]),
  );
  console.log(
    `purchases/s counts paid answers until the last one; latency is that of paid answers. goals: ratio >= 0.5 of the pgbench ceiling, p99 < 150 ms, oversold 0 (pgbench: ${ceiling.tps} tps, ${ceiling.latency} ms average)`,
  );
  const refused = soldOut[409] ?? none;
  console.log(
    `sold-out answers (5 s): ${refused.rate}/s (p50 ${refused.p50} ms, p99 ${refused.p99} ms) vs bare Nest route ${bare.rps}/s = ${(refused.rate / bare.rps).toFixed(2)} (goal >= 0.5)`,
  );
} finally {
  await db.end();
  await server.stop();
  await drop();
}
