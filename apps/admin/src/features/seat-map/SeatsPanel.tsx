import { Button, ErrorBanner, Select } from '@tessera/ui';
import { useEffect, useRef, useState } from 'react';
import { useAction } from '../../lib/use-action.js';
import type { HeldBack, PriceZone, SeatAttribute } from './get-seat-map.js';
import { removeSeats } from './remove-seats.js';
import { RenameSeatForm } from './RenameSeatForm.js';
import {
  SEAT_ATTRIBUTES,
  attributeGroups,
  attributeState,
  plural,
  seatName,
  type AttributeChoice,
  type IndexedSeat,
} from './seat-map-model.js';
import { updateSeats } from './update-seats.js';

function TriStateCheckbox({
  label,
  value,
  onChange,
}: {
  label: string;
  value: AttributeChoice;
  onChange: (value: AttributeChoice) => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (input.current) input.current.indeterminate = value === 'mixed';
  }, [value]);
  return (
    <label className="ts-check">
      <input
        ref={input}
        type="checkbox"
        checked={value === 'on'}
        aria-checked={value === 'mixed' ? 'mixed' : value === 'on'}
        onChange={(e) => onChange(e.target.checked ? 'on' : 'off')}
      />
      <span>{label}</span>
    </label>
  );
}

const HOLD_LABELS: Record<'house' | 'kill' | 'release', string> = {
  house: 'Hold as house seats',
  kill: 'Kill (never sell)',
  release: 'Release for sale',
};

export interface SeatsPanelProps {
  venueId: string;
  seats: readonly IndexedSeat[];
  zones: readonly PriceZone[];
  onChanged: () => void;
  onClear: () => void;
}

/** What can be done to the selected seats: attributes, price zone, holding back, removing, renaming one. */
export function SeatsPanel({ venueId, seats, zones, onChanged, onClear }: SeatsPanelProps) {
  const [attributes, setAttributes] = useState(() => attributeState(seats));
  const [zoneId, setZoneId] = useState(() => zones[0]?.id ?? '');
  const [confirmRemove, setConfirmRemove] = useState(false);
  const action = useAction();
  const ids = seats.map((s) => s.id);
  const single = seats.length === 1 ? seats[0] : undefined;
  const heldBack = seats.filter((s) => s.heldBack).length;

  const applyAttributes = () =>
    void action.run(async () => {
      for (const group of attributeGroups(seats, attributes)) {
        await updateSeats(venueId, { seatIds: group.seatIds, attributes: group.attributes });
      }
      onChanged();
      return `Updated the attributes of ${plural(seats.length, 'seat')}.`;
    });

  const setZone = (priceZoneId: string | null) =>
    void action.run(async () => {
      const { changed } = await updateSeats(venueId, { seatIds: ids, priceZoneId });
      onChanged();
      const zone = zones.find((z) => z.id === priceZoneId);
      return zone
        ? `${plural(changed, 'seat')} now in ${zone.name}.`
        : `Cleared the zone of ${plural(changed, 'seat')}.`;
    });

  const hold = (kind: HeldBack) =>
    void action.run(async () => {
      const { changed } = await updateSeats(venueId, { seatIds: ids, heldBack: kind });
      onChanged();
      if (kind === 'house') return `${plural(changed, 'seat')} held as house seats.`;
      if (kind === 'kill') return `${plural(changed, 'seat')} killed.`;
      return `${plural(changed, 'seat')} released for sale.`;
    });

  const remove = () =>
    void action.run(async () => {
      const { changed } = await removeSeats(venueId, ids);
      setConfirmRemove(false);
      onClear();
      onChanged();
      return `Removed ${plural(changed, 'seat')}.`;
    });

  return (
    <section className="ts-card ts-stack" aria-labelledby="seats-panel-title" style={{ gap: 'var(--space-4)' }}>
      <div>
        <h2 id="seats-panel-title" style={{ marginBottom: 'var(--space-1)' }}>
          {single ? seatName(single) : `${plural(seats.length, 'seat')} selected`}
        </h2>
        <p className="ts-muted" style={{ margin: 0 }}>
          {heldBack > 0 ? `${plural(heldBack, 'seat')} held back. ` : ''}
          <Button variant="ghost" size="sm" onClick={onClear}>
            Clear selection
          </Button>
        </p>
      </div>
      <ErrorBanner error={action.error} title="The seats were not changed" />
      <p role="status" className="ts-muted" style={{ margin: 0 }} data-testid="seats-status">
        {action.notice}
      </p>
      <fieldset className="ts-fieldset" disabled={action.busy}>
        <legend>Attributes</legend>
        <div className="ts-checks">
          {SEAT_ATTRIBUTES.map(({ value, label }) => (
            <TriStateCheckbox
              key={value}
              label={label}
              value={attributes[value]}
              onChange={(choice) =>
                setAttributes((a) => ({ ...a, [value]: choice }) as Record<SeatAttribute, AttributeChoice>)
              }
            />
          ))}
        </div>
        <Button size="sm" style={{ marginTop: 'var(--space-2)' }} busy={action.busy} onClick={applyAttributes}>
          Apply attributes
        </Button>
      </fieldset>
      <fieldset className="ts-fieldset" disabled={action.busy}>
        <legend>Price zone</legend>
        {zones.length === 0 ? (
          <p className="ts-hint">Add a price zone below first.</p>
        ) : (
          <div className="ts-cluster">
            <Select
              label="Zone for the selected seats"
              options={zones.map((z) => ({ value: z.id, label: z.name }))}
              value={zoneId}
              onChange={(e) => setZoneId(e.target.value)}
            />
            <Button size="sm" disabled={!zoneId} onClick={() => setZone(zoneId)}>
              Assign zone
            </Button>
            <Button size="sm" variant="secondary" onClick={() => setZone(null)}>
              Clear zone
            </Button>
          </div>
        )}
      </fieldset>
      <fieldset className="ts-fieldset" disabled={action.busy}>
        <legend>Hold back</legend>
        <div className="ts-cluster">
          <Button size="sm" variant="secondary" onClick={() => hold('house')}>
            {HOLD_LABELS.house}
          </Button>
          <Button size="sm" variant="secondary" onClick={() => hold('kill')}>
            {HOLD_LABELS.kill}
          </Button>
          <Button size="sm" variant="secondary" onClick={() => hold(null)}>
            {HOLD_LABELS.release}
          </Button>
        </div>
      </fieldset>
      {single && <RenameSeatForm key={single.id} venueId={venueId} seat={single} onChanged={onChanged} />}
      <div className="ts-cluster">
        {confirmRemove ? (
          <>
            <Button size="sm" variant="danger" busy={action.busy} onClick={remove}>
              Remove {plural(seats.length, 'seat')} for good
            </Button>
            <Button size="sm" variant="secondary" onClick={() => setConfirmRemove(false)}>
              Keep them
            </Button>
          </>
        ) : (
          <Button size="sm" variant="ghost" onClick={() => setConfirmRemove(true)}>
            Remove seats
          </Button>
        )}
      </div>
    </section>
  );
}
