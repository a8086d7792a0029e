// Entry validation: every decision of POST /api/tickets/validate, in its order, plus check-in lists,
// exits and re-entry, nonces, the log, and 50 simultaneous scans of one ticket. Devices, offline
// uploads, the Validation Engine and analytics: validation-devices.e2e-spec.ts.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { encodeTicketCode, generateEventKeyPair } from '../../libs/ticket-code/src/index.js';
import { encodeTicketCodeSync } from '../../libs/ticket-code/src/node.js';
import { TicketCodesService } from '../../apps/api/src/modules/tickets/ticket-codes.service.js';
import { makeCustomer, makeStaff, type TestApp } from '../support/app.js';
import { entryActors, entryFixtures } from '../support/entry-fixtures.js';
import { auth } from '../support/factories.js';

let t: TestApp;
let manager: string;
let scanner: string;
let buyer: Awaited<ReturnType<typeof makeCustomer>>;

beforeAll(async () => {
  ({ t, manager, scanner, buyer } = await entryActors('Gina Gate'));
});
afterAll(async () => {
  await t?.close();
});

const { eventWithTickets, scan, gate } = entryFixtures(() => ({ t, manager, scanner, buyer }));

describe('the decision, case by case', () => {
  it('answers each case with its reason, in the documented order, and logs every scan', async () => {
    const a = await eventWithTickets({ ga: 6, vip: 1 });
    const b = await eventWithTickets({ ga: 1 });
    const vipGate = await gate(a.eventId, { zone: ['vip'], list: { name: 'VIP lounge' } });
    const mainGate = await gate(a.eventId);
    const [fresh, used, refunded, transferred, other, held] = a.ga;
    const [unpaid] = await a.more(1);

    // A code for event A's ticket, signed by a key the event never had.
    const stranger = await generateEventKeyPair();
    const keyId = (await t.http().get(`/api/events/${a.eventId}/ticket-keys`).set(auth(scanner))).body.items[0].keyId;
    const forged = await encodeTicketCode(
      { ticketId: fresh.id, eventId: a.eventId, access: 1 },
      stranger.privateKey,
      keyId,
    );

    await scan({ code: used.code, gateId: mainGate });
    const agent = (await makeStaff(t, ['support_agent'])).accessToken;
    expect(
      (
        await t
          .http()
          .post(`/api/purchases/${refunded.purchaseId}/refunds`)
          .set(auth(agent))
          .send({ ticketIds: [refunded.id] })
      ).status,
    ).toBe(201);
    await t.db.query("UPDATE ticket_purchases SET status = 'pending_payment' WHERE id = $1", [unpaid.purchaseId]);
    const moved = await t
      .http()
      .post(`/api/me/tickets/${transferred.id}/transfer`)
      .set(auth(buyer.accessToken))
      .send({ email: 'friend.of.gina@test.local' });
    expect(moved.status).toBe(200);
    const blocked = await t
      .http()
      .post(`/api/issued-tickets/${held.id}/block`)
      .set(auth(agent))
      .send({ reason: 'Chargeback under review' });
    expect(blocked.status).toBe(200);

    const cases: [string, Record<string, unknown>, 'admitted' | 'rejected', string | undefined][] = [
      ['garbage', { code: 'not a ticket at all' }, 'rejected', 'invalid'],
      ['empty', { code: '' }, 'rejected', 'invalid'],
      ['binary', { code: '\u0000\u0001\u00ff\ufffd'.repeat(20) }, 'rejected', 'invalid'],
      ['truncated', { code: fresh.code.slice(0, 100) }, 'rejected', 'invalid'],
      ['forged', { code: forged }, 'rejected', 'invalid'],
      ['revoked (transferred)', { code: transferred.code, gateId: mainGate }, 'rejected', 'revoked'],
      ['wrong event', { code: b.ga[0].code, gateId: mainGate }, 'rejected', 'wrong_event'],
      ['refunded', { code: refunded.code, gateId: mainGate }, 'rejected', 'canceled'],
      ['unpaid', { code: unpaid.code, gateId: mainGate }, 'rejected', 'unpaid'],
      // Blocked comes before the zone: this general ticket at the VIP gate is refused as blocked.
      ['blocked', { code: held.code, gateId: vipGate }, 'rejected', 'blocked'],
      ['zone denied', { code: fresh.code, gateId: vipGate }, 'rejected', 'zone_denied'],
      ['already used', { code: used.code, gateId: mainGate }, 'rejected', 'already_used'],
      ['admitted', { code: fresh.code, gateId: mainGate }, 'admitted', undefined],
      ['vip admitted to the VIP zone', { code: a.vip[0].code, gateId: vipGate }, 'admitted', undefined],
    ];
    const before = (await t.db.query('SELECT count(*)::int AS n FROM validation_logs'))[0].n as number;
    for (const [name, body, result, reason] of cases) {
      const res = await scan(body);
      expect({ name, status: res.status, result: res.body.result, reason: res.body.reason }).toEqual({
        name,
        status: 200,
        result,
        reason,
      });
      expect(Date.parse(res.body.scannedAt)).not.toBeNaN();
    }
    const after = (await t.db.query('SELECT count(*)::int AS n FROM validation_logs'))[0].n as number;
    expect(after - before).toBe(cases.length);
    const admitted = await scan({ code: other.code, gateId: mainGate });
    expect(admitted.body.ticket).toMatchObject({ id: other.id, ticketTypeName: 'Standing', seat: null });
  });

  it('staff block and unblock a ticket: refused as blocked meanwhile, listed for offline scanners, audited', async () => {
    const a = await eventWithTickets({ ga: 2, vip: 1 });
    const [held, free] = a.ga;
    const agent = (await makeStaff(t, ['support_agent'])).accessToken;
    const block = (id: string, token: string, body: Record<string, unknown> = { reason: 'Disputed payment' }) =>
      t.http().post(`/api/issued-tickets/${id}/block`).set(auth(token)).send(body);

    expect((await block(held.id, buyer.accessToken)).status).toBe(403);
    expect((await block(held.id, scanner)).status).toBe(403);
    expect((await block(randomUUID(), agent)).body.code).toBe('TICKET_NOT_FOUND');
    const short = await block(held.id, agent, { reason: '' });
    expect([short.status, short.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(
      (await t.db.query('SELECT blocked_at FROM issued_tickets WHERE id = $1', [held.id]))[0].blocked_at,
    ).toBeNull();

    const res = await block(held.id, agent);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ticketId: held.id, blocked: true, reason: 'Disputed payment' });
    expect((await scan({ code: held.code, eventId: a.eventId })).body).toMatchObject({
      result: 'rejected',
      reason: 'blocked',
    });
    const transfer = await t
      .http()
      .post(`/api/me/tickets/${held.id}/transfer`)
      .set(auth(buyer.accessToken))
      .send({ email: 'someone.else@test.local' });
    expect([transfer.status, transfer.body.code]).toEqual([409, 'TICKET_NOT_TRANSFERABLE']);
    const mine = await t.http().get('/api/me/tickets').set(auth(buyer.accessToken)).query({ limit: 200 });
    expect(mine.body.items.find((x: { id: string }) => x.id === held.id)?.blocked).toBe(true);

    const revocations = await t.http().get(`/api/events/${a.eventId}/revocations`).set(auth(scanner));
    expect(revocations.body.blocked).toEqual([held.id]);
    const offline = await t.http().get(`/api/events/${a.eventId}/offline-tickets`).set(auth(scanner));
    expect(offline.status).toBe(200);
    expect(offline.body.ticketTypes.map((x: { name: string; accessLevel: string }) => [x.name, x.accessLevel])).toEqual(
      [
        ['Standing', 'general'],
        ['VIP', 'vip'],
      ],
    );
    const byId = new Map(offline.body.tickets.map((x: { id: string }) => [x.id, x]));
    expect(byId.size).toBe(3);
    expect(byId.get(held.id)).toMatchObject({ type: 0, holder: 'Gina Gate', blocked: true });
    expect(byId.get(free.id)).toEqual({ id: free.id, type: 0, holder: 'Gina Gate' });
    expect(byId.get(a.vip[0].id)).toMatchObject({ type: 1 });
    expect((await t.http().get(`/api/events/${randomUUID()}/offline-tickets`).set(auth(scanner))).status).toBe(404);
    expect((await t.http().get(`/api/events/${a.eventId}/offline-tickets`).set(auth(buyer.accessToken))).status).toBe(
      403,
    );

    const unblocked = await t.http().delete(`/api/issued-tickets/${held.id}/block`).set(auth(agent));
    expect(unblocked.body).toMatchObject({ blocked: false, blockedAt: null, reason: null });
    expect((await scan({ code: held.code, eventId: a.eventId })).body.result).toBe('admitted');
    expect((await t.http().get(`/api/events/${a.eventId}/revocations`).set(auth(scanner))).body.blocked).toEqual([]);
    const audit = await t.db.query(
      "SELECT action, after FROM audit_logs WHERE entity_type = 'ticket' AND entity_id = $1 ORDER BY id",
      [held.id],
    );
    expect(audit.map((r: { action: string }) => r.action)).toEqual(['ticket.blocked', 'ticket.unblocked']);

    // A ticket already refunded has nothing left to block.
    const refund = await t
      .http()
      .post(`/api/purchases/${free.purchaseId}/refunds`)
      .set(auth(agent))
      .send({ ticketIds: [free.id] });
    expect(refund.status).toBe(201);
    expect((await block(free.id, agent)).body.code).toBe('TICKET_NOT_VALID');
  });

  it('a code outside its validity window is invalid_time on entry', async () => {
    const a = await eventWithTickets({ ga: 1 });
    const ticket = a.ga[0];
    // Signed with the event's own key (the service's loader, as issuance uses it), with a past window.
    const codes = t.app.get(TicketCodesService) as unknown as {
      ds: { manager: unknown };
      activeKey(m: unknown, eventId: string): Promise<{ id: number; key: Parameters<typeof encodeTicketCodeSync>[1] }>;
    };
    const signing = await codes.activeKey(codes.ds.manager, a.eventId);
    const past = encodeTicketCodeSync(
      {
        ticketId: ticket.id,
        eventId: a.eventId,
        access: 1,
        notBefore: new Date(Date.now() - 2 * 86_400_000),
        notAfter: new Date(Date.now() - 86_400_000),
      },
      signing.key,
      signing.id,
    );
    await t.db.query('UPDATE issued_tickets SET code = $2 WHERE id = $1', [ticket.id, past]);
    const res = await scan({ code: past });
    expect(res.body).toMatchObject({ result: 'rejected', reason: 'invalid_time' });
    // Inside the window (an offline scan made yesterday, uploaded now) it is admitted.
    const yesterday = new Date(Date.now() - 1.5 * 86_400_000).toISOString();
    expect((await scan({ code: past, scannedAt: yesterday })).body.result).toBe('admitted');
  });

  it('refuses bad requests with 400 and customers with 403, logging nothing', async () => {
    const before = (await t.db.query('SELECT count(*)::int AS n FROM validation_logs'))[0].n as number;
    expect((await scan({ code: 'x'.repeat(5000) })).status).toBe(400);
    expect((await scan({})).status).toBe(400);
    expect((await scan({ code: 'x', direction: 'sideways' })).status).toBe(400);
    expect((await scan({ code: 'x', gateId: randomUUID() })).status).toBe(404);
    const customer = await scan({ code: 'x' }, buyer.accessToken);
    expect(customer.status).toBe(403);
    const after = (await t.db.query('SELECT count(*)::int AS n FROM validation_logs'))[0].n as number;
    expect(after).toBe(before);
  });
});

