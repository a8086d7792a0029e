import type { Schemas } from '@tessera/api-client';
import { useMemo, type KeyboardEvent, type MouseEvent } from 'react';

type SeatMap = Schemas['SeatMapDto'];
type Section = Schemas['SectionDto'];
type Seat = Schemas['SeatDto'];

/** free: can be picked; selected: picked; taken: held or sold; unavailable: not sold for this choice. */
export type SeatState = 'free' | 'selected' | 'taken' | 'unavailable';

export interface SeatMapViewProps {
  map: SeatMap;
  stateOf: (seat: Seat) => SeatState;
  /** Called for a click (or Enter/Space) on a free or selected seat. */
  onSeat?: (seat: Seat, section: Section) => void;
  /** Frames these sections (the ones on sale); the whole map when empty. */
  focusSectionIds?: readonly string[];
  label?: string;
}

const SEAT_RADIUS = 5;
const LABEL_HEIGHT = 17;
const PAD = 14;
const MIN_VIEW_WIDTH = 360;
const FREE_COLOR = '#4f46e5';
const SELECTED_COLOR = '#f59e0b';
const TAKEN_COLOR = '#c4c9d1';
const UNAVAILABLE_COLOR = '#e7e9ee';

export const seatAccessibleName = (section: Pick<Section, 'name'>, seat: Pick<Seat, 'row' | 'label'>) =>
  `${section.name} row ${seat.row} seat ${seat.label}`;

/** The API's label for a seat: "Stalls A-12". */
export const seatLabel = (section: Pick<Section, 'name'>, seat: Pick<Seat, 'row' | 'label'>) =>
  `${section.name} ${seat.row}-${seat.label}`;

/**
 * The seats a reserved ticket type sells, with their sections: reserved sections (those it names, or all),
 * its price zone if it has one, never house seats or kills.
 */
export function seatsForTicketType(
  map: SeatMap,
  type: { sectionIds: readonly string[]; priceZoneId: string | null },
): Map<string, Section> {
  const out = new Map<string, Section>();
  for (const section of map.sections) {
    if (section.kind !== 'reserved') continue;
    if (type.sectionIds.length > 0 && !type.sectionIds.includes(section.id)) continue;
    for (const seat of section.seats) {
      if (seat.heldBack) continue;
      if (type.priceZoneId && seat.priceZoneId !== type.priceZoneId) continue;
      out.set(seat.id, section);
    }
  }
  return out;
}

function frame(sections: readonly Section[]): { x: number; y: number; width: number; height: number } {
  const x0 = Math.min(...sections.map((s) => s.x)) - PAD;
  const y0 = Math.min(...sections.map((s) => s.y)) - LABEL_HEIGHT - PAD;
  const x1 = Math.max(...sections.map((s) => s.x + s.width)) + PAD;
  const y1 = Math.max(...sections.map((s) => s.y + s.height)) + PAD;
  const width = Math.max(x1 - x0, MIN_VIEW_WIDTH);
  return { x: x0 - (width - (x1 - x0)) / 2, y: y0, width, height: y1 - y0 };
}

/** A read-only seat map (SVG in map units) on which free seats can be picked. */
export function SeatMapView({ map, stateOf, onSeat, focusSectionIds = [], label = 'Seat map' }: SeatMapViewProps) {
  const zoneColors = useMemo(() => new Map(map.priceZones.map((z) => [z.id, z.color])), [map.priceZones]);
  const seats = useMemo(() => {
    const index = new Map<string, { seat: Seat; section: Section }>();
    for (const section of map.sections) for (const seat of section.seats) index.set(seat.id, { seat, section });
    return index;
  }, [map.sections]);
  const focused = map.sections.filter((s) => focusSectionIds.includes(s.id));
  const view =
    focused.length > 0 ? frame(focused) : { x: 0, y: -LABEL_HEIGHT - 8, width: map.width, height: map.height + 25 };

  // Labels keep about the same size on screen whether the map is framed close or shown whole.
  const labelSize = Math.min(12, Math.max(7, view.width / 45));

  const pick = (target: EventTarget) => {
    const id = target instanceof Element ? target.closest('[data-seat]')?.getAttribute('data-seat') : null;
    const hit = id ? seats.get(id) : undefined;
    if (!hit || !onSeat) return;
    const state = stateOf(hit.seat);
    if (state === 'free' || state === 'selected') onSeat(hit.seat, hit.section);
  };
  const onClick = (event: MouseEvent<SVGSVGElement>) => pick(event.target);
  const onKeyDown = (event: KeyboardEvent<SVGSVGElement>) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    pick(event.target);
  };

  return (
    <figure className="ts-seat-map">
      <svg
        viewBox={`${view.x} ${view.y} ${view.width} ${view.height}`}
        role="group"
        aria-label={label}
        className="ts-seat-map__svg"
        onClick={onClick}
        onKeyDown={onKeyDown}
      >
        {map.sections.map((section) => (
          <g key={section.id} opacity={focused.length === 0 || focused.includes(section) ? 1 : 0.45}>
            <rect
              x={section.x}
              y={section.y}
              width={section.width}
              height={section.height}
              rx={6}
              fill={section.color}
              fillOpacity={section.kind === 'general_admission' ? 0.18 : 0.06}
              stroke={section.color}
              strokeWidth={1.2}
            />
            <text x={section.x + 4} y={section.y - 5} fontSize={labelSize} fontWeight={600} fill="#374151">
              {section.name}
            </text>
            {section.seats.map((seat) => {
              const state = stateOf(seat);
              if (state === 'unavailable') {
                return <circle key={seat.id} cx={seat.x} cy={seat.y} r={SEAT_RADIUS - 1} fill={UNAVAILABLE_COLOR} />;
              }
              const pickable = state !== 'taken';
              const fill =
                state === 'selected'
                  ? SELECTED_COLOR
                  : state === 'taken'
                    ? TAKEN_COLOR
                    : ((seat.priceZoneId && zoneColors.get(seat.priceZoneId)) ?? FREE_COLOR);
              return (
                <circle
                  key={seat.id}
                  data-seat={seat.id}
                  data-state={state}
                  role="button"
                  tabIndex={pickable ? 0 : undefined}
                  aria-label={seatAccessibleName(section, seat)}
                  aria-pressed={pickable ? state === 'selected' : undefined}
                  aria-disabled={pickable ? undefined : true}
                  className={pickable ? 'ts-seat ts-seat--pickable' : 'ts-seat'}
                  cx={seat.x}
                  cy={seat.y}
                  r={SEAT_RADIUS}
                  fill={fill}
                  stroke={state === 'selected' ? '#92400e' : '#ffffff'}
                  strokeWidth={state === 'selected' ? 2 : 1}
                >
                  <title>
                    {seatAccessibleName(section, seat)}
                    {state === 'taken' ? ' (taken)' : ''}
                  </title>
                </circle>
              );
            })}
          </g>
        ))}
      </svg>
      <figcaption className="ts-seat-map__legend">
        <span>
          <i style={{ background: FREE_COLOR }} /> Free
        </span>
        <span>
          <i style={{ background: SELECTED_COLOR }} /> Your choice
        </span>
        <span>
          <i style={{ background: TAKEN_COLOR }} /> Taken
        </span>
      </figcaption>
    </figure>
  );
}
