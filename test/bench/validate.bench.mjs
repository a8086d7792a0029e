// Entry validation under load: 100,000 issued tickets (BENCH_TICKETS), each scanned once over 64
// connections (BENCH_CONNECTIONS), then a burst of duplicate scans that must all be rejected
// already_used. Prints validations/s, p50/p99, the admitted count, beside the database ceiling
// measured in the same run (pgbench making the same check-in decision and writing the same log row on
// the same tables). Each scan carries what the scanner app sends: the code, a fresh nonce and the
// scan time; BENCH_GATE=1 adds a gateId (a gate on the event's default check-in list).
// Run: npm run bench:validate (BENCH_TICKETS=20000 for a shorter run)
import { execFileSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { Redis } from 'ioredis';
import pg from 'pg';
import { REDIS_URL, scratchDatabase, startApi, table } from './support.mjs';

const TICKETS = Number(process.env.BENCH_TICKETS ?? 100_000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 64);
const DUPLICATES = Number(process.env.BENCH_DUPLICATES ?? Math.min(10_000, Math.ceil(TICKETS / 10)));
// Scans of another event's tickets before the measured run, until the JIT has settled.
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2000);
// Purchases in flight while issuing (each an order of PER_ORDER tickets).
const ISSUE_PARALLEL = Number(process.env.BENCH_ISSUE_PARALLEL ?? 32);
const PER_ORDER = 10;
const PGBENCH = process.env.PGBENCH ?? '/usr/lib/postgresql/15/bin/pgbench';
const PGBENCH_SECONDS = Number(process.env.BENCH_PGBENCH_SECONDS ?? 10);
const GATE = process.env.BENCH_GATE === '1';

const ADMIN = { email: 'bench@admin.test', password: 'bench-admin-pass' };
const SCANNER = { email: 'gate@bench.test', password: 'gate-password-1', name: 'Gate scanner', roles: ['scanner'] };
const runStarted = performance.now();
const seconds = (from) => ((performance.now() - from) / 1000).toFixed(1);

async function api(base, path, body, token, headers = {}) {
  const res = await fetch(base + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`POST ${path} answered ${res.status}: ${text.slice(0, 500)}`);
  return text ? JSON.parse(text) : {};
}

/** Percentile of a sorted list. */
const pct = (sorted, p) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : 0;

/** A published event with one general-admission type holding `capacity` tickets, 10 per order. */
async function gaEvent(base, admin, name, capacity) {
  const event = await api(
    base,
    '/api/events',
    { name, startsAt: new Date(Date.now() + 30 * 86_400_000).toISOString(), timezone: 'UTC' },
    admin,
  );
  const type = await api(
    base,
    '/api/tickets/types',
    { eventId: event.id, name: 'GA', price: 4500, currency: 'EUR', capacity, maxPerOrder: PER_ORDER },
    admin,
  );
  await api(base, `/api/events/${event.id}/publish`, {}, admin);
  const gateId = GATE ? (await api(base, `/api/events/${event.id}/gates`, { name: 'Main gate' }, admin)).id : undefined;
  return { eventId: event.id, typeId: type.id, gateId };
}

/** Buys `count` tickets in orders of PER_ORDER, ISSUE_PARALLEL orders in flight; their codes, in order. */
async function issue(base, buyer, { eventId, typeId }, count, progress = false) {
  const codes = new Array(count);
  const orders = Math.ceil(count / PER_ORDER);
  let nextOrder = 0;
  let done = 0;
  const step = Math.max(1, Math.ceil(orders / 5));
  const started = performance.now();
  const worker = async () => {
    while (nextOrder < orders) {
      const order = nextOrder++;
      const quantity = Math.min(PER_ORDER, count - order * PER_ORDER);
      const answer = await api(
        base,
        '/api/tickets/purchase',
        {
          eventId,
          items: [{ ticketTypeId: typeId, quantity }],
          payment: { method: 'sandbox', token: 'sandbox_ok' },
        },
        buyer,
        { 'idempotency-key': randomUUID() },
      );
      if (answer.tickets?.length !== quantity) throw new Error(`a purchase of ${quantity} issued no such tickets`);
      answer.tickets.forEach((t, i) => (codes[order * PER_ORDER + i] = t.code));
      if (progress && ++done % step === 0 && done < orders)
        console.log(`  issued ${done * PER_ORDER} of ${count} tickets (${seconds(started)} s)`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(ISSUE_PARALLEL, orders) }, worker));
  if (codes.some((c) => typeof c !== 'string' || !c)) throw new Error('some issued tickets came without a code');
  return codes;
}

