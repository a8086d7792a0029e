// The purchase suites' app and helpers.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll } from '@jest/globals';
import { createTestApp, makeCustomer, makeStaff, type TestApp } from '../support/app.js';
import {
  auth,
  generateSeats,
  makeEvent,
  makeSection,
  makeTicketType,
  makeVenue,
  publish,
} from '../support/factories.js';

export let t: TestApp;
export let manager: string;
export let customer: Awaited<ReturnType<typeof makeCustomer>>;
/** Boots the API on a fresh database for the suite that imports this, with a manager and a customer. */
export function useSalesApp(): void {
  beforeAll(async () => {
    t = await createTestApp();
    manager = (await makeStaff(t, ['event_manager'])).accessToken;
    customer = await makeCustomer(t, 'Bea Buyer');
  });
  afterAll(async () => {
    await t?.close();
  });
}

export async function onSaleEvent(
  types: Record<string, unknown>[] = [{ capacity: 100 }],
  event: Record<string, unknown> = {},
) {
  const e = await makeEvent(t, manager, event);
  const created = [];
  for (const tt of types) created.push(await makeTicketType(t, manager, e.id, tt));
  await publish(t, manager, e.id);
  return { eventId: e.id, types: created };
}

export const buy = (token: string, body: Record<string, unknown>, key: string = randomUUID()) =>
  t.http().post('/api/tickets/purchase').set(auth(token)).set('idempotency-key', key).send(body);
export const sandbox = { method: 'sandbox', token: 'sandbox_ok' };
export const counters = async (id: string) =>
  (await t.db.query('SELECT sold, held FROM ticket_types WHERE id = $1', [id]))[0] as { sold: number; held: number };

/** An on-sale event with one reserved type over a generated section of `rows` x `perRow` seats. */
export async function seatedOnSale(rows: number, perRow: number) {
  const venue = await makeVenue(t, manager);
  const section = await makeSection(t, manager, venue.id);
  const seats = await generateSeats(t, manager, venue.id, section.id, rows, perRow);
  const { eventId, types } = await onSaleEvent([{ capacity: undefined, sectionIds: [section.id] }], {
    venueId: venue.id,
  });
  return {
    eventId,
    types,
    section: section as { id: string; name: string },
    seats,
  };
}