describe('check-in lists, exits and nonces', () => {
  it('each list admits a ticket once, independently; re-entry only where the list allows it', async () => {
    const a = await eventWithTickets({ ga: 2 });
    const main = await gate(a.eventId);
    const lounge = await gate(a.eventId, { list: { name: 'Lounge', allowReentry: true } });
    const [x, y] = a.ga;
    expect((await scan({ code: x.code, gateId: main })).body.result).toBe('admitted');
    expect((await scan({ code: x.code, gateId: lounge })).body.result).toBe('admitted');
    expect((await scan({ code: x.code, gateId: lounge })).body.reason).toBe('already_used');
    // Lounge: out and back in. Main: no re-entry.
    expect((await scan({ code: x.code, gateId: lounge, direction: 'exit' })).body.result).toBe('admitted');
    expect((await scan({ code: x.code, gateId: lounge, direction: 'exit' })).body.result).toBe('admitted');
    expect((await scan({ code: x.code, gateId: lounge })).body.result).toBe('admitted');
    expect((await scan({ code: x.code, gateId: main, direction: 'exit' })).body.result).toBe('admitted');
    expect((await scan({ code: x.code, gateId: main })).body.reason).toBe('already_used');
    // A scan without a gate uses the event's default list (the main entrance).
    expect((await scan({ code: y.code })).body.result).toBe('admitted');
    expect((await scan({ code: y.code, gateId: main })).body.reason).toBe('already_used');
    const [{ used_at: usedAt }] = await t.db.query('SELECT used_at FROM issued_tickets WHERE id = $1', [y.id]);
    expect(usedAt).not.toBeNull();
  });

  it('a repeated nonce returns the first answer and logs nothing new', async () => {
    const a = await eventWithTickets({ ga: 1 });
    const nonce = `n-${randomUUID()}`;
    const first = await scan({ code: a.ga[0].code, nonce });
    expect(first.body.result).toBe('admitted');
    const count = async () =>
      (await t.db.query('SELECT count(*)::int AS n FROM validation_logs WHERE ticket_id = $1', [a.ga[0].id]))[0].n;
    const logged = await count();
    const again = await scan({ code: a.ga[0].code, nonce });
    expect(again.body).toEqual(first.body);
    expect(await count()).toBe(logged);
    expect((await scan({ code: a.ga[0].code })).body.reason).toBe('already_used');
  });

  it('50 simultaneous scans of one ticket admit exactly one', async () => {
    const a = await eventWithTickets({ ga: 1 });
    const answers = await Promise.all(Array.from({ length: 50 }, () => scan({ code: a.ga[0].code })));
    const results = answers.map((r) => `${r.status} ${r.body.result} ${r.body.reason ?? ''}`.trim());
    expect(results.filter((r) => r === '200 admitted')).toHaveLength(1);
    expect(results.filter((r) => r === '200 rejected already_used')).toHaveLength(49);
    const [{ n }] = await t.db.query('SELECT count(*)::int AS n FROM check_ins WHERE ticket_id = $1', [a.ga[0].id]);
    expect(n).toBe(1);
  });

  it('scans arriving together, sent as batches, are each decided alone: twice each ticket, nonce retries, garbage', async () => {
    const a = await eventWithTickets({ ga: 10 });
    const retried = randomUUID();
    const bodies = [
      ...a.ga.flatMap((ticket) => [{ code: ticket.code }, { code: ticket.code }]),
      { code: a.ga[0].code, nonce: retried },
      { code: a.ga[0].code, nonce: retried },
      { code: 'garbage' },
      { code: `${a.ga[1].code.slice(0, -4)}AAAA` },
    ];
    const n = a.ga.length;
    const answers = await Promise.all(bodies.map((body) => scan(body)));
    expect(answers.every((r) => r.status === 200)).toBe(true);
    const of = (i: number) => `${answers[i].body.result} ${answers[i].body.reason ?? ''}`.trim();
    // Each ticket admits exactly once however its scans were grouped (ticket 0 also had the nonce scan).
    const scansOf = (i: number) => (i === 0 ? [0, 1, 2 * n] : [2 * i, 2 * i + 1]).map(of);
    for (let i = 0; i < a.ga.length; i++) {
      expect(scansOf(i).filter((r) => r === 'admitted')).toHaveLength(1);
      expect(scansOf(i).filter((r) => r === 'rejected already_used')).toHaveLength(scansOf(i).length - 1);
    }
    // A retried nonce gets its first answer again; garbage and a bad signature are invalid.
    expect(answers[2 * n + 1].body).toEqual(answers[2 * n].body);
    expect([of(2 * n + 2), of(2 * n + 3)]).toEqual(['rejected invalid', 'rejected invalid']);
    const [{ admitted }] = await t.db.query(
      'SELECT count(*)::int AS admitted FROM check_ins WHERE ticket_id = ANY($1::uuid[])',
      [a.ga.map((x) => x.id)],
    );
    expect(admitted).toBe(n);
    // Every scan is logged once; the retry of a nonce is not a second scan.
    const [{ logged }] = await t.db.query(
      `SELECT count(*)::int AS logged FROM validation_logs WHERE ticket_id = ANY($1::uuid[])`,
      [a.ga.map((x) => x.id)],
    );
    expect(logged).toBe(2 * n + 1);
  });
});

