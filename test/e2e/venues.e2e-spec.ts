import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { adminToken, createTestApp, makeStaff, type TestApp } from '../support/app.js';
import { auth, makeVenue } from '../support/factories.js';
import { GeocoderStub } from '../support/geocoder-stub.js';

const geocoder = new GeocoderStub({ 'Quay Street 1': { lat: 51.9054, lon: 4.4666, name: 'Quay Street 1, Rotterdam' } });
let t: TestApp;
let manager: string;
beforeAll(async () => {
  t = await createTestApp({ env: { GEOCODER_URL: await geocoder.start() } });
  manager = (await makeStaff(t, ['event_manager'])).accessToken;
});
afterAll(async () => {
  await t?.close();
  await geocoder.stop();
});

describe('venues and the Maps API', () => {
  it('geocodes an address through the configured Nominatim-compatible service and links the map', async () => {
    const res = await t.http().post('/api/venues').set(auth(manager)).send({
      name: 'Harbour Arena',
      address: 'Quay Street 1',
      city: 'Rotterdam',
      country: 'nl',
      timezone: 'Europe/Amsterdam',
      geocode: true,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      latitude: 51.9054,
      longitude: 4.4666,
      country: 'NL',
      geocodedAt: expect.any(String),
    });
    expect(res.body.mapUrl).toBe(
      'https://www.openstreetmap.org/?mlat=51.905400&mlon=4.466600#map=17/51.905400/4.466600',
    );
    const sent = geocoder.requests.at(-1);
    expect(sent?.searchParams.get('q')).toBe('Quay Street 1, Rotterdam, NL');
    expect(sent?.searchParams.get('limit')).toBe('1');
  });

  it('an address nobody knows is 422 ADDRESS_NOT_FOUND and saves nothing', async () => {
    const before = (await t.db.query('SELECT count(*)::int AS n FROM venues'))[0].n;
    const res = await t
      .http()
      .post('/api/venues')
      .set(auth(manager))
      .send({ name: 'Nowhere', address: 'Nowhere Lane 99', timezone: 'UTC', geocode: true });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('ADDRESS_NOT_FOUND');
    expect((await t.db.query('SELECT count(*)::int AS n FROM venues'))[0].n).toBe(before);
  });

  it('a failing geocoder is 503 GEOCODER_UNAVAILABLE with Retry-After', async () => {
    const v = await makeVenue(t, manager, { address: 'Quay Street 1' });
    geocoder.failing = true;
    try {
      const res = await t.http().post(`/api/venues/${v.id}/geocode`).set(auth(manager));
      expect(res.status).toBe(503);
      expect(res.body.code).toBe('GEOCODER_UNAVAILABLE');
      expect(res.headers['retry-after']).toBe('5');
    } finally {
      geocoder.failing = false;
    }
    const ok = await t.http().post(`/api/venues/${v.id}/geocode`).set(auth(manager));
    expect(ok.body.latitude).toBe(51.9054);
  });

  it('refuses bad coordinates and countries; the public can read venues; edits are audited', async () => {
    const bad = await t
      .http()
      .post('/api/venues')
      .set(auth(manager))
      .send({ name: 'X', timezone: 'UTC', latitude: 91, country: 'Netherlands' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['country', 'latitude']);
    const v = await makeVenue(t, manager, { name: 'Open Air' });
    const pub = await t.http().get(`/api/venues/${v.id}`);
    expect(pub.body.name).toBe('Open Air');
    await t.http().patch(`/api/venues/${v.id}`).set(auth(manager)).send({ capacity: 5000 });
    const audit = await t
      .http()
      .get('/api/audit')
      .query({ entityId: v.id, action: 'venue.updated' })
      .set(auth(await adminToken(t)));
    expect(audit.body.items[0]).toMatchObject({ before: { capacity: null }, after: { capacity: 5000 } });
  });
});

it('without GEOCODER_URL, geocoding is 422 GEOCODER_NOT_CONFIGURED', async () => {
  const plain = await createTestApp();
  try {
    const token = (await makeStaff(plain, ['event_manager'])).accessToken;
    const res = await plain
      .http()
      .post('/api/venues')
      .set(auth(token))
      .send({ name: 'X', address: 'Quay Street 1', timezone: 'UTC', geocode: true });
    expect(res.body.code).toBe('GEOCODER_NOT_CONFIGURED');
  } finally {
    await plain.close();
  }
});
