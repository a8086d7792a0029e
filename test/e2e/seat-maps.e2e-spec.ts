import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, makeCustomer, makeStaff, type TestApp } from '../support/app.js';
import { auth, makeEvent, makeSection, makeTicketType, makeVenue } from '../support/factories.js';

let t: TestApp;
let manager: string;
beforeAll(async () => {
  t = await createTestApp();
  manager = (await makeStaff(t, ['event_manager'])).accessToken;
});
afterAll(async () => {
  await t?.close();
});

const map = async (venueId: string) => (await t.http().get(`/api/venues/${venueId}/seat-map`)).body;
const seatCount = async (venueId: string) =>
  (await t.db.query('SELECT count(*)::int AS n FROM seats WHERE venue_id = $1', [venueId]))[0].n as number;

describe('building a seat map', () => {
  it('generates R rows by S seats with labels and coordinates inside the section, and reads it back', async () => {
    const v = await makeVenue(t, manager);
    const section = await makeSection(t, manager, v.id, {
      name: 'North Stand',
      x: 100,
      y: 50,
      width: 400,
      height: 200,
    });
    const res = await t
      .http()
      .post(`/api/venues/${v.id}/sections/${section.id}/seats/generate`)
      .set(auth(manager))
      .send({ rows: 3, seatsPerRow: 4 });
    expect(res.status).toBe(201);
    expect(res.body.seats).toHaveLength(12);
    const m = await map(v.id);
    const seats = m.sections[0].seats as { row: string; label: string; x: number; y: number; attributes: string[] }[];
    expect(seats.map((s) => `${s.row}${s.label}`)).toEqual([
      'A1',
      'A2',
      'A3',
      'A4',
      'B1',
      'B2',
      'B3',
      'B4',
      'C1',
      'C2',
      'C3',
      'C4',
    ]);
    for (const s of seats) {
      expect(s.x).toBeGreaterThan(100);
      expect(s.x).toBeLessThan(500);
      expect(s.y).toBeGreaterThan(50);
      expect(s.y).toBeLessThan(250);
    }
    expect(seats[0].attributes).toEqual(['aisle']);
    expect(m.totals).toMatchObject({ seats: 12, sellableSeats: 12, heldBack: 0 });
  });

  it('numbers rows when asked, grows the box for big sections, and refuses a second generation over the same labels', async () => {
    const v = await makeVenue(t, manager);
    const s = await makeSection(t, manager, v.id, { width: 50, height: 50 });
    const ok = await t
      .http()
      .post(`/api/venues/${v.id}/sections/${s.id}/seats/generate`)
      .set(auth(manager))
      .send({ rows: 20, seatsPerRow: 30, rowLabels: 'numbers', firstSeat: 101 });
    expect(ok.body.width).toBeGreaterThanOrEqual(31 * 14);
    expect(ok.body.seats[0]).toMatchObject({ row: '1', label: '101' });
    const again = await t
      .http()
      .post(`/api/venues/${v.id}/sections/${s.id}/seats/generate`)
      .set(auth(manager))
      .send({ rows: 1, seatsPerRow: 1, rowLabels: 'numbers', firstSeat: 101 });
    expect(again.status).toBe(422);
    expect(again.body.code).toBe('DUPLICATE_SEAT_LABEL');
    expect(await seatCount(v.id)).toBe(600);
    const replaced = await t
      .http()
      .post(`/api/venues/${v.id}/sections/${s.id}/seats/generate`)
      .set(auth(manager))
      .send({ rows: 2, seatsPerRow: 2, replace: true });
    expect(replaced.body.seats).toHaveLength(4);
    expect(await seatCount(v.id)).toBe(4);
  });

  it('marks, holds back, renames and removes seats', async () => {
    const v = await makeVenue(t, manager);
    const s = await makeSection(t, manager, v.id);
    const gen = await t
      .http()
      .post(`/api/venues/${v.id}/sections/${s.id}/seats/generate`)
      .set(auth(manager))
      .send({ rows: 2, seatsPerRow: 5 });
    const ids = (gen.body.seats as { id: string }[]).map((x) => x.id);
    const zone = await t
      .http()
      .post(`/api/venues/${v.id}/price-zones`)
      .set(auth(manager))
      .send({ name: 'Premium', color: '#aa0000' });
    expect(zone.status).toBe(201);

    const marked = await t
      .http()
      .patch(`/api/venues/${v.id}/seats`)
      .set(auth(manager))
      .send({ seatIds: ids.slice(0, 3), attributes: ['accessible', 'aisle'], priceZoneId: zone.body.id });
    expect(marked.body).toEqual({ changed: 3 });
    const held = await t
      .http()
      .patch(`/api/venues/${v.id}/seats`)
      .set(auth(manager))
      .send({ seatIds: [ids[9]], heldBack: 'house' });
    expect(held.body.changed).toBe(1);
    await t
      .http()
      .patch(`/api/venues/${v.id}/seats`)
      .set(auth(manager))
      .send({ seatIds: [ids[8]], heldBack: 'kill' });

    const renamed = await t
      .http()
      .patch(`/api/venues/${v.id}/seats/${ids[4]}`)
      .set(auth(manager))
      .send({ label: '5A' });
    expect(renamed.body.label).toBe('5A');
    const dup = await t.http().patch(`/api/venues/${v.id}/seats/${ids[4]}`).set(auth(manager)).send({ label: '1' });
    expect(dup.status).toBe(422);
    expect(dup.body.code).toBe('DUPLICATE_SEAT_LABEL');

    const removed = await t
      .http()
      .post(`/api/venues/${v.id}/seats/remove`)
      .set(auth(manager))
      .send({ seatIds: [ids[5]] });
    expect(removed.body.changed).toBe(1);

    const m = await map(v.id);
    expect(m.totals).toEqual({ seats: 9, sellableSeats: 7, heldBack: 2, generalAdmission: 0 });
    const accessible = m.sections[0].seats.filter((x: { attributes: string[] }) => x.attributes.includes('accessible'));
    expect(accessible).toHaveLength(3);
    expect(accessible.every((x: { priceZoneId: string }) => x.priceZoneId === zone.body.id)).toBe(true);
  });

  it('keeps general-admission sections to a capacity, and section names unique', async () => {
    const v = await makeVenue(t, manager);
    const noCap = await t
      .http()
      .post(`/api/venues/${v.id}/sections`)
      .set(auth(manager))
      .send({ name: 'Pit', kind: 'general_admission' });
    expect(noCap.body.code).toBe('CAPACITY_REQUIRED');
    const pit = await makeSection(t, manager, v.id, { name: 'Pit', kind: 'general_admission', capacity: 800 });
    const gen = await t
      .http()
      .post(`/api/venues/${v.id}/sections/${pit.id}/seats/generate`)
      .set(auth(manager))
      .send({ rows: 1, seatsPerRow: 1 });
    expect(gen.body.code).toBe('SECTION_NOT_RESERVED');
    const dup = await t
      .http()
      .post(`/api/venues/${v.id}/sections`)
      .set(auth(manager))
      .send({ name: 'Pit', kind: 'reserved' });
    expect(dup.body.code).toBe('SECTION_NAME_TAKEN');
    expect((await map(v.id)).totals.generalAdmission).toBe(800);
  });

  it("refuses another venue's seats and zones", async () => {
    const a = await makeVenue(t, manager);
    const b = await makeVenue(t, manager);
    const s = await makeSection(t, manager, a.id);
    const gen = await t
      .http()
      .post(`/api/venues/${a.id}/sections/${s.id}/seats/generate`)
      .set(auth(manager))
      .send({ rows: 1, seatsPerRow: 2 });
    const zoneB = await t.http().post(`/api/venues/${b.id}/price-zones`).set(auth(manager)).send({ name: 'B zone' });
    const foreignZone = await t
      .http()
      .patch(`/api/venues/${a.id}/seats`)
      .set(auth(manager))
      .send({ seatIds: [gen.body.seats[0].id], priceZoneId: zoneB.body.id });
    expect(foreignZone.body.code).toBe('PRICE_ZONE_NOT_IN_VENUE');
    const foreignSeats = await t
      .http()
      .post(`/api/venues/${b.id}/seats/remove`)
      .set(auth(manager))
      .send({ seatIds: [gen.body.seats[0].id] });
    expect(foreignSeats.status).toBe(404);
    expect(await seatCount(a.id)).toBe(2);
  });
});