/**
 * Scans every code once over CONNECTIONS connections, one code per request. Per answer: the outcome
 * (`admitted`, `rejected:<reason>` or `http <status>`) from the body, the latency and the time.
 */
function scan(base, token, codes, gateId, progress = false) {
  return new Promise((resolve, reject) => {
    const outcomes = {};
    const latencies = [];
    let next = 0;
    let last = 0;
    const started = performance.now();
    const instance = autocannon(
      {
        url: `${base}/api/tickets/validate`,
        connections: Math.min(CONNECTIONS, codes.length),
        amount: codes.length,
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        requests: [
          {
            setupRequest: (req) => ({
              ...req,
              body: JSON.stringify({
                code: codes[next++],
                nonce: randomUUID(),
                scannedAt: new Date().toISOString(),
                ...(gateId ? { gateId } : {}),
              }),
            }),
            onResponse: (status, body) => {
              let outcome = `http ${status}`;
              if (status === 200) {
                try {
                  const answer = JSON.parse(body);
                  outcome = answer.reason ? `${answer.result}:${answer.reason}` : answer.result;
                } catch {
                  outcome = 'unparsable';
                }
              }
              outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
            },
          },
        ],
      },
      (err, result) => {
        if (err) return reject(err);
        latencies.sort((a, b) => a - b);
        const answered = latencies.length;
        resolve({
          sent: next,
          answered,
          rate: Math.round(answered / ((last - started) / 1000)),
          p50: Math.round(pct(latencies, 50)),
          p99: Math.round(pct(latencies, 99)),
          max: Math.round(latencies.at(-1) ?? 0),
          outcomes,
          errors: result.errors + result.timeouts,
          seconds: ((last - started) / 1000).toFixed(1),
        });
      },
    );
    const step = Math.max(1, Math.ceil(codes.length / 5));
    instance.on('response', (_client, _status, _bytes, responseTime) => {
      latencies.push(responseTime);
      last = performance.now();
      if (progress && latencies.length % step === 0 && latencies.length < codes.length)
        console.log(`  scanned ${latencies.length} of ${codes.length} codes (${seconds(started)} s)`);
    });
  });
}

/**
 * The database ceiling: per transaction, one statement making the service's admission decision (the
 * conditional upsert into check_ins, re-entry off) on a fresh ticket id and writing its validation_logs
 * row (with a nonce, and an answer of the same shape), over the same number of connections.
 */
function pgbenchCeiling(databaseUrl, eventId, listId) {
  const script = join(tmpdir(), `validate-${randomUUID()}.sql`);
  writeFileSync(
    script,
    `WITH t AS (SELECT gen_random_uuid() AS id, now() AS at),
admitted AS (
  INSERT INTO check_ins (check_in_list_id, ticket_id, state, first_admitted_at, changed_at)
  SELECT '${listId}', t.id, 'in', t.at, t.at FROM t
  ON CONFLICT (check_in_list_id, ticket_id) DO UPDATE SET state = 'in', changed_at = now()
   WHERE check_ins.state = 'out' AND false
  RETURNING ticket_id
), decided AS (
  SELECT t.id, t.at, CASE WHEN a.ticket_id IS NULL THEN 'rejected' ELSE 'admitted' END AS result,
         CASE WHEN a.ticket_id IS NULL THEN 'already_used' END AS reason
    FROM t LEFT JOIN admitted a ON a.ticket_id = t.id
)
INSERT INTO validation_logs (scope, nonce, event_id, ticket_id, gate_id, check_in_list_id, direction, result, reason, scanned_at, answer)
SELECT 'user:pgbench', gen_random_uuid()::text, '${eventId}', d.id, NULL, '${listId}', 'entry', d.result, d.reason, d.at,
       jsonb_strip_nulls(jsonb_build_object('result', d.result, 'reason', d.reason, 'scannedAt', d.at))
       || jsonb_build_object('ticket', jsonb_build_object('id', d.id, 'eventId', '${eventId}', 'ticketTypeName', 'GA',
            'seat', NULL, 'holderName', 'The Crowd'))
  FROM decided d;
`,
  );
  try {
    const out = execFileSync(
      PGBENCH,
      ['-n', '-c', String(CONNECTIONS), '-j', '2', '-T', String(PGBENCH_SECONDS), '-f', script, databaseUrl],
      { encoding: 'utf8' },
    );
    const tps = Number(/tps = ([\d.]+)/.exec(out)?.[1] ?? 0);
    const latency = Number(/latency average = ([\d.]+) ms/.exec(out)?.[1] ?? 0);
    const failed = Number(/number of failed transactions: (\d+)/.exec(out)?.[1] ?? 0);
    return { tps: Math.round(tps), latency, failed };
  } finally {
    rmSync(script, { force: true });
  }
}

