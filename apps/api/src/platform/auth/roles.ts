/** Staff roles. A customer has none. */
export const STAFF_ROLES = ['admin', 'event_manager', 'box_office', 'scanner', 'support_agent'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
