// Access bits: bit n (0-7) of the access byte grants access zone n. Which zone is which is the
// event's configuration (an ordered list of at most 8 zones); zone 0 is conventionally general entry.

export const MAX_ZONES = 8;
/** Every zone. */
export const ACCESS_ALL = 0xff;

function assertZone(zone: number): void {
  if (!Number.isInteger(zone) || zone < 0 || zone >= MAX_ZONES) throw new RangeError(`A zone is 0-${MAX_ZONES - 1}`);
}

/** The access byte granting `zones`, e.g. accessMask([0, 3]) === 0b1001. */
export function accessMask(zones: Iterable<number>): number {
  let mask = 0;
  for (const zone of zones) {
    assertZone(zone);
    mask |= 1 << zone;
  }
  return mask;
}

/** The zones an access byte grants, ascending. */
export function accessZones(access: number): number[] {
  const zones: number[] = [];
  for (let zone = 0; zone < MAX_ZONES; zone++) if (access & (1 << zone)) zones.push(zone);
  return zones;
}

/** True when `ticket` (or its access byte) grants `zone`. */
export function hasAccess(ticket: number | { access: number }, zone: number): boolean {
  assertZone(zone);
  const access = typeof ticket === 'number' ? ticket : ticket.access;
  return (access & (1 << zone)) !== 0;
}
