// The entry set-up edited and pruned: changes apply to the next scan and are audited; what history
// depends on (a list with check-ins, the default list, a gate devices use, a zone gates lead into) stays.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { adminToken, makeCustomer, type TestApp } from '../support/app.js';
import { entryActors, entryFixtures } from '../support/entry-fixtures.js';
import { auth } from '../support/factories.js';

let t: TestApp;
let manager: string;
let scanner: string;
let buyer: Awaited<ReturnType<typeof makeCustomer>>;

beforeAll(async () => {
  ({ t, manager, scanner, buyer } = await entryActors('Sam Setup'));
});
afterAll(async () => {
  await t?.close();
});

const { eventWithTickets, scan, gate } = entryFixtures(() => ({ t, manager, scanner, buyer }));
const patch = (path: string, body: Record<string, unknown>, token = manager) =>
  t.http().patch(`/api/${path}`).set(auth(token)).send(body);
const remove = (path: string, token = manager) => t.http().delete(`/api/${path}`).set(auth(token));
const setup = async (eventId: string) =>
  (await t.http().get(`/api/events/${eventId}/access`).set(auth(manager))).body as {
    checkInLists: { id: string; name: string; allowReentry: boolean; isDefault: boolean }[];
    zones: { id: string; name: string; accessLevels: string[] }[];
    gates: { id: string; name: string; zoneId: string | null; checkInListId: string }[];
  };

describe('editing the entry set-up', () => {
  it('a zone admits new access levels from the next scan, and the change is audited', async () => {
    const e = await eventWithTickets({ vip: 1 });
    const gateId = await gate(e.eventId, { zone: ['general'] });
    const { zones } = await setup(e.eventId);
    const [vip] = e.vip;
    expect((await scan({ code: vip.code, gateId, nonce: randomUUID() })).body).toMatchObject({ reason: 'zone_denied' });

    const res = await patch(`zones/${zones[0].id}`, { name: 'Lounge', accessLevels: ['general', 'vip', 'vip'] });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: zones[0].id, eventId: e.eventId, name: 'Lounge', accessLevels: ['general', 'vip'] });
    expect((await scan({ code: vip.code, gateId, nonce: randomUUID() })).body).toMatchObject({ result: 'admitted' });

    const audit = await t.db.query(
      "SELECT action, before->>'name' AS before, after->>'name' AS after FROM audit_logs WHERE entity_id = $1 ORDER BY id",
      [zones[0].id],
    );
    expect(audit).toEqual([
      { action: 'zone.created', before: null, after: 'Zone' },
      { action: 'zone.updated', before: 'Zone', after: 'Lounge' },
    ]);
  });

  it('a gate moves to another zone and list, or to no zone; foreign or unknown parts are refused', async () => {
    const e = await eventWithTickets({ vip: 1 });
    const other = await eventWithTickets({ ga: 0 });
    const gateId = await gate(e.eventId, { zone: ['general'] });
    const lounge = await t.http().post(`/api/events/${e.eventId}/check-in-lists`).set(auth(manager)).send({
      name: 'Lounge',
      allowReentry: true,
    });
    const moved = await patch(`gates/${gateId}`, { name: 'East', zoneId: null, checkInListId: lounge.body.id });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ name: 'East', zoneId: null, checkInListId: lounge.body.id });
    // No zone: the VIP ticket is admitted, on the lounge list.
    const [vip] = e.vip;
    expect((await scan({ code: vip.code, gateId, nonce: randomUUID() })).body).toMatchObject({ result: 'admitted' });
    const [checkIn] = await t.db.query('SELECT check_in_list_id FROM check_ins WHERE ticket_id = $1', [vip.id]);
    expect(checkIn.check_in_list_id).toBe(lounge.body.id);

    const foreignZone = await t
      .http()
      .post(`/api/events/${other.eventId}/zones`)
      .set(auth(manager))
      .send({
        name: 'Elsewhere',
        accessLevels: ['general'],
      });
    const refused = await patch(`gates/${gateId}`, { zoneId: foreignZone.body.id });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('ZONE_NOT_FOUND');
    expect((await patch(`gates/${gateId}`, { checkInListId: randomUUID() })).body.code).toBe('CHECK_IN_LIST_NOT_FOUND');
    expect((await patch(`gates/${randomUUID()}`, { name: 'x' })).status).toBe(404);
    expect((await patch(`gates/${gateId}`, { name: '' })).body.code).toBe('VALIDATION_FAILED');
    expect((await patch(`gates/${gateId}`, { zoneId: 'nope' })).body.code).toBe('VALIDATION_FAILED');
    // Nothing changed by the refusals.
    expect((await setup(e.eventId)).gates).toEqual([
      { id: gateId, eventId: e.eventId, name: 'East', zoneId: null, checkInListId: lounge.body.id },
    ]);
  });

  it('a check-in list is renamed and its re-entry rule changed', async () => {
    const e = await eventWithTickets({ ga: 1 });
    const list = await t.http().post(`/api/events/${e.eventId}/check-in-lists`).set(auth(manager)).send({
      name: 'Terrace',
    });
    const res = await patch(`check-in-lists/${list.body.id}`, { allowReentry: true });
    expect(res.body).toEqual({ ...list.body, allowReentry: true });
    expect((await patch(`check-in-lists/${list.body.id}`, { name: 'Roof terrace' })).body.name).toBe('Roof terrace');
  });

  it('only event managers and admins change the set-up', async () => {
    const e = await eventWithTickets({ ga: 0 });
    const gateId = await gate(e.eventId);
    expect((await patch(`gates/${gateId}`, { name: 'x' }, scanner)).status).toBe(403);
    expect((await remove(`gates/${gateId}`, buyer.accessToken)).status).toBe(403);
    expect((await patch(`gates/${gateId}`, { name: 'By admin' }, await adminToken(t))).status).toBe(200);
  });
});

