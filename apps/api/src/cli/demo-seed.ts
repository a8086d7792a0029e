import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { StaffService } from '../modules/auth/staff.service.js';
import type { StaffRole } from '../modules/auth/user.entity.js';
import { EventsService } from '../modules/events/events.service.js';
import { VenuesService } from '../modules/events/venues.service.js';
import { TicketTypesService } from '../modules/tickets/ticket-types.service.js';

export interface DemoAccount {
  role: StaffRole;
  email: string;
  password: string;
}

/** One account per staff role. These are for a local demo only: the seed never runs unless asked. */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  { role: 'admin', email: 'admin@demo.tessera.local', password: 'demo-admin-pass' },
  { role: 'event_manager', email: 'events@demo.tessera.local', password: 'demo-events-pass' },
  { role: 'box_office', email: 'boxoffice@demo.tessera.local', password: 'demo-boxoffice-pass' },
  { role: 'scanner', email: 'scanner@demo.tessera.local', password: 'demo-scanner-pass' },
  { role: 'support_agent', email: 'support@demo.tessera.local', password: 'demo-support-pass' },
];

/** Seeds a venue, an upcoming event on sale with two ticket types, and the demo staff; once. */
export async function seedDemo(app: INestApplicationContext): Promise<{ seeded: boolean; accounts: DemoAccount[] }> {
  const ds = app.get(DataSource);
  const [{ n }] = (await ds.query('SELECT count(*)::int AS n FROM games')) as { n: number }[];
  if (n > 0) return { seeded: false, accounts: DEMO_ACCOUNTS };

  const staff = app.get(StaffService);
  for (const a of DEMO_ACCOUNTS) {
    const [{ exists }] = (await ds.query('SELECT exists(SELECT 1 FROM users WHERE email = $1) AS exists', [
      a.email,
    ])) as { exists: boolean }[];
    if (!exists)
      await staff.create(null, {
        email: a.email,
        password: a.password,
        name: `Demo ${a.role.replace('_', ' ')}`,
        roles: [a.role],
      });
  }

  const events = app.get(EventsService);
  const venue = await app.get(VenuesService).create(null, {
    name: 'Harbour Arena',
    address: 'Quay Street 1',
    city: 'Rotterdam',
    country: 'NL',
    latitude: 51.9054,
    longitude: 4.4666,
    capacity: 12000,
    postalCode: '3011 AA',
    timezone: 'Europe/Amsterdam',
  });
  const startsAt = new Date(Date.now() + 21 * 86_400_000);
  startsAt.setUTCHours(18, 30, 0, 0);
  const event = await events.create(null, {
    name: 'Harbour City FC v Riverside United',
    description: 'League match under the lights. Gates open 90 minutes before kick-off.',
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 2 * 3600_000).toISOString(),
    doorsAt: new Date(startsAt.getTime() - 90 * 60_000).toISOString(),
    timezone: 'Europe/Amsterdam',
    venueId: venue.id,
  });
  const types = app.get(TicketTypesService);
  await types.create(null, {
    eventId: event.id,
    name: 'Standing',
    price: 2500,
    currency: 'EUR',
    capacity: 8000,
    maxPerOrder: 10,
  });
  await types.create(null, {
    eventId: event.id,
    name: 'Grandstand',
    price: 4500,
    currency: 'EUR',
    capacity: 4000,
    maxPerOrder: 6,
    accessLevel: 'grandstand',
  });
  await events.transition(null, event.id, 'publish');
  return { seeded: true, accounts: DEMO_ACCOUNTS };
}
