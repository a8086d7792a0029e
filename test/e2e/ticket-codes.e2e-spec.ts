import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Keyring, verifyTicketCode } from '../../libs/ticket-code/src/index.js';
import { createTestApp, makeCustomer, makeStaff, type TestApp } from '../support/app.js';
import { auth, makeEvent, makeTicketType, publish } from '../support/factories.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('signed ticket codes on issuance', () => {
  it('every issued ticket carries a code that verifies against the event keyring; a tampered one does not', async () => {
    const manager = (await makeStaff(t, ['event_manager'])).accessToken;
    const e = await makeEvent(t, manager);
    const tt = await makeTicketType(t, manager, e.id, { capacity: 10 });
    await publish(t, manager, e.id);
    const c = await makeCustomer(t);
    const res = await t
      .http()
      .post('/api/tickets/purchase')
      .set(auth(c.accessToken))
      .set('idempotency-key', randomUUID())
      .send({
        eventId: e.id,
        items: [{ ticketTypeId: tt.id, quantity: 2 }],
        payment: { method: 'sandbox', token: 'sandbox_ok' },
      });
    expect(res.status).toBe(201);
    const codes = (res.body.tickets as { id: string; code: string }[]).map((x) => x.code);
    expect(codes.every((code) => typeof code === 'string' && code.length <= 150)).toBe(true);

    const scanner = (await makeStaff(t, ['scanner'])).accessToken;
    const keys = await t.http().get(`/api/events/${e.id}/ticket-keys`).set(auth(scanner));
    expect(keys.status).toBe(200);
    expect(keys.body.total).toBe(1);
    const keyring = Keyring.fromJSON(keys.body.items);
    for (const ticket of res.body.tickets as { id: string; code: string }[]) {
      const verified = await verifyTicketCode(ticket.code, keyring, Date.now(), { eventId: e.id });
      expect(verified).toMatchObject({ ticketId: ticket.id, eventId: e.id });
    }
    const tampered = `${codes[0].slice(0, 20)}${codes[0][20] === 'A' ? 'B' : 'A'}${codes[0].slice(21)}`;
    await expect(verifyTicketCode(tampered, keyring, Date.now())).rejects.toMatchObject({
      reason: expect.stringMatching(/bad_signature|unknown_key|malformed|unsupported_version/),
    });

    const mine = await t.http().get('/api/me/tickets').query({ eventId: e.id }).set(auth(c.accessToken));
    expect(mine.body.items.map((x: { code: string }) => x.code).sort()).toEqual([...codes].sort());
    const stored = await t.db.query('SELECT private_key_encrypted FROM ticket_signing_keys WHERE event_id = $1', [
      e.id,
    ]);
    expect(stored[0].private_key_encrypted).not.toContain(keys.body.items[0].publicKey);
    expect((await t.http().get(`/api/events/${e.id}/ticket-keys`).set(auth(c.accessToken))).status).toBe(403);
  });
});

describe('key rotation', () => {
  it('a rotated key keeps verifying its codes, new tickets get the new key, and a key in use cannot be removed', async () => {
    const manager = (await makeStaff(t, ['event_manager'])).accessToken;
    const scanner = (await makeStaff(t, ['scanner'])).accessToken;
    const e = await makeEvent(t, manager);
    const tt = await makeTicketType(t, manager, e.id, { capacity: 10 });
    await publish(t, manager, e.id);
    const c = await makeCustomer(t);
    const buy = async () =>
      (
        await t
          .http()
          .post('/api/tickets/purchase')
          .set(auth(c.accessToken))
          .set('idempotency-key', randomUUID())
          .send({
            eventId: e.id,
            items: [{ ticketTypeId: tt.id, quantity: 1 }],
            payment: { method: 'sandbox', token: 'sandbox_ok' },
          })
      ).body.tickets[0] as { id: string; code: string };
    const before = await buy();
    const forbidden = await t.http().post(`/api/events/${e.id}/ticket-keys/rotate`).set(auth(scanner));
    expect(forbidden.status).toBe(403);
    const rotated = await t.http().post(`/api/events/${e.id}/ticket-keys/rotate`).set(auth(manager));
    expect(rotated.status).toBe(200);
    expect(rotated.body.items).toEqual([expect.objectContaining({ retired: true })]);
    const oldKeyId = rotated.body.items[0].keyId as number;
    const after = await buy();
    const keys = await t.http().get(`/api/events/${e.id}/ticket-keys`).set(auth(scanner));
    expect(keys.body.items.map((k: { retired: boolean }) => k.retired)).toEqual([true, false]);
    const keyring = Keyring.fromJSON(keys.body.items);
    expect((await verifyTicketCode(before.code, keyring, Date.now())).keyId).toBe(oldKeyId);
    expect((await verifyTicketCode(after.code, keyring, Date.now())).keyId).not.toBe(oldKeyId);

    const inUse = await t.http().delete(`/api/events/${e.id}/ticket-keys/${oldKeyId}`).set(auth(manager));
    expect(inUse.status).toBe(409);
    expect(inUse.body).toMatchObject({ code: 'KEY_IN_USE', tickets: 1 });
    const active = keys.body.items[1].keyId as number;
    expect((await t.http().delete(`/api/events/${e.id}/ticket-keys/${active}`).set(auth(manager))).body.code).toBe(
      'KEY_ACTIVE',
    );
    // Reissue the old ticket, then the old key can go; its codes no longer verify.
    const agent = (await makeStaff(t, ['support_agent'])).accessToken;
    const reissued = await t
      .http()
      .post(`/api/issued-tickets/${before.id}/reissue`)
      .set(auth(agent))
      .send({ reason: 'Key rotation' });
    expect(reissued.status).toBe(201);
    expect((await t.http().delete(`/api/events/${e.id}/ticket-keys/${oldKeyId}`).set(auth(manager))).status).toBe(204);
    const left = await t.http().get(`/api/events/${e.id}/ticket-keys`).set(auth(scanner));
    await expect(verifyTicketCode(before.code, Keyring.fromJSON(left.body.items), Date.now())).rejects.toMatchObject({
      reason: 'unknown_key',
    });
  });
});
