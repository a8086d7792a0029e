import type { ApiClient, Schemas } from '@tessera/api-client';
import { useCallback, useEffect, useRef, useState } from 'react';

// Live availability of an event: the SSE stream `/api/events/{id}/stream` (event `availability`) when the
// browser and the server allow it, else polling `/api/events/{id}/availability`. Both carry an AvailabilityDto.

export type Availability = Schemas['AvailabilityDto'];
export type TypeAvailability = Schemas['TypeAvailabilityDto'];

/** Where the numbers come from: the stream, polling, or nowhere (the server has no availability for the event). */
export type AvailabilitySource = 'connecting' | 'live' | 'polling' | 'unavailable';

export interface LiveAvailability {
  availability: Availability | null;
  source: AvailabilitySource;
  /** Asks for a fresh snapshot now (after a sale or a hold). */
  refresh: () => void;
}

export const AVAILABILITY_POLL_MS = 5_000;

function isAvailability(value: unknown): value is Availability {
  const v = value as Partial<Availability> | null;
  return !!v && typeof v === 'object' && Array.isArray(v.ticketTypes) && Array.isArray(v.takenSeats);
}

/**
 * Follows an event's availability; `eventId` null follows nothing. `baseUrl` is the API's origin for the
 * stream (the page's own by default, as for the apps' API clients).
 */
export function useLiveAvailability(
  api: ApiClient,
  eventId: string | null,
  options: { baseUrl?: string; pollMs?: number } = {},
): LiveAvailability {
  const { baseUrl = '', pollMs = AVAILABILITY_POLL_MS } = options;
  const [state, setState] = useState<{ availability: Availability | null; source: AvailabilitySource }>({
    availability: null,
    source: 'connecting',
  });
  const fetchNow = useRef<() => void>(() => undefined);

  useEffect(() => {
    if (!eventId) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let source: EventSource | null = null;
    let inFlight: AbortController | null = null;
    setState({ availability: null, source: 'connecting' });

    const accept = (data: unknown, from: AvailabilitySource) => {
      if (!stopped && isAvailability(data) && data.eventId === eventId) setState({ availability: data, source: from });
    };

    const poll = async (reschedule: boolean) => {
      inFlight?.abort();
      const controller = new AbortController();
      inFlight = controller;
      try {
        const { data, response } = await api.GET('/api/events/{id}/availability', {
          params: { path: { id: eventId } },
          signal: controller.signal,
        });
        if (response.status === 404) {
          // No availability for this event (or a server without it): seats are shown as free.
          if (!stopped) setState({ availability: null, source: 'unavailable' });
          return;
        }
        if (response.ok) accept(data, source ? 'live' : 'polling');
      } catch {
        // Offline for a moment: keep the last numbers and try again.
      }
      if (reschedule && !stopped && !source) timer = setTimeout(() => void poll(true), pollMs);
    };

    const startPolling = () => {
      source?.close();
      source = null;
      clearTimeout(timer);
      void poll(true);
    };

    if (typeof EventSource === 'function') {
      source = new EventSource(`${baseUrl}/api/events/${encodeURIComponent(eventId)}/stream`);
      source.addEventListener('availability', (message) => {
        try {
          accept(JSON.parse((message as MessageEvent<string>).data), 'live');
        } catch {
          // A malformed message is skipped; the next one replaces it.
        }
      });
      source.onerror = startPolling;
    } else {
      startPolling();
    }
    fetchNow.current = () => void poll(false);

    return () => {
      stopped = true;
      clearTimeout(timer);
      source?.close();
      inFlight?.abort();
      fetchNow.current = () => undefined;
    };
  }, [api, eventId, baseUrl, pollMs]);

  const refresh = useCallback(() => fetchNow.current(), []);
  return { ...state, refresh };
}

/** The ticket types with their live numbers (available, status, price) where the live snapshot has them. */
export function applyAvailability<T extends { id: string; available: number | null; status: string; price: number }>(
  types: readonly T[],
  availability: Availability | null,
): T[] {
  if (!availability) return [...types];
  const live = new Map(availability.ticketTypes.map((t) => [t.id, t]));
  return types.map((type) => {
    const l = live.get(type.id);
    if (!l) return type;
    return { ...type, available: l.available, status: l.status, price: l.price } as T;
  });
}
