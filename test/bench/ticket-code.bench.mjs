// Ticket codes signed and verified per second on one core: a sequential loop of ~3 s per row
// (BENCH_SECONDS), through WebCrypto (what the scanner uses) and through the node:crypto fast path.
// BENCH_IN_FLIGHT=n adds WebCrypto rows with n operations in flight (spread over libuv's threads,
// so not one core). Imports the built library: npm run build:api && node test/bench/ticket-code.bench.mjs
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import os from 'node:os';
import { ROOT, table } from './support.mjs';

const DIST = `${ROOT}dist/libs/ticket-code/src`;
if (!existsSync(`${DIST}/index.js`) || !existsSync(`${DIST}/node.js`)) {
  console.error('dist/libs/ticket-code is missing: run `npm run build:api` first.');
  process.exit(1);
}
const lib = await import(`${DIST}/index.js`);
const node = await import(`${DIST}/node.js`);

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const IN_FLIGHT = Number(process.env.BENCH_IN_FLIGHT ?? 0);
const KEY_ID = 42;
const EVENT = randomUUID();
const NOW = new Date();
const window = { notBefore: new Date(NOW.getTime() - 3_600_000), notAfter: new Date(NOW.getTime() + 3_600_000) };
const FIELDS = Array.from({ length: 1000 }, (_, i) => ({
  ticketId: randomUUID(),
  eventId: EVENT,
  access: i & 0xff,
  ...(i % 2 ? window : {}),
}));

const pair = await lib.generateEventKeyPair();
const webKey = await lib.importPrivateKey(pair.privateKey);
const nodeKey = node.nodePrivateKey(pair.privateKey);
const keyring = new lib.Keyring([{ keyId: KEY_ID, publicKey: pair.publicKey, eventId: EVENT }]);
const CODES = FIELDS.map((f) => node.encodeTicketCodeSync(f, nodeKey, KEY_ID));
const revoked = new Set([randomUUID()]);

/** Runs `op(i)` back to back (awaiting each) for SECONDS; ops per second and CPU use. */
async function measure(op, inFlight = 1) {
  for (let i = 0; i < 200; i++) await op(i); // warm-up
  const cpu = process.cpuUsage();
  const start = performance.now();
  const end = start + SECONDS * 1000;
  let done = 0;
  const worker = async () => {
    while (performance.now() < end) await op(done++);
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  const elapsed = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  return { rate: done / elapsed, cpu: (used.user + used.system) / 1e6 / elapsed };
}

const rows = [];
async function row(path, operation, op, inFlight) {
  const { rate, cpu } = await measure(op, inFlight);
  rows.push({
    path,
    operation,
    'per second': Math.round(rate).toLocaleString('en-US'),
    'µs each': (1e6 / rate).toFixed(1),
    'cpu (cores)': cpu.toFixed(2),
  });
}

// Sanity first: both paths accept the codes and write identical ones.
if ((await lib.encodeTicketCode(FIELDS[1], webKey, KEY_ID)) !== CODES[1]) throw new Error('paths disagree');
await lib.verifyTicketCode(CODES[1], keyring, NOW);
node.verifyTicketCodeSync(CODES[1], keyring, NOW);

const pick = (i) => CODES[i % CODES.length];
await row('webcrypto', 'sign', (i) => lib.encodeTicketCode(FIELDS[i % FIELDS.length], webKey, KEY_ID));
await row('webcrypto', 'verify', (i) => lib.verifyTicketCode(pick(i), keyring, NOW, { revoked }));
await row('node:crypto', 'sign', (i) => node.encodeTicketCodeSync(FIELDS[i % FIELDS.length], nodeKey, KEY_ID));
await row('node:crypto', 'verify', (i) => node.verifyTicketCodeSync(pick(i), keyring, NOW, { revoked }));
await row('(no crypto)', 'decode only', (i) => lib.decodeTicketCode(pick(i)));
if (IN_FLIGHT > 1) {
  const label = `webcrypto x${IN_FLIGHT}`;
  await row(label, 'sign', (i) => lib.encodeTicketCode(FIELDS[i % FIELDS.length], webKey, KEY_ID), IN_FLIGHT);
  await row(label, 'verify', (i) => lib.verifyTicketCode(pick(i), keyring, NOW, { revoked }), IN_FLIGHT);
}

console.log(
  `Ticket codes, Ed25519, ${SECONDS} s per row: Node ${process.version}, ${os.cpus()[0]?.model ?? 'unknown CPU'}`,
);
console.log(`Code text: ${CODES[0].length} chars without a validity window, ${CODES[1].length} with one.\n`);
console.log(table(rows));
