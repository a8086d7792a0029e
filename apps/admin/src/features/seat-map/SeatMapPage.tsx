import { Button, ErrorBanner, Link, Loading, PageHeader, Stat, useAsync } from '@tessera/ui';
import { useCallback, useMemo, useState } from 'react';
import './seat-map.css';
import { AddSectionForm } from './AddSectionForm.js';
import { getSeatMap, type SeatMap } from './get-seat-map.js';
import { getVenue } from './get-venue.js';
import { ImportExportPanel } from './ImportExportPanel.js';
import { PriceZonesPanel } from './PriceZonesPanel.js';
import { SeatMapCanvas } from './SeatMapCanvas.js';
import {
  ACCESSIBLE_COLOR,
  HELD_BACK_COLOR,
  NO_ZONE_COLOR,
  indexSeats,
  nextSelection,
  type IndexedSeat,
  type SelectMode,
} from './seat-map-model.js';
import { SeatsPanel } from './SeatsPanel.js';
import { SectionPanel } from './SectionPanel.js';

interface Selection {
  seats: ReadonlySet<string>;
  sectionId: string | null;
  /** Changes with every new selection, so the panels start from the selected seats' current state. */
  version: number;
}

function Legend({ map }: { map: SeatMap }) {
  const items = [
    ...map.priceZones.map((z) => ({ key: z.id, label: z.name, fill: z.color, stroke: '#ffffff' })),
    { key: 'none', label: 'No zone', fill: NO_ZONE_COLOR, stroke: '#ffffff' },
    { key: 'held', label: 'Held back (×)', fill: HELD_BACK_COLOR, stroke: '#52525b' },
    { key: 'accessible', label: 'Accessible', fill: '#ffffff', stroke: ACCESSIBLE_COLOR },
    { key: 'selected', label: 'Selected', fill: '#ffffff', stroke: '#f59e0b' },
  ];
  return (
    <ul
      className="ts-cluster"
      aria-label="Legend"
      style={{ margin: 0, padding: 0, gap: 'var(--space-3)', fontSize: 'var(--text-sm)' }}
    >
      {items.map((item) => (
        <li
          key={item.key}
          style={{ listStyle: 'none', display: 'inline-flex', alignItems: 'center', gap: 'var(--space-1)' }}
        >
          <svg width="14" height="14" aria-hidden="true">
            <circle cx="7" cy="7" r="5" fill={item.fill} stroke={item.stroke} strokeWidth="2" />
          </svg>
          {item.label}
        </li>
      ))}
    </ul>
  );
}

/** The seat-map builder of one venue: draw sections, generate and mark seats, price zones, import and export. */
export function SeatMapPage({ venueId }: { venueId: string }) {
  const venue = useAsync((signal) => getVenue(venueId, signal), [venueId]);
  const map = useAsync((signal) => getSeatMap(venueId, signal), [venueId]);
  const [selection, setSelection] = useState<Selection>({ seats: new Set(), sectionId: null, version: 0 });
  const reload = map.reload;

  const seatIndex = useMemo(() => (map.data ? indexSeats(map.data) : new Map<string, IndexedSeat>()), [map.data]);
  const selectedSeats = useMemo(
    () => [...selection.seats].map((id) => seatIndex.get(id)).filter((s): s is IndexedSeat => Boolean(s)),
    [selection.seats, seatIndex],
  );
  const section = map.data?.sections.find((s) => s.id === selection.sectionId);

  const selectSeats = useCallback((ids: string[], mode: SelectMode) => {
    setSelection((s) => ({ seats: nextSelection(s.seats, ids, mode), sectionId: null, version: s.version + 1 }));
  }, []);
  const selectSection = useCallback((sectionId: string | null) => {
    setSelection((s) => ({ seats: new Set(), sectionId, version: s.version + 1 }));
  }, []);

  const name = venue.data?.name ?? 'Venue';
  if (map.loading && !map.data) return <Loading>Loading the seat map…</Loading>;
  if (!map.data) {
    return (
      <ErrorBanner
        error={map.error}
        title="The seat map could not be loaded"
        action={
          <Button variant="secondary" size="sm" onClick={reload}>
            Try again
          </Button>
        }
      />
    );
  }

  const { totals } = map.data;
  return (
    <>
      <p style={{ margin: '0 0 var(--space-3)' }}>
        <Link to={`/venues/${venueId}`}>← {name}</Link>
      </p>
      <PageHeader
        title={`Seat map: ${name}`}
        description="Click a seat to select it, shift- or ctrl-click to add more, drag a box to select many, click a section's label to edit the section."
      />
      <div className="ts-grid" aria-label="Totals" role="group" style={{ marginBottom: 'var(--space-4)' }}>
        <Stat label="Seats" value={totals.seats.toLocaleString()} />
        <Stat label="Sellable seats" value={totals.sellableSeats.toLocaleString()} />
        <Stat label="Held back" value={totals.heldBack.toLocaleString()} />
        <Stat label="General admission capacity" value={totals.generalAdmission.toLocaleString()} />
      </div>
      <ErrorBanner error={map.error} title="The latest seat map could not be loaded" />
      <div className="seat-map-layout">
        <div className="ts-stack seat-map-main" aria-busy={map.loading || undefined}>
          <SeatMapCanvas
            map={map.data}
            seatIndex={seatIndex}
            selectedSeats={selection.seats}
            selectedSectionId={selection.sectionId}
            onSelectSeats={selectSeats}
            onSelectSection={selectSection}
          />
          <Legend map={map.data} />
          {map.data.sections.length > 0 && (
            <div className="ts-cluster" role="group" aria-label="Sections" style={{ gap: 'var(--space-2)' }}>
              {map.data.sections.map((s) => (
                <Button
                  key={s.id}
                  size="sm"
                  variant={s.id === selection.sectionId ? 'primary' : 'secondary'}
                  aria-pressed={s.id === selection.sectionId}
                  onClick={() => selectSection(s.id)}
                >
                  {s.name}
                </Button>
              ))}
            </div>
          )}
        </div>
        <div className="ts-stack seat-map-side">
          {selectedSeats.length > 0 ? (
            <SeatsPanel
              key={selection.version}
              venueId={venueId}
              seats={selectedSeats}
              zones={map.data.priceZones}
              onChanged={reload}
              onClear={() => selectSeats([], 'replace')}
            />
          ) : section ? (
            <SectionPanel
              venueId={venueId}
              section={section}
              zones={map.data.priceZones}
              onChanged={reload}
              onDeleted={() => {
                selectSection(null);
                reload();
              }}
              onSelectSeats={(ids) => selectSeats(ids, 'replace')}
            />
          ) : (
            <p className="ts-card ts-muted" style={{ margin: 0 }}>
              {map.data.sections.length === 0
                ? 'Start with a section: add one below.'
                : 'Select seats or a section on the map to change them.'}
            </p>
          )}
          <AddSectionForm
            venueId={venueId}
            onCreated={(created) => {
              selectSection(created.id);
              reload();
            }}
          />
          <PriceZonesPanel venueId={venueId} map={map.data} onChanged={reload} />
          <ImportExportPanel venueId={venueId} venueName={name} onChanged={reload} />
        </div>
      </div>
    </>
  );
}