describe('deleting parts of the entry set-up', () => {
  it('keeps a zone gates lead into, then deletes it once they lead elsewhere', async () => {
    const e = await eventWithTickets({ ga: 0 });
    const gateId = await gate(e.eventId, { zone: ['general'] });
    const [zone] = (await setup(e.eventId)).zones;
    const kept = await remove(`zones/${zone.id}`);
    expect(kept.status).toBe(409);
    expect(kept.body).toMatchObject({ code: 'ZONE_IN_USE', gates: [expect.stringMatching(/^Gate /)] });
    await patch(`gates/${gateId}`, { zoneId: null });
    expect((await remove(`zones/${zone.id}`)).status).toBe(204);
    expect((await setup(e.eventId)).zones).toEqual([]);
    expect((await remove(`zones/${zone.id}`)).status).toBe(404);
  });

  it('keeps a gate active scanner devices use; scans logged at a deleted gate keep its id', async () => {
    const e = await eventWithTickets({ ga: 1 });
    const gateId = await gate(e.eventId);
    const admin = await adminToken(t);
    const device = await t
      .http()
      .post(`/api/events/${e.eventId}/scanner-devices`)
      .set(auth(admin))
      .send({ name: 'Handheld 7', gateId });
    const kept = await remove(`gates/${gateId}`);
    expect(kept.status).toBe(409);
    expect(kept.body).toMatchObject({ code: 'GATE_IN_USE', devices: ['Handheld 7'] });
    expect((await scan({ code: e.ga[0].code, gateId, nonce: randomUUID() })).body.result).toBe('admitted');
    expect((await remove(`scanner-devices/${device.body.id}`, admin)).status).toBe(204);
    expect((await remove(`gates/${gateId}`)).status).toBe(204);
    expect((await setup(e.eventId)).gates).toEqual([]);
    const logs = await t.db.query('SELECT gate_id FROM validation_logs WHERE ticket_id = $1', [e.ga[0].id]);
    expect(logs).toEqual([{ gate_id: gateId }]);
    const [audit] = await t.db.query("SELECT action FROM audit_logs WHERE entity_id = $1 AND action = 'gate.deleted'", [
      gateId,
    ]);
    expect(audit).toEqual({ action: 'gate.deleted' });
  });

  it('keeps the default list, a list gates use and a list with check-ins; deletes an unused one', async () => {
    const e = await eventWithTickets({ ga: 1 });
    const gateId = await gate(e.eventId, { list: { name: 'Lounge' } });
    await gate(e.eventId); // on the default list, Main entrance
    const lists = (await setup(e.eventId)).checkInLists;
    const main = lists.find((l) => l.isDefault);
    const lounge = lists.find((l) => l.name === 'Lounge');
    expect((await remove(`check-in-lists/${main?.id}`)).body.code).toBe('CHECK_IN_LIST_DEFAULT');
    const inUse = await remove(`check-in-lists/${lounge?.id}`);
    expect(inUse.status).toBe(409);
    expect(inUse.body).toMatchObject({ code: 'CHECK_IN_LIST_IN_USE', gates: [expect.stringMatching(/^Gate /)] });
    // Admitted on the lounge list, then the gate moves to the main list: the lounge list keeps the record.
    expect((await scan({ code: e.ga[0].code, gateId, nonce: randomUUID() })).body.result).toBe('admitted');
    await patch(`gates/${gateId}`, { checkInListId: main?.id });
    const history = await remove(`check-in-lists/${lounge?.id}`);
    expect(history.status).toBe(409);
    expect(history.body.code).toBe('CHECK_IN_LIST_HAS_CHECK_INS');
    const spare = await t.http().post(`/api/events/${e.eventId}/check-in-lists`).set(auth(manager)).send({
      name: 'Spare',
    });
    expect((await remove(`check-in-lists/${spare.body.id}`)).status).toBe(204);
    expect((await setup(e.eventId)).checkInLists.map((l) => l.name).sort()).toEqual(['Lounge', 'Main entrance']);
  });
});
