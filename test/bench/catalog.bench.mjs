// The catalog under load: GET /api/events and GET /api/tickets/types?eventId= at 100 connections
// (autocannon), beside a bare Fastify route returning the same JSON in the same run, plus how
// stale the availability figure gets while sales change it. Run: npm run bench:catalog
import { spawn } from 'node:child_process';
import pg from 'pg';
import { bench, freePort, ROOT, scratchDatabase, startApi, table } from './support.mjs';

const DURATION = Number(process.env.BENCH_DURATION ?? 15);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 100);

async function seed(databaseUrl) {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const [venue] = (
    await db.query(
      "INSERT INTO venues (name, city, country, timezone) VALUES ('Bench Arena', 'Rotterdam', 'NL', 'Europe/Amsterdam') RETURNING id",
    )
  ).rows;
  let eventId;
  for (let i = 0; i < 30; i++) {
    const [e] = (
      await db.query(
        `INSERT INTO games (name, description, starts_at, timezone, status, venue_id, published_at)
         VALUES ($1, 'A benchmark fixture', now() + make_interval(days => $2), 'Europe/Amsterdam', 'on_sale', $3, now()) RETURNING id`,
        [`Bench event ${i}`, i + 1, venue.id],
      )
    ).rows;
    eventId ??= e.id;
  }
  for (const [name, cap] of [
    ['Standing', 8000],
    ['Grandstand', 4000],
    ['VIP', 200],
  ]) {
    await db.query(
      "INSERT INTO ticket_types (event_id, name, price, currency, capacity) VALUES ($1, $2, 4500, 'EUR', $3)",
      [eventId, name, cap],
    );
  }
  return { db, eventId };
}

/** A bare Fastify route serving the same bytes: the ceiling of this machine, measured in the same run. */
async function startBare(paths) {
  const port = await freePort();
  const code = `
    const fastify = require('fastify')();
    const bodies = ${JSON.stringify(paths)};
    for (const [path, body] of Object.entries(bodies)) fastify.get(path, async (req, reply) => reply.header('content-type', 'application/json; charset=utf-8').send(body));
    fastify.listen({ port: ${port}, host: '127.0.0.1' });`;
  const child = spawn(process.execPath, ['-e', code], { cwd: ROOT, stdio: 'inherit' });
  const base = `http://127.0.0.1:${port}`;
  for (
    let i = 0;
    i < 100 &&
    !(await fetch(`${base}/events`).then(
      (r) => r.ok,
      () => false,
    ));
    i++
  )
    await new Promise((r) => setTimeout(r, 50));
  return { base, stop: () => child.kill('SIGTERM') };
}

/** While sales change `sold`, how long until an anonymous reader sees it. */
async function staleness(db, base, eventId, seconds = 5) {
  const [{ id }] = (await db.query('SELECT id FROM ticket_types WHERE event_id = $1 ORDER BY name LIMIT 1', [eventId]))
    .rows;
  let worst = 0;
  for (let i = 0; i < seconds * 4; i++) {
    const sold = 1000 + i;
    await db.query('UPDATE ticket_types SET sold = $2 WHERE id = $1', [id, sold]);
    const changedAt = Date.now();
    for (;;) {
      const body = await (await fetch(`${base}/api/tickets/types?eventId=${eventId}`)).json();
      const t = body.items.find((x) => x.id === id);
      if (t.available === t.capacity - sold) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    worst = Math.max(worst, Date.now() - changedAt);
    await new Promise((r) => setTimeout(r, 50 + Math.random() * 200));
  }
  return worst;
}

const { url, drop } = await scratchDatabase();
const { db, eventId } = await seed(url);
const api = await startApi({ DATABASE_URL: url, LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn' });
try {
  const eventsPath = '/api/events';
  const typesPath = `/api/tickets/types?eventId=${eventId}`;
  const bodies = {
    '/events': await (await fetch(api.base + eventsPath)).text(),
    '/types': await (await fetch(api.base + typesPath)).text(),
  };
  console.log(
    `catalog bench: ${CONNECTIONS} connections, ${DURATION} s per run, ${Math.round(bodies['/events'].length / 1024)} KiB event list`,
  );
  const events = await bench(api.base + eventsPath, { connections: CONNECTIONS, duration: DURATION });
  const types = await bench(api.base + typesPath, { connections: CONNECTIONS, duration: DURATION });
  await api.stop();
  const bare = await startBare(bodies);
  const bareEvents = await bench(`${bare.base}/events`, { connections: CONNECTIONS, duration: DURATION });
  const bareTypes = await bench(`${bare.base}/types`, { connections: CONNECTIONS, duration: DURATION });
  bare.stop();
  const api2 = await startApi({ DATABASE_URL: url, LOG_LEVEL: 'warn' });
  const worst = await staleness(db, api2.base, eventId);
  await api2.stop();
  console.log(
    table([
      {
        route: 'GET /api/events',
        'req/s': events.rps,
        'p50 ms': events.p50,
        'p99 ms': events.p99,
        'bare req/s (ceiling)': bareEvents.rps,
        ratio: (events.rps / bareEvents.rps).toFixed(2),
        goal: '>= 0.65',
        errors: events.errors + events.non2xx,
      },
      {
        route: 'GET /api/tickets/types',
        'req/s': types.rps,
        'p50 ms': types.p50,
        'p99 ms': types.p99,
        'bare req/s (ceiling)': bareTypes.rps,
        ratio: (types.rps / bareTypes.rps).toFixed(2),
        goal: '>= 0.65',
        errors: types.errors + types.non2xx,
      },
    ]),
  );
  console.log(`availability staleness while sales change it: worst ${worst} ms (goal <= 1000 ms)`);
} finally {
  await api.stop().catch(() => undefined);
  await db.end();
  await drop();
}
