import { randomUUID } from 'node:crypto';
import { createTestApp, makeCustomer, makeStaff, type TestApp } from './app.js';
import { auth, makeEvent, makeTicketType, publish, purchase, SANDBOX_OK } from './factories.js';

export interface EntryTicket {
  id: string;
  code: string;
  purchaseId: string;
}

/** Who the entry tests act as: an event manager sets up, a scanner scans, a customer holds tickets. */
export interface EntryActors {
  t: TestApp;
  manager: string;
  scanner: string;
  buyer: { accessToken: string };
}

/** A fresh app with an event manager, a scanner and a customer named `buyerName`. */
export async function entryActors(
  buyerName: string,
): Promise<EntryActors & { buyer: Awaited<ReturnType<typeof makeCustomer>> }> {
  const t = await createTestApp();
  return {
    t,
    manager: (await makeStaff(t, ['event_manager'])).accessToken,
    scanner: (await makeStaff(t, ['scanner'])).accessToken,
    buyer: await makeCustomer(t, buyerName),
  };
}

/** Events with tickets, gates and scans for the entry-validation tests; `actors` is read when called. */
export function entryFixtures(actors: () => EntryActors) {
  /** A published event with general (`Standing`) and `VIP` tickets bought by the buyer. */
  async function eventWithTickets(counts: { ga?: number; vip?: number } = { ga: 1 }) {
    const { t, manager, buyer } = actors();
    const e = await makeEvent(t, manager);
    const ga = await makeTicketType(t, manager, e.id, { name: 'Standing', capacity: 200 });
    const vip = await makeTicketType(t, manager, e.id, { name: 'VIP', capacity: 20, accessLevel: 'vip' });
    await publish(t, manager, e.id);
    const buy = async (typeId: string, quantity: number): Promise<EntryTicket[]> => {
      if (!quantity) return [];
      const res = await purchase(t, buyer.accessToken, {
        eventId: e.id,
        items: [{ ticketTypeId: typeId, quantity }],
        payment: SANDBOX_OK,
      });
      if (res.status !== 201) throw new Error(`purchase: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.tickets as EntryTicket[];
    };
    return {
      eventId: e.id,
      ga: await buy(ga.id, counts.ga ?? 0),
      vip: await buy(vip.id, counts.vip ?? 0),
      /** Another purchase of general admission. */
      more: (quantity: number) => buy(ga.id, quantity),
    };
  }

  const scan = (body: Record<string, unknown>, token = actors().scanner) =>
    actors().t.http().post('/api/tickets/validate').set(auth(token)).send(body);

  /** A gate, optionally into a zone admitting `zone` and on a check-in list of its own. */
  async function gate(
    eventId: string,
    opts: { zone?: string[]; list?: { name: string; allowReentry?: boolean } } = {},
  ): Promise<string> {
    const { t, manager } = actors();
    const post = (path: string, body: Record<string, unknown>) =>
      t.http().post(`/api/events/${eventId}/${path}`).set(auth(manager)).send(body);
    const zoneId = opts.zone ? (await post('zones', { name: 'Zone', accessLevels: opts.zone })).body.id : undefined;
    const checkInListId = opts.list ? (await post('check-in-lists', opts.list)).body.id : undefined;
    const res = await post('gates', { name: `Gate ${randomUUID().slice(0, 4)}`, zoneId, checkInListId });
    if (res.status !== 201) throw new Error(`gate: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id as string;
  }

  return { eventWithTickets, scan, gate };
}