describe('import and export', () => {
  it('imports JSON, exports it again, and the export re-imports to the same map', async () => {
    const v = await makeVenue(t, manager);
    const doc = {
      priceZones: [{ name: 'Cat 1', color: '#111111' }, { name: 'Cat 2' }],
      sections: [
        { name: 'Floor', kind: 'general_admission', capacity: 1200 },
        {
          name: 'Balcony',
          kind: 'reserved',
          seats: [
            { row: 'A', label: '1', zone: 'Cat 1', attributes: ['accessible'] },
            { row: 'A', label: '2', zone: 'Cat 1' },
            { row: 'B', label: '1', zone: 'Cat 2', heldBack: 'house' },
          ],
        },
      ],
    };
    const res = await t
      .http()
      .post(`/api/venues/${v.id}/seat-map/import`)
      .set(auth(manager))
      .send({ format: 'json', content: JSON.stringify(doc) });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ sections: 2, seats: 3, priceZones: 2 });
    const exported = await t
      .http()
      .get(`/api/venues/${v.id}/seat-map/export`)
      .query({ format: 'json' })
      .set(auth(manager));
    expect(exported.headers['content-type']).toMatch(/application\/json/);
    const copy = await makeVenue(t, manager);
    const again = await t
      .http()
      .post(`/api/venues/${copy.id}/seat-map/import`)
      .set(auth(manager))
      .send({ format: 'json', content: exported.text });
    expect(again.body).toEqual({ sections: 2, seats: 3, priceZones: 2 });
    const strip = (m: {
      sections: {
        name: string;
        seats: { row: string; label: string; attributes: string[]; heldBack: string | null }[];
      }[];
    }) => m.sections.map((s) => [s.name, s.seats.map((x) => [x.row, x.label, x.attributes, x.heldBack])]);
    expect(strip(await map(copy.id))).toEqual(strip(await map(v.id)));
  });

  it('imports CSV (zones created from the names used) and exports CSV', async () => {
    const v = await makeVenue(t, manager);
    const csv =
      'section,kind,row,seat,x,y,zone,attributes,held_back\nEast,reserved,A,1,,,Cheap,aisle|accessible,\nEast,reserved,A,2,,,Cheap,,\n"West, upper",reserved,1,1,500,300,Dear,,kill\n';
    const res = await t
      .http()
      .post(`/api/venues/${v.id}/seat-map/import`)
      .set(auth(manager))
      .send({ format: 'csv', content: csv });
    expect(res.body).toEqual({ sections: 2, seats: 3, priceZones: 2 });
    const out = await t.http().get(`/api/venues/${v.id}/seat-map/export`).query({ format: 'csv' }).set(auth(manager));
    expect(out.headers['content-type']).toMatch(/text\/csv/);
    expect(out.text.split('\n')[0]).toBe('section,kind,row,seat,x,y,zone,attributes,held_back');
    expect(out.text).toContain('"West, upper",reserved,1,1,500,300,Dear,,kill');
  });

  it('refuses duplicate seat labels in a row, unknown zones and bad JSON, listing every problem, saving nothing', async () => {
    const v = await makeVenue(t, manager);
    const doc = {
      sections: [
        {
          name: 'S',
          kind: 'reserved',
          seats: [
            { row: 'A', label: '1' },
            { row: 'A', label: '1' },
            { row: 'B', label: '2', zone: 'Ghost' },
          ],
        },
      ],
    };
    const res = await t
      .http()
      .post(`/api/venues/${v.id}/seat-map/import`)
      .set(auth(manager))
      .send({ format: 'json', content: JSON.stringify(doc) });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('SEAT_MAP_INVALID');
    const fields = (res.body.errors as { field: string; message: string }[]).map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['sections[0].seats[2].zone']));
    const dupDoc = {
      sections: [
        {
          name: 'S',
          kind: 'reserved',
          seats: [
            { row: 'A', label: '1' },
            { row: 'A', label: '1' },
          ],
        },
      ],
    };
    const dup = await t
      .http()
      .post(`/api/venues/${v.id}/seat-map/import`)
      .set(auth(manager))
      .send({ format: 'json', content: JSON.stringify(dupDoc) });
    expect(dup.body.errors[0]).toEqual({ field: 'sections[0].seats[1]', message: 'seat A-1 appears twice in "S"' });
    const bad = await t
      .http()
      .post(`/api/venues/${v.id}/seat-map/import`)
      .set(auth(manager))
      .send({ format: 'json', content: '{"sections": [' });
    expect(bad.body.code).toBe('SEAT_MAP_INVALID');
    expect(await seatCount(v.id)).toBe(0);
    expect((await map(v.id)).sections).toEqual([]);
  });

  it('a replace import is refused while ticket types sell the map', async () => {
    const v = await makeVenue(t, manager);
    const s = await makeSection(t, manager, v.id);
    await t
      .http()
      .post(`/api/venues/${v.id}/sections/${s.id}/seats/generate`)
      .set(auth(manager))
      .send({ rows: 1, seatsPerRow: 3 });
    const e = await makeEvent(t, manager, { venueId: v.id });
    await makeTicketType(t, manager, e.id, { capacity: undefined, sectionIds: [s.id] });
    const res = await t
      .http()
      .post(`/api/venues/${v.id}/seat-map/import`)
      .set(auth(manager))
      .send({ format: 'json', content: JSON.stringify({ sections: [] }), replace: true });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('SEAT_MAP_IN_USE');
    const del = await t.http().delete(`/api/venues/${v.id}/sections/${s.id}`).set(auth(manager));
    expect(del.body.code).toBe('SECTION_IN_USE');
    expect(await seatCount(v.id)).toBe(3);
  });
});

it('a customer can read a seat map but not change it', async () => {
  const v = await makeVenue(t, manager);
  const c = await makeCustomer(t);
  expect((await t.http().get(`/api/venues/${v.id}/seat-map`)).status).toBe(200);
  const res = await t
    .http()
    .post(`/api/venues/${v.id}/sections`)
    .set(auth(c.accessToken))
    .send({ name: 'Mine', kind: 'reserved' });
  expect(res.status).toBe(403);
});
