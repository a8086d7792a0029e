import { memo, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { SeatMap, Section } from './get-seat-map.js';
import {
  ACCESSIBLE_COLOR,
  HELD_BACK_COLOR,
  NO_ZONE_COLOR,
  SEAT_RADIUS,
  seatsInBox,
  type Box,
  type IndexedSeat,
  type SelectMode,
} from './seat-map-model.js';

const LABEL_HEIGHT = 17;
const DRAG_THRESHOLD_PX = 4;

/** The seats, drawn once per map load: selection changes never re-render them. */
const SeatLayer = memo(function SeatLayer({
  sections,
  colors,
}: {
  sections: readonly Section[];
  colors: ReadonlyMap<string, string>;
}) {
  return (
    <>
      <g>
        {sections.map((section) =>
          section.seats.map((seat) => {
            const accessible = seat.attributes.includes('accessible');
            const fill = seat.heldBack
              ? HELD_BACK_COLOR
              : ((seat.priceZoneId && colors.get(seat.priceZoneId)) ?? NO_ZONE_COLOR);
            return (
              <circle
                key={seat.id}
                data-seat={seat.id}
                role="button"
                aria-label={`${section.name} row ${seat.row} seat ${seat.label}`}
                cx={seat.x}
                cy={seat.y}
                r={SEAT_RADIUS}
                fill={fill}
                stroke={accessible ? ACCESSIBLE_COLOR : '#ffffff'}
                strokeWidth={accessible ? 2.2 : 1}
              />
            );
          }),
        )}
      </g>
      <g pointerEvents="none" stroke="#52525b" strokeWidth={1.4}>
        {sections.map((section) =>
          section.seats
            .filter((seat) => seat.heldBack)
            .map((seat) => (
              <path
                key={seat.id}
                d={`M${seat.x - 3} ${seat.y - 3}L${seat.x + 3} ${seat.y + 3}M${seat.x + 3} ${seat.y - 3}L${seat.x - 3} ${seat.y + 3}`}
              />
            )),
        )}
      </g>
    </>
  );
});

function SectionShape({ section, selected }: { section: Section; selected: boolean }) {
  return (
    <rect
      data-section={section.kind === 'general_admission' ? section.id : undefined}
      x={section.x}
      y={section.y}
      width={section.width}
      height={section.height}
      rx={6}
      fill={section.color}
      fillOpacity={section.kind === 'general_admission' ? 0.22 : 0.08}
      stroke={section.color}
      strokeWidth={selected ? 3 : 1.5}
      strokeDasharray={selected ? '8 4' : undefined}
    />
  );
}

function SectionLabel({
  section,
  selected,
  onSelect,
}: {
  section: Section;
  selected: boolean;
  onSelect: (id: string) => void;
}) {
  const text = section.kind === 'general_admission' ? `${section.name} · GA ${section.capacity ?? 0}` : section.name;
  const width = Math.min(section.width, text.length * 7 + 14);
  const onKeyDown = (event: KeyboardEvent<SVGGElement>) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onSelect(section.id);
    }
  };
  return (
    <g
      data-section={section.id}
      role="button"
      tabIndex={0}
      aria-label={`Section ${section.name}`}
      aria-pressed={selected}
      onKeyDown={onKeyDown}
      style={{ cursor: 'pointer' }}
    >
      <rect
        x={section.x}
        y={section.y - LABEL_HEIGHT - 2}
        width={width}
        height={LABEL_HEIGHT}
        rx={4}
        fill={section.color}
      />
      <text x={section.x + 7} y={section.y - 6} fontSize={12} fontWeight={600} fill="#ffffff">
        {text}
      </text>
      {section.kind === 'general_admission' && (
        <text
          x={section.x + section.width / 2}
          y={section.y + section.height / 2}
          textAnchor="middle"
          dominantBaseline="middle"
          fontSize={14}
          fill="#1f2937"
          pointerEvents="none"
        >
          General admission · {(section.capacity ?? 0).toLocaleString()}
        </text>
      )}
    </g>
  );
}

export interface SeatMapCanvasProps {
  map: SeatMap;
  seatIndex: ReadonlyMap<string, IndexedSeat>;
  selectedSeats: ReadonlySet<string>;
  selectedSectionId: string | null;
  onSelectSeats: (ids: string[], mode: SelectMode) => void;
  onSelectSection: (id: string | null) => void;
}

interface DragStart {
  clientX: number;
  clientY: number;
  x: number;
  y: number;
  additive: boolean;
  target: Element | null;
}

/**
 * The map as SVG in map units (1000 wide). Click a seat to select it, shift/ctrl-click to add,
 * drag a rectangle to box-select, click a section label to select the section.
 */
