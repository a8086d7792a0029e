import { unwrap, type Schemas } from '@tessera/api-client';
import { useEffect, useState } from 'react';
import { api } from './api.js';

export type EventInfo = Schemas['EventDto'];

// Orders and tickets carry event ids only; the names come from the events, each fetched once per page load.
const cache = new Map<string, Promise<EventInfo | null>>();

function loadEvent(id: string): Promise<EventInfo | null> {
  let found = cache.get(id);
  if (!found) {
    found = unwrap(api.GET('/api/events/{id}', { params: { path: { id } } })).catch(() => {
      cache.delete(id);
      return null;
    });
    cache.set(id, found);
  }
  return found;
}

/** The events with these ids, as they arrive (an event that cannot be loaded stays missing). */
export function useEventsById(ids: readonly string[]): ReadonlyMap<string, EventInfo> {
  const [events, setEvents] = useState<ReadonlyMap<string, EventInfo>>(new Map());
  const key = [...new Set(ids)].sort().join(',');
  useEffect(() => {
    let active = true;
    const wanted = key ? key.split(',') : [];
    void Promise.all(wanted.map(loadEvent)).then((found) => {
      if (!active) return;
      setEvents(new Map(found.filter((e): e is EventInfo => !!e).map((e) => [e.id, e])));
    });
    return () => {
      active = false;
    };
  }, [key]);
  return events;
}
