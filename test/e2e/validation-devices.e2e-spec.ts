// Scanner devices (registered, locked, revoked), offline uploads applied in scan-time order with
// conflicts flagged, the Validation Engine's fraud flags and the live entry analytics.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { adminToken, makeCustomer, makeStaff, type TestApp } from '../support/app.js';
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

describe('scanner devices and offline uploads', () => {
  it('an admin registers a device bound to an event and gate; locked and revoked devices are refused', async () => {
    const a = await eventWithTickets({ ga: 2 });
    const b = await eventWithTickets({ ga: 1 });
    const main = await gate(a.eventId);
    const denied = await t
      .http()
      .post(`/api/events/${a.eventId}/scanner-devices`)
      .set(auth(manager))
      .send({ name: 'Handheld 1', gateId: main });
    expect(denied.status).toBe(403);
    const admin = await adminToken(t);
    const reg = await t
      .http()
      .post(`/api/events/${a.eventId}/scanner-devices`)
      .set(auth(admin))
      .send({ name: 'Handheld 1', gateId: main });
    expect(reg.status).toBe(201);
    expect(reg.body).toMatchObject({ status: 'active', gateId: main });
    const byDevice = (body: Record<string, unknown>) =>
      t.http().post('/api/tickets/validate').set('x-api-key', reg.body.key).send(body);
    expect((await byDevice({ code: a.ga[0].code })).body.result).toBe('admitted');
    expect((await byDevice({ code: b.ga[0].code })).body.reason).toBe('wrong_event');
    const [log] = await t.db.query('SELECT gate_id FROM validation_logs WHERE ticket_id = $1', [a.ga[0].id]);
    expect(log.gate_id).toBe(main);

    expect((await t.http().post(`/api/scanner-devices/${reg.body.id}/lock`).set(auth(manager))).body.status).toBe(
      'locked',
    );
    const locked = await byDevice({ code: a.ga[1].code });
    expect([locked.status, locked.body.code]).toEqual([403, 'DEVICE_LOCKED']);
    await t.http().post(`/api/scanner-devices/${reg.body.id}/unlock`).set(auth(manager));
    expect((await byDevice({ code: a.ga[1].code })).body.result).toBe('admitted');
    expect((await t.http().delete(`/api/scanner-devices/${reg.body.id}`).set(auth(admin))).status).toBe(204);
    expect((await byDevice({ code: a.ga[1].code })).status).toBe(401);
    const list = await t.http().get(`/api/events/${a.eventId}/scanner-devices`).set(auth(manager));
    expect(list.body.items.map((d: { status: string }) => d.status)).toEqual(['revoked']);
    const audited = await t.db.query(
      'SELECT action FROM audit_logs WHERE entity_type = $1 AND entity_id = $2 ORDER BY id',
      ['scanner_device', reg.body.id],
    );
    expect(audited.map((r: { action: string }) => r.action)).toEqual([
      'scanner_device.locked',
      'scanner_device.unlocked',
    ]);

    // A device whose key is revoked from the API clients page shows as revoked too.
    const second = await t
      .http()
      .post(`/api/events/${a.eventId}/scanner-devices`)
      .set(auth(admin))
      .send({ name: 'Side door', gateId: main });
    const [client] = await t.db.query('SELECT api_client_id FROM scanner_devices WHERE id = $1', [second.body.id]);
    expect((await t.http().delete(`/api/api-clients/${client.api_client_id}`).set(auth(admin))).status).toBe(204);
    const after = await t.http().get(`/api/events/${a.eventId}/scanner-devices`).set(auth(manager));
    expect(after.body.items.map((d: { name: string; status: string }) => [d.name, d.status])).toEqual([
      [reg.body.name, 'revoked'],
      ['Side door', 'revoked'],
    ]);
  });

  it('offline scans are applied in scan-time order; a ticket admitted by two devices offline is flagged, once', async () => {
    const a = await eventWithTickets({ ga: 2 });
    const lounge = await gate(a.eventId, { list: { name: 'Bar', allowReentry: true } });
    const other = (await makeStaff(t, ['scanner'])).accessToken;
    const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString();
    const [x, y] = a.ga;
    // Device 1 (uploaded first): y exits at -5 and entered at -10; sorted, the entry comes first.
    const first = await t
      .http()
      .post('/api/tickets/validate/batch')
      .set(auth(scanner))
      .send({
        scans: [
          {
            code: y.code,
            gateId: lounge,
            direction: 'exit',
            nonce: `d1-${y.id}-2`,
            scannedAt: at(5),
            offlineResult: 'admitted',
          },
          { code: x.code, nonce: `d1-${x.id}`, scannedAt: at(9), offlineResult: 'admitted' },
          { code: y.code, gateId: lounge, nonce: `d1-${y.id}-1`, scannedAt: at(10), offlineResult: 'admitted' },
        ],
      });
    expect(first.status).toBe(200);
    expect(first.body.results.map((r: { nonce: string; result: string }) => [r.nonce, r.result])).toEqual([
      [`d1-${y.id}-1`, 'admitted'],
      [`d1-${x.id}`, 'admitted'],
      [`d1-${y.id}-2`, 'admitted'],
    ]);
    expect(first.body.conflicts).toBe(0);
    // Device 2 admitted x too while offline.
    const batch = { scans: [{ code: x.code, nonce: `d2-${x.id}`, scannedAt: at(8), offlineResult: 'admitted' }] };
    const second = await t.http().post('/api/tickets/validate/batch').set(auth(other)).send(batch);
    expect(second.body.results[0]).toMatchObject({ result: 'rejected', reason: 'already_used', conflict: true });
    expect(second.body.conflicts).toBe(1);
    // Uploading the same batch again changes nothing.
    await t.http().post('/api/tickets/validate/batch').set(auth(other)).send(batch);
    const flags = await t.http().get(`/api/events/${a.eventId}/validation-flags`).set(auth(manager));
    expect(flags.body.items).toHaveLength(1);
    expect(flags.body.items[0]).toMatchObject({ kind: 'offline_double_admission', ticketId: x.id });
    expect(flags.body.items[0].evidence.admissions).toHaveLength(1);
    expect(
      (await t.http().post(`/api/validation-flags/${flags.body.items[0].id}/resolve`).set(auth(manager))).status,
    ).toBe(204);
    expect((await t.http().get(`/api/events/${a.eventId}/validation-flags`).set(auth(manager))).body.items).toEqual([]);
    const [resolvedBy] = await t.db.query(
      "SELECT action, actor_id FROM audit_logs WHERE entity_type = 'validation_flag' AND entity_id = $1",
      [flags.body.items[0].id],
    );
    expect(resolvedBy.action).toBe('validation_flag.resolved');
    const bad = await t
      .http()
      .post('/api/tickets/validate/batch')
      .set(auth(scanner))
      .send({ scans: [{ code: 'x' }] });
    expect(bad.status).toBe(400);
  });
  it('an offline scan at a gate deleted since counts at the main entrance instead of holding up the queue', async () => {
    const a = await eventWithTickets({ ga: 1 });
    const [x] = a.ga;
    const res = await t
      .http()
      .post('/api/tickets/validate/batch')
      .set(auth(scanner))
      .send({
        scans: [
          {
            code: x.code,
            gateId: randomUUID(),
            nonce: `gone-${x.id}`,
            scannedAt: new Date().toISOString(),
            offlineResult: 'admitted',
          },
        ],
      });
    expect(res.status).toBe(200);
    expect(res.body.results[0]).toMatchObject({ result: 'admitted', conflict: false });
    const [row] = await t.db.query(
      `SELECT l.gate_id, c.is_default FROM validation_logs l JOIN check_in_lists c ON c.id = l.check_in_list_id
        WHERE l.ticket_id = $1`,
      [x.id],
    );
    expect(row).toEqual({ gate_id: null, is_default: true });
  });
});

