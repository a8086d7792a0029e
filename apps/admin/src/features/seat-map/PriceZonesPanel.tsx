import { Button, ErrorBanner, TextField, fieldErrors } from '@tessera/ui';
import { useMemo, useState, type FormEvent } from 'react';
import { useAction } from '../../lib/use-action.js';
import { createPriceZone } from './create-price-zone.js';
import { deletePriceZone } from './delete-price-zone.js';
import type { PriceZone, SeatMap } from './get-seat-map.js';
import { NO_ZONE_COLOR, plural } from './seat-map-model.js';
import { updatePriceZone } from './update-price-zone.js';

const PALETTE = ['#4f46e5', '#0891b2', '#16a34a', '#ca8a04', '#dc2626', '#9333ea', '#db2777'];

export interface PriceZonesPanelProps {
  venueId: string;
  map: SeatMap;
  onChanged: () => void;
}

function Swatch({ color }: { color: string }) {
  return (
    <span
      aria-hidden="true"
      style={{
        display: 'inline-block',
        width: '0.9rem',
        height: '0.9rem',
        borderRadius: '50%',
        background: color,
        verticalAlign: 'middle',
        marginRight: 'var(--space-2)',
      }}
    />
  );
}

/** The venue's price zones: add, rename, recolour, delete. Seats take their zone's colour on the map. */
export function PriceZonesPanel({ venueId, map, onChanged }: PriceZonesPanelProps) {
  const [editing, setEditing] = useState<string | null>(null);
  const counts = useMemo(() => {
    const out = new Map<string | null, number>();
    for (const section of map.sections) {
      for (const seat of section.seats) out.set(seat.priceZoneId, (out.get(seat.priceZoneId) ?? 0) + 1);
    }
    return out;
  }, [map]);

  return (
    <section className="ts-card ts-stack" aria-labelledby="zones-title" style={{ gap: 'var(--space-3)' }}>
      <h2 id="zones-title" style={{ margin: 0 }}>
        Price zones
      </h2>
      {map.priceZones.length === 0 && <p className="ts-muted">No price zones yet.</p>}
      <ul aria-label="Price zones" className="ts-stack" style={{ gap: 'var(--space-2)', margin: 0, padding: 0 }}>
        {map.priceZones.map((zone) => (
          <li key={zone.id} style={{ listStyle: 'none' }}>
            {editing === zone.id ? (
              <ZoneEditor venueId={venueId} zone={zone} onDone={() => setEditing(null)} onChanged={onChanged} />
            ) : (
              <div className="ts-cluster" style={{ alignItems: 'center', justifyContent: 'space-between' }}>
                <span>
                  <Swatch color={zone.color} />
                  <strong>{zone.name}</strong>{' '}
                  <span className="ts-muted">· {plural(counts.get(zone.id) ?? 0, 'seat')}</span>
                </span>
                <Button
                  variant="secondary"
                  size="sm"
                  aria-label={`Edit zone ${zone.name}`}
                  onClick={() => setEditing(zone.id)}
                >
                  Edit
                </Button>
              </div>
            )}
          </li>
        ))}
      </ul>
      {(counts.get(null) ?? 0) > 0 && (
        <p className="ts-muted" style={{ margin: 0 }}>
          <Swatch color={NO_ZONE_COLOR} />
          No zone · {plural(counts.get(null) ?? 0, 'seat')}
        </p>
      )}
      <AddZoneForm
        venueId={venueId}
        nextColor={PALETTE[map.priceZones.length % PALETTE.length] ?? '#4f46e5'}
        onChanged={onChanged}
      />
    </section>
  );
}

function ZoneEditor({
  venueId,
  zone,
  onDone,
  onChanged,
}: {
  venueId: string;
  zone: PriceZone;
  onDone: () => void;
  onChanged: () => void;
}) {
  const [name, setName] = useState(zone.name);
  const [color, setColor] = useState(zone.color);
  const action = useAction();

  const save = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void action.run(async () => {
      await updatePriceZone(venueId, zone.id, { name: name.trim(), color });
      onChanged();
      onDone();
    });
  };
  const remove = () =>
    void action.run(async () => {
      await deletePriceZone(venueId, zone.id);
      onChanged();
      onDone();
    });

  return (
    <form className="ts-form" aria-label={`Edit zone ${zone.name}`} onSubmit={save} style={{ gap: 'var(--space-2)' }}>
      <ErrorBanner error={action.error} />
      <div className="ts-cluster">
        <TextField label="Zone name" required maxLength={60} value={name} onChange={(e) => setName(e.target.value)} />
        <TextField
          label="Zone colour"
          type="color"
          value={color}
          onChange={(e) => setColor(e.target.value)}
          style={{ width: '4rem', padding: 2 }}
        />
      </div>
      <div className="ts-cluster">
        <Button type="submit" size="sm" busy={action.busy}>
          Save zone
        </Button>
        <Button size="sm" variant="secondary" onClick={onDone}>
          Cancel
        </Button>
        <Button size="sm" variant="danger" disabled={action.busy} onClick={remove}>
          Delete zone
        </Button>
      </div>
    </form>
  );
}

function AddZoneForm({ venueId, nextColor, onChanged }: { venueId: string; nextColor: string; onChanged: () => void }) {
  const [name, setName] = useState('');
  const [color, setColor] = useState<string | null>(null);
  const action = useAction();
  const errors = fieldErrors(action.error);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void action.run(async () => {
      const zone = await createPriceZone(venueId, { name: name.trim(), color: color ?? nextColor });
      setName('');
      setColor(null);
      onChanged();
      return `Added zone ${zone.name}.`;
    });
  };

  return (
    <form className="ts-form" aria-label="Add a price zone" onSubmit={submit} style={{ gap: 'var(--space-2)' }}>
      <ErrorBanner error={action.error} hideFields={['name']} />
      <div className="ts-cluster">
        <TextField
          label="New zone name"
          required
          maxLength={60}
          value={name}
          error={errors.name}
          onChange={(e) => setName(e.target.value)}
        />
        <TextField
          label="New zone colour"
          type="color"
          value={color ?? nextColor}
          onChange={(e) => setColor(e.target.value)}
          style={{ width: '4rem', padding: 2 }}
        />
      </div>
      <div className="ts-cluster" style={{ alignItems: 'center' }}>
        <Button type="submit" size="sm" busy={action.busy}>
          Add price zone
        </Button>
        <p role="status" className="ts-muted" style={{ margin: 0 }}>
          {action.notice}
        </p>
      </div>
    </form>
  );
}
