import { randomUUID } from 'node:crypto';
import type { TestApp } from './app.js';

/** Small factories that go through the API, as a client would. */
export const auth = (token: string) => ({ authorization: `Bearer ${token}` });

const expectStatus = (res: { status: number; body: unknown }, status: number, what: string) => {
  if (res.status !== status)
    throw new Error(`${what}: expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as Record<string, unknown> & { id: string };
};

export async function makeVenue(t: TestApp, token: string, overrides: Record<string, unknown> = {}) {
  const res = await t
    .http()
    .post('/api/venues')
    .set(auth(token))
    .send({
      name: `Venue ${Math.random().toString(36).slice(2, 8)}`,
      city: 'Rotterdam',
      country: 'NL',
      timezone: 'Europe/Amsterdam',
      ...overrides,
    });
  return expectStatus(res, 201, 'create venue');
}

export const inDays = (days: number, hour = 19) => {
  const d = new Date(Date.now() + days * 86_400_000);
  d.setUTCHours(hour, 0, 0, 0);
  return d.toISOString();
};

export async function makeEvent(t: TestApp, token: string, overrides: Record<string, unknown> = {}) {
  const res = await t
    .http()
    .post('/api/events')
    .set(auth(token))
    .send({
      name: `Event ${Math.random().toString(36).slice(2, 8)}`,
      startsAt: inDays(30),
      timezone: 'Europe/Amsterdam',
      ...overrides,
    });
  return expectStatus(res, 201, 'create event');
}

export async function makeTicketType(
  t: TestApp,
  token: string,
  eventId: string,
  overrides: Record<string, unknown> = {},
) {
  const res = await t
    .http()
    .post('/api/tickets/types')
    .set(auth(token))
    .send({ eventId, name: 'Standing', price: 2500, currency: 'EUR', capacity: 100, ...overrides });
  return expectStatus(res, 201, 'create ticket type');
}

export async function makeSection(t: TestApp, token: string, venueId: string, overrides: Record<string, unknown> = {}) {
  const res = await t
    .http()
    .post(`/api/venues/${venueId}/sections`)
    .set(auth(token))
    .send({ name: `Section ${Math.random().toString(36).slice(2, 6)}`, kind: 'reserved', ...overrides });
  return expectStatus(res, 201, 'create section');
}

/** Generates `rows` x `seatsPerRow` seats in a section; answers them in row and label order. */
export async function generateSeats(
  t: TestApp,
  token: string,
  venueId: string,
  sectionId: string,
  rows: number,
  seatsPerRow: number,
) {
  const res = await t
    .http()
    .post(`/api/venues/${venueId}/sections/${sectionId}/seats/generate`)
    .set(auth(token))
    .send({ rows, seatsPerRow });
  return expectStatus(res, 201, 'generate seats').seats as { id: string; row: string; label: string }[];
}

export async function publish(t: TestApp, token: string, eventId: string) {
  return expectStatus(await t.http().post(`/api/events/${eventId}/publish`).set(auth(token)), 200, 'publish');
}

/** Payment with the sandbox provider's paying token. */
export const SANDBOX_OK = { method: 'sandbox', token: 'sandbox_ok' };

/** POST /api/tickets/purchase with an Idempotency-Key (a fresh one unless given); the response, whatever it is. */
export const purchase = (t: TestApp, token: string, body: Record<string, unknown>, key: string = randomUUID()) =>
  t.http().post('/api/tickets/purchase').set(auth(token)).set('idempotency-key', key).send(body);

/** A published event with one ticket type (capacity 100, 2000 minor units, unless overridden). */
export async function makeOnSale(
  t: TestApp,
  token: string,
  type: Record<string, unknown> = {},
  event: Record<string, unknown> = {},
) {
  const e = await makeEvent(t, token, event);
  const tt = await makeTicketType(t, token, e.id, { capacity: 100, price: 2000, ...type });
  await publish(t, token, e.id);
  return { eventId: e.id, typeId: tt.id };
}