describe('the Validation Engine and entry analytics', () => {
  it('flags a ticket at two gates, a burst of invalid codes and a revoked ticket presented, each once', async () => {
    const { ValidationEngine } = await import('../../apps/api/src/modules/validation/validation-engine.js');
    const a = await eventWithTickets({ ga: 2 });
    const north = await gate(a.eventId);
    const lounge = await gate(a.eventId, { list: { name: 'Lounge' } });
    const [x, y] = a.ga;
    await scan({ code: x.code, gateId: north });
    await scan({ code: x.code, gateId: lounge });
    for (let i = 0; i < 10; i++) await scan({ code: `forged-${i}`, gateId: north });
    const moved = await t
      .http()
      .post(`/api/me/tickets/${y.id}/transfer`)
      .set(auth(buyer.accessToken))
      .send({ email: 'resale.buyer@test.local' });
    expect(moved.status).toBe(200);
    expect((await scan({ code: y.code, gateId: north })).body.reason).toBe('revoked');

    const engine = t.app.get(ValidationEngine);
    expect(await engine.analyze()).toBeGreaterThanOrEqual(3);
    await engine.analyze();
    const flags = await t.http().get(`/api/events/${a.eventId}/validation-flags`).set(auth(manager));
    const kinds = flags.body.items.map((f: { kind: string }) => f.kind).sort();
    expect(kinds).toEqual(['invalid_burst', 'revoked_presented', 'two_gates']);
    const twoGates = flags.body.items.find((f: { kind: string }) => f.kind === 'two_gates');
    expect(twoGates.ticketId).toBe(x.id);
    expect(twoGates.evidence.scans).toHaveLength(2);
  });

  it('counts entries by gate and slot, no-shows and who is inside each zone', async () => {
    const a = await eventWithTickets({ ga: 3, vip: 1 });
    const north = await gate(a.eventId);
    const vipGate = await gate(a.eventId, { zone: ['vip'], list: { name: 'VIP', allowReentry: true } });
    await scan({ code: a.ga[0].code, gateId: north });
    await scan({ code: a.ga[1].code, gateId: north });
    await scan({ code: a.ga[1].code, gateId: north });
    await scan({ code: a.vip[0].code, gateId: vipGate });
    await scan({ code: a.vip[0].code, gateId: vipGate, direction: 'exit' });
    const stats = await t.http().get(`/api/events/${a.eventId}/entry-stats`).set(auth(manager));
    expect(stats.status).toBe(200);
    expect(stats.body).toMatchObject({ tickets: 4, admitted: 3, noShows: 1 });
    const byGate = Object.fromEntries(
      stats.body.byGate.map((g: { gateId: string; admitted: number; rejected: number }) => [
        g.gateId,
        [g.admitted, g.rejected],
      ]),
    );
    expect(byGate).toEqual({ [north]: [2, 1], [vipGate]: [1, 0] });
    expect(stats.body.bySlot.reduce((n: number, s: { admitted: number }) => n + s.admitted, 0)).toBe(3);
    const inside = Object.fromEntries(
      stats.body.occupancy.map((o: { zoneName: string; inside: number }) => [o.zoneName, o.inside]),
    );
    expect(inside).toEqual({ 'Main entrance': 2, Zone: 0 });
    const customer = await t.http().get(`/api/events/${a.eventId}/entry-stats`).set(auth(buyer.accessToken));
    expect(customer.status).toBe(403);
  });
});