/** Deletes the keys this run left in Redis (sessions, queues), under its own prefixes only. */
async function cleanRedis(prefixes) {
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    for (const prefix of prefixes) {
      let cursor = '0';
      do {
        const [nextCursor, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
        if (keys.length) await redis.del(...keys);
        cursor = nextCursor;
      } while (cursor !== '0');
    }
  } catch (error) {
    console.warn(`could not clean up Redis: ${error.message}`);
  } finally {
    redis.disconnect();
  }
}

const redisPrefixes = [`benchv${randomBytes(3).toString('hex')}:`, `benchq${randomBytes(3).toString('hex')}`];
const { url, drop } = await scratchDatabase();
let server;
let db;
try {
  server = await startApi({
    DATABASE_URL: url,
    LOG_LEVEL: 'warn',
    PAYMENT_SANDBOX: 'true',
    BOOTSTRAP_ADMIN_EMAIL: ADMIN.email,
    BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
    // Issuing 100,000 tickets can outlast the default 15 minutes of an access token on a small machine.
    ACCESS_TOKEN_TTL_SECONDS: '7200',
    REDIS_KEY_PREFIX: redisPrefixes[0],
    QUEUE_PREFIX: redisPrefixes[1],
  });
  db = new pg.Client({ connectionString: url });
  await db.connect();
  const { base } = server;

  const admin = (await api(base, '/api/auth/login', ADMIN)).accessToken;
  await api(base, '/api/staff', SCANNER, admin);
  const buyer = (
    await api(base, '/api/auth/register', {
      email: 'crowd@bench.test',
      password: 'crowd-password-1',
      name: 'The Crowd',
    })
  ).accessToken;
  const main = await gaEvent(base, admin, 'Validation bench', TICKETS);
  const warm = await gaEvent(base, admin, 'Warm-up', Math.max(WARMUP, 1));

  console.log(
    `validate bench: issuing ${TICKETS} tickets (+${WARMUP} warm-up) in orders of ${PER_ORDER}, ${ISSUE_PARALLEL} in flight`,
  );
  const warmCodes = WARMUP ? await issue(base, buyer, warm, WARMUP) : [];
  const issueStarted = performance.now();
  const codes = await issue(base, buyer, main, TICKETS, true);
  const issueSeconds = (performance.now() - issueStarted) / 1000;
  console.log(
    `issued ${TICKETS} tickets in ${issueSeconds.toFixed(1)} s: ${Math.round(TICKETS / issueSeconds)} tickets/s, ${Math.round(TICKETS / PER_ORDER / issueSeconds)} purchases/s`,
  );

  const scanner = (await api(base, '/api/auth/login', { email: SCANNER.email, password: SCANNER.password }))
    .accessToken;
  if (warmCodes.length) await scan(base, scanner, warmCodes, warm.gateId);

  console.log(
    `scanning ${TICKETS} codes once over ${CONNECTIONS} connections${GATE ? ' at a gate' : ''}, then ${DUPLICATES} duplicates (after ${WARMUP} warm-up scans)`,
  );
  const once = await scan(base, scanner, codes, main.gateId, true);
  const duplicates = await scan(base, scanner, codes.slice(0, DUPLICATES), main.gateId);

  const [{ listId }] = (
    await db.query('SELECT id AS "listId" FROM check_in_lists WHERE event_id = $1 AND is_default', [main.eventId])
  ).rows;
  const [stored] = (
    await db.query(
      `SELECT (SELECT count(*)::int FROM check_ins WHERE check_in_list_id = $2) AS "checkIns",
              (SELECT count(*)::int FROM issued_tickets WHERE event_id = $1 AND used_at IS NOT NULL) AS used,
              (SELECT count(*)::int FROM validation_logs WHERE event_id = $1) AS logged`,
      [main.eventId, listId],
    )
  ).rows;

  const others = (run, expected) =>
    Object.entries(run.outcomes)
      .filter(([o]) => o !== expected)
      .map(([o, n]) => `${o} x${n}`)
      .concat(run.errors ? [`errors x${run.errors}`] : [])
      .join(', ') || '-';
  const row = (name, run, expected) => ({
    run: name,
    scans: run.answered,
    'validations/s': run.rate,
    'p50 ms': run.p50,
    'p99 ms': run.p99,
    'max ms': run.max,
    [expected]: run.outcomes[expected] ?? 0,
    other: others(run, expected),
    seconds: run.seconds,
  });
  console.log(table([row(`each ticket once (${TICKETS})`, once, 'admitted')]));
  console.log(table([row(`duplicates (${DUPLICATES})`, duplicates, 'rejected:already_used')]));
  console.log(
    `stored: ${stored.checkIns} check-ins, ${stored.used} tickets marked used, ${stored.logged} validation log rows (expected ${TICKETS}, ${TICKETS}, ${TICKETS + DUPLICATES})`,
  );

  // The API is stopped first: its pool would hold connections pgbench needs, and its CPU is not part of the ceiling.
  await server.stop();
  let ceiling;
  try {
    ceiling = pgbenchCeiling(url, main.eventId, listId);
    const [logged] = (
      await db.query(
        "SELECT count(*)::int AS n, count(*) FILTER (WHERE result = 'admitted')::int AS admitted FROM validation_logs WHERE scope = 'user:pgbench'",
      )
    ).rows;
    console.log(
      `pgbench ceiling (one statement: conditional check-in upsert + log insert, ${CONNECTIONS} clients, ${PGBENCH_SECONDS} s): ${ceiling.tps} tps, ${ceiling.latency} ms average, ${logged.admitted} of ${logged.n} admitted${ceiling.failed ? `, ${ceiling.failed} failed` : ''}`,
    );
  } catch (error) {
    ceiling = { tps: 0 };
    console.log(`pgbench failed: ${String(error.stderr ?? error.message).trim()}`);
  }

  const admitted = once.outcomes.admitted ?? 0;
  const rejectedDuplicates = duplicates.outcomes['rejected:already_used'] ?? 0;
  const ratio = ceiling.tps ? (once.rate / ceiling.tps).toFixed(2) : 'n/a';
  const verdict = (ok) => (ok ? 'ok' : 'MISSED');
  console.log(
    [
      `goals: validations/s / pgbench tps = ${once.rate} / ${ceiling.tps} = ${ratio} (>= 0.6: ${verdict(ceiling.tps && once.rate / ceiling.tps >= 0.6)})`,
      `p99 ${once.p99} ms (< 75 ms: ${verdict(once.p99 < 75)})`,
      `admitted ${admitted} of ${TICKETS} scanned (${verdict(admitted === TICKETS && stored.checkIns === TICKETS)})`,
      `duplicates rejected already_used ${rejectedDuplicates} of ${DUPLICATES} (${verdict(rejectedDuplicates === DUPLICATES)})`,
    ].join('; '),
  );
  console.log(`run time ${seconds(runStarted)} s (issuance ${issueSeconds.toFixed(1)} s)`);
} finally {
  await db?.end();
  await server?.stop();
  await drop();
  await cleanRedis(redisPrefixes);
}