describe('scans without a gate, and offline rejections', () => {
  it('eventId in the body makes another event’s ticket wrong_event; a scan a device turned away never checks in', async () => {
    const a = await eventWithTickets({ ga: 2 });
    const b = await eventWithTickets({ ga: 1 });
    const wrong = await scan({ code: b.ga[0].code, eventId: a.eventId });
    expect(wrong.body).toMatchObject({ result: 'rejected', reason: 'wrong_event' });
    const at = new Date(Date.now() - 60_000).toISOString();
    const upload = await t
      .http()
      .post('/api/tickets/validate/batch')
      .set(auth(scanner))
      .send({
        scans: [
          {
            code: a.ga[0].code,
            eventId: a.eventId,
            nonce: `r-${a.ga[0].id}`,
            scannedAt: at,
            offlineResult: 'rejected',
          },
          {
            code: a.ga[1].code,
            gateId: randomUUID(),
            nonce: `g-${a.ga[1].id}`,
            scannedAt: at,
            offlineResult: 'admitted',
          },
        ],
      });
    expect(upload.status).toBe(200);
    expect(upload.body.results.map((r: { result: string }) => r.result)).toEqual(['rejected', 'admitted']);
    const checkIns = await t.db.query(
      'SELECT ticket_id, first_admitted_at FROM check_ins WHERE ticket_id = ANY($1::uuid[])',
      [[a.ga[0].id, a.ga[1].id]],
    );
    expect(checkIns.map((c: { ticket_id: string }) => c.ticket_id)).toEqual([a.ga[1].id]);
    // The admission carries the time of the scan, not of the upload.
    expect(new Date(checkIns[0].first_admitted_at).toISOString()).toBe(at);
    expect((await scan({ code: a.ga[0].code })).body.result).toBe('admitted');
  });
});
