import { randomUUID } from 'node:crypto';
import type { TestApp } from '../support/app.js';
import { auth, makeEvent, makeSection, makeTicketType, makeVenue, publish } from '../support/factories.js';

/** An on-sale event with one GA type (capacity 10) and one reserved type over a generated 2 x 5 section. */
export async function makeCheckoutEvent(t: TestApp, manager: string, name: string) {
  const venue = await makeVenue(t, manager, { name: `${name} hall` });
  const section = await makeSection(t, manager, venue.id, { name: 'Stalls' });
  const seats = await t
    .http()
    .post(`/api/venues/${venue.id}/sections/${section.id}/seats/generate`)
    .set(auth(manager))
    .send({ rows: 2, seatsPerRow: 5 });
  if (seats.status !== 201) throw new Error(`generate seats: ${seats.status} ${JSON.stringify(seats.body)}`);
  const event = await makeEvent(t, manager, { name, venueId: venue.id });
  const ga = await makeTicketType(t, manager, event.id, { name: 'Standing', price: 2500, capacity: 10 });
  const reserved = await makeTicketType(t, manager, event.id, {
    name: 'Stalls seat',
    price: 4000,
    capacity: undefined,
    sectionIds: [section.id],
  });
  await publish(t, manager, event.id);
  return { eventId: event.id, sectionId: section.id, gaTypeId: ga.id, seatTypeId: reserved.id };
}

/** A purchase through the API with the sandbox, as another buyer would make it. */
export async function buyWithSandbox(t: TestApp, token: string, body: Record<string, unknown>) {
  const res = await t
    .http()
    .post('/api/tickets/purchase')
    .set(auth(token))
    .set('idempotency-key', randomUUID())
    .send({ ...body, payment: { method: 'sandbox', token: 'sandbox_ok' } });
  if (res.status !== 201) throw new Error(`purchase: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string };
}