export function SeatMapCanvas({
  map,
  seatIndex,
  selectedSeats,
  selectedSectionId,
  onSelectSeats,
  onSelectSection,
}: SeatMapCanvasProps) {
  const svg = useRef<SVGSVGElement>(null);
  const start = useRef<DragStart | null>(null);
  const [box, setBox] = useState<Box | null>(null);
  const colors = useMemo(() => new Map(map.priceZones.map((z) => [z.id, z.color])), [map.priceZones]);

  const toMap = (clientX: number, clientY: number) => {
    const matrix = svg.current?.getScreenCTM();
    if (!matrix) return { x: 0, y: 0 };
    const point = new DOMPoint(clientX, clientY).matrixTransform(matrix.inverse());
    return { x: point.x, y: point.y };
  };

  const onPointerDown = (event: PointerEvent<SVGSVGElement>) => {
    if (event.button !== 0) return;
    const { x, y } = toMap(event.clientX, event.clientY);
    start.current = {
      clientX: event.clientX,
      clientY: event.clientY,
      x,
      y,
      additive: event.shiftKey || event.ctrlKey || event.metaKey,
      target: event.target instanceof Element ? event.target : null,
    };
    try {
      event.currentTarget.setPointerCapture(event.pointerId);
    } catch {
      // Capture is a nicety for drags that leave the map.
    }
  };

  const onPointerMove = (event: PointerEvent<SVGSVGElement>) => {
    const s = start.current;
    if (!s) return;
    const moved = Math.hypot(event.clientX - s.clientX, event.clientY - s.clientY) > DRAG_THRESHOLD_PX;
    if (!moved && !box) return;
    const { x, y } = toMap(event.clientX, event.clientY);
    setBox({ x0: s.x, y0: s.y, x1: x, y1: y });
  };

  const onPointerUp = (event: PointerEvent<SVGSVGElement>) => {
    const s = start.current;
    start.current = null;
    if (!s) return;
    if (box) {
      setBox(null);
      const { x, y } = toMap(event.clientX, event.clientY);
      onSelectSeats(seatsInBox(map.sections, { x0: s.x, y0: s.y, x1: x, y1: y }), s.additive ? 'add' : 'replace');
      return;
    }
    const seatId = s.target?.closest('[data-seat]')?.getAttribute('data-seat');
    const sectionId = s.target?.closest('[data-section]')?.getAttribute('data-section');
    if (seatId) onSelectSeats([seatId], s.additive ? 'toggle' : 'replace');
    else if (sectionId) onSelectSection(sectionId);
    else if (!s.additive) onSelectSeats([], 'replace');
  };

  const onPointerCancel = () => {
    start.current = null;
    setBox(null);
  };

  const selected = [...selectedSeats].map((id) => seatIndex.get(id)).filter((s): s is IndexedSeat => Boolean(s));
  return (
    <svg
      ref={svg}
      viewBox={`0 ${-LABEL_HEIGHT - 8} ${map.width} ${map.height + LABEL_HEIGHT + 8}`}
      role="group"
      aria-label="Seat map"
      style={{
        display: 'block',
        width: '100%',
        height: 'auto',
        background: '#ffffff',
        border: '1px solid var(--color-border)',
        borderRadius: 'var(--radius-lg)',
        touchAction: 'none',
        userSelect: 'none',
        cursor: 'crosshair',
      }}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerCancel}
    >
      {map.sections.map((section) => (
        <SectionShape key={section.id} section={section} selected={section.id === selectedSectionId} />
      ))}
      <SeatLayer sections={map.sections} colors={colors} />
      <g pointerEvents="none">
        {selected.map((seat) => (
          <circle
            key={seat.id}
            cx={seat.x}
            cy={seat.y}
            r={SEAT_RADIUS + 2.5}
            fill="none"
            stroke="#f59e0b"
            strokeWidth={2.5}
          />
        ))}
      </g>
      {map.sections.map((section) => (
        <SectionLabel
          key={section.id}
          section={section}
          selected={section.id === selectedSectionId}
          onSelect={onSelectSection}
        />
      ))}
      {box && (
        <rect
          x={Math.min(box.x0, box.x1)}
          y={Math.min(box.y0, box.y1)}
          width={Math.abs(box.x1 - box.x0)}
          height={Math.abs(box.y1 - box.y0)}
          fill="#3b3fd8"
          fillOpacity={0.08}
          stroke="#3b3fd8"
          strokeDasharray="4 3"
          pointerEvents="none"
        />
      )}
    </svg>
  );
}
