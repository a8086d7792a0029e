import type { PriceZone, Seat, SeatAttribute, SeatMap, Section } from './get-seat-map.js';

export const SEAT_RADIUS = 5;
export const NO_ZONE_COLOR = '#94a3b8';
export const HELD_BACK_COLOR = '#d4d4d8';
export const ACCESSIBLE_COLOR = '#1d4ed8';

export const SEAT_ATTRIBUTES: readonly { value: SeatAttribute; label: string }[] = [
  { value: 'accessible', label: 'Accessible' },
  { value: 'restricted_view', label: 'Restricted view' },
  { value: 'aisle', label: 'Aisle' },
  { value: 'companion', label: 'Companion' },
];

export interface IndexedSeat extends Seat {
  sectionName: string;
}

/** Every seat by id, with its section's name, for the selection and the side panel. */
export function indexSeats(map: SeatMap): Map<string, IndexedSeat> {
  const index = new Map<string, IndexedSeat>();
  for (const section of map.sections) {
    for (const seat of section.seats) index.set(seat.id, { ...seat, sectionName: section.name });
  }
  return index;
}

export function zoneColors(zones: readonly PriceZone[]): Map<string, string> {
  return new Map(zones.map((z) => [z.id, z.color]));
}

export const seatName = (seat: Pick<IndexedSeat, 'row' | 'label' | 'sectionName'>) =>
  `${seat.sectionName} row ${seat.row} seat ${seat.label}`;

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** The seats whose centre lies in the box (corners in any order). */
export function seatsInBox(sections: readonly Section[], box: Box): string[] {
  const [left, right] = box.x0 < box.x1 ? [box.x0, box.x1] : [box.x1, box.x0];
  const [top, bottom] = box.y0 < box.y1 ? [box.y0, box.y1] : [box.y1, box.y0];
  const ids: string[] = [];
  for (const section of sections) {
    for (const seat of section.seats) {
      if (seat.x >= left && seat.x <= right && seat.y >= top && seat.y <= bottom) ids.push(seat.id);
    }
  }
  return ids;
}

export type SelectMode = 'replace' | 'toggle' | 'add';

/** The next selection after clicking or boxing `ids`. */
export function nextSelection(current: ReadonlySet<string>, ids: readonly string[], mode: SelectMode): Set<string> {
  if (mode === 'replace') return new Set(ids);
  const next = new Set(current);
  if (mode === 'add') {
    for (const id of ids) next.add(id);
    return next;
  }
  for (const id of ids) {
    if (next.has(id)) next.delete(id);
    else next.add(id);
  }
  return next;
}

export type AttributeChoice = 'on' | 'off' | 'mixed';

/** Per attribute: whether all, none or some of the seats have it. */
export function attributeState(seats: readonly Seat[]): Record<SeatAttribute, AttributeChoice> {
  const state = {} as Record<SeatAttribute, AttributeChoice>;
  for (const { value } of SEAT_ATTRIBUTES) {
    const count = seats.filter((s) => s.attributes.includes(value)).length;
    state[value] = count === 0 ? 'off' : count === seats.length ? 'on' : 'mixed';
  }
  return state;
}

/**
 * The API replaces a seat's attributes, so seats that should end up alike are sent together:
 * 'on' adds, 'off' removes, 'mixed' keeps what each seat has.
 */
export function attributeGroups(
  seats: readonly Seat[],
  choice: Record<SeatAttribute, AttributeChoice>,
): { attributes: SeatAttribute[]; seatIds: string[] }[] {
  const groups = new Map<string, { attributes: SeatAttribute[]; seatIds: string[] }>();
  for (const seat of seats) {
    const attributes = SEAT_ATTRIBUTES.map((a) => a.value).filter((a) =>
      choice[a] === 'mixed' ? seat.attributes.includes(a) : choice[a] === 'on',
    );
    const key = attributes.join('|');
    const group = groups.get(key) ?? { attributes, seatIds: [] };
    group.seatIds.push(seat.id);
    groups.set(key, group);
  }
  return [...groups.values()];
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString()} ${n === 1 ? one : many}`;
