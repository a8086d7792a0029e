import { formatEventDateTime } from '@tessera/ui';
import type { EventInfo } from '../../lib/use-events.js';
import type { Ticket } from './list-my-tickets.js';

/** What a ticket shows of its event: from the ticket itself, or the event loaded on the side. */
export interface TicketEvent {
  id: string;
  name: string;
  startsAt: string;
  timezone: string;
  venueName: string | null;
  venueAddress: string | null;
}

export function ticketEvent(ticket: Ticket, loaded: EventInfo | undefined): TicketEvent | null {
  if (ticket.event) {
    return {
      id: ticket.eventId,
      name: ticket.event.name,
      startsAt: ticket.event.startsAt,
      timezone: ticket.event.timezone,
      venueName: ticket.event.venueName,
      venueAddress: ticket.event.venueAddress,
    };
  }
  if (!loaded) return null;
  const venue = loaded.venue;
  return {
    id: loaded.id,
    name: loaded.name,
    startsAt: loaded.startsAt,
    timezone: loaded.timezone,
    venueName: venue?.name ?? null,
    venueAddress: venue ? [venue.address, venue.city].filter(Boolean).join(', ') || null : null,
  };
}

/** The events the tickets do not describe themselves, to load on the side. */
export function eventsToLoad(tickets: readonly Ticket[]): string[] {
  return tickets.filter((t) => !t.event).map((t) => t.eventId);
}

/** "Sat, 14 Jun 2025, 19:30 CEST · Arena" in the event's own time zone. */
export function whenAndWhere(event: TicketEvent): string {
  const when = formatEventDateTime(event.startsAt, event.timezone);
  return event.venueName ? `${when} · ${event.venueName}` : when;
}

export function seatText(seat: Ticket['seat']): string {
  return seat ? `${seat.section} · Row ${seat.row} · Seat ${seat.label}` : 'General admission';
}

export interface TicketGroup {
  eventId: string;
  event: TicketEvent | null;
  tickets: Ticket[];
}

// An event stays "upcoming" for a few hours after its start, while people are still at the gate.
const STILL_ON_MS = 6 * 60 * 60 * 1000;

/** Tickets by event: upcoming soonest first, then past events latest first, unknown events last. */
export function groupByEvent(
  tickets: readonly Ticket[],
  events: ReadonlyMap<string, EventInfo>,
  now = Date.now(),
): TicketGroup[] {
  const groups = new Map<string, TicketGroup>();
  for (const ticket of tickets) {
    let group = groups.get(ticket.eventId);
    if (!group) {
      group = { eventId: ticket.eventId, event: null, tickets: [] };
      groups.set(ticket.eventId, group);
    }
    group.event ??= ticketEvent(ticket, events.get(ticket.eventId));
    group.tickets.push(ticket);
  }
  const rank = (g: TicketGroup): [number, number] => {
    if (!g.event) return [2, 0];
    const start = Date.parse(g.event.startsAt);
    return start + STILL_ON_MS >= now ? [0, start] : [1, -start];
  };
  return [...groups.values()].sort((a, b) => {
    const [ra, ka] = rank(a);
    const [rb, kb] = rank(b);
    return ra - rb || ka - kb;
  });
}
