import type { Role } from '@tessera/ui';

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Administrator',
  event_manager: 'Event manager',
  box_office: 'Box office',
  scanner: 'Scanner',
  support_agent: 'Support agent',
};

/** Every staff role; a user with none of them is a customer. */
export const STAFF_ROLES = Object.keys(ROLE_LABELS) as Role[];

export const ROLE_OPTIONS = STAFF_ROLES.map((value) => ({ value, label: ROLE_LABELS[value] }));
