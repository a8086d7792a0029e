import { Button, ErrorBanner, TextField, fieldErrors } from '@tessera/ui';
import { useState, type FormEvent } from 'react';
import { useAction } from '../../lib/use-action.js';
import { deleteSection } from './delete-section.js';
import { GenerateSeatsForm } from './GenerateSeatsForm.js';
import type { PriceZone, Section } from './get-seat-map.js';
import { plural } from './seat-map-model.js';
import { updateSection, type UpdateSectionInput } from './update-section.js';

const GEOMETRY = ['x', 'y', 'width', 'height'] as const;

export interface SectionPanelProps {
  venueId: string;
  section: Section;
  zones: readonly PriceZone[];
  onChanged: () => void;
  onDeleted: () => void;
  onSelectSeats: (ids: string[]) => void;
}

/** The selected section: rename, recolour, move and resize, delete; generate seats in a reserved one. */
export function SectionPanel({ venueId, section, zones, onChanged, onDeleted, onSelectSeats }: SectionPanelProps) {
  const reserved = section.kind === 'reserved';
  // Re-read the fields whenever the section changes on the server (generating seats grows its box).
  const version = [section.name, section.color, section.capacity, ...GEOMETRY.map((k) => section[k])].join('|');
  return (
    <section className="ts-card ts-stack" aria-labelledby="section-panel-title" style={{ gap: 'var(--space-4)' }}>
      <div>
        <h2 id="section-panel-title" style={{ marginBottom: 'var(--space-1)' }}>
          Section {section.name}
        </h2>
        <p className="ts-muted" style={{ margin: 0 }}>
          {reserved
            ? `Reserved seating · ${plural(section.seats.length, 'seat')}`
            : `General admission · capacity ${(section.capacity ?? 0).toLocaleString()}`}
        </p>
      </div>
      <SectionEditForm key={`${section.id}:${version}`} venueId={venueId} section={section} onChanged={onChanged} />
      {reserved && section.seats.length > 0 && (
        <div>
          <Button variant="secondary" size="sm" onClick={() => onSelectSeats(section.seats.map((s) => s.id))}>
            Select all {plural(section.seats.length, 'seat')}
          </Button>
        </div>
      )}
      {reserved && (
        <GenerateSeatsForm key={section.id} venueId={venueId} section={section} zones={zones} onChanged={onChanged} />
      )}
      <DeleteSection venueId={venueId} section={section} onDeleted={onDeleted} />
    </section>
  );
}

function SectionEditForm({
  venueId,
  section,
  onChanged,
}: {
  venueId: string;
  section: Section;
  onChanged: () => void;
}) {
  const [name, setName] = useState(section.name);
  const [color, setColor] = useState(section.color);
  const [capacity, setCapacity] = useState(String(section.capacity ?? ''));
  const [geometry, setGeometry] = useState(() => Object.fromEntries(GEOMETRY.map((k) => [k, String(section[k])])));
  const action = useAction();
  const errors = fieldErrors(action.error);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void action.run(async () => {
      const body: UpdateSectionInput = {};
      if (name.trim() !== section.name) body.name = name.trim();
      if (color !== section.color) body.color = color;
      if (section.kind === 'general_admission' && Number(capacity) !== section.capacity)
        body.capacity = Number(capacity);
      for (const key of GEOMETRY) {
        const value = Number(geometry[key]);
        if (!Number.isFinite(value)) throw new Error(`${key} must be a number.`);
        if (value !== section[key]) body[key] = value;
      }
      if (Object.keys(body).length === 0) return 'Nothing changed.';
      await updateSection(venueId, section.id, body);
      onChanged();
      return 'Section saved.';
    });
  };

  return (
    <form className="ts-form" aria-label="Edit section" onSubmit={submit} style={{ gap: 'var(--space-3)' }}>
      <ErrorBanner error={action.error} hideFields={['name', 'capacity', ...GEOMETRY]} />
      <div className="ts-cluster">
        <TextField
          label="Section name"
          required
          maxLength={80}
          value={name}
          error={errors.name}
          onChange={(e) => setName(e.target.value)}
        />
        <TextField
          label="Colour"
          type="color"
          value={color}
          onChange={(e) => setColor(e.target.value)}
          style={{ width: '4rem', padding: 2 }}
        />
      </div>
      {section.kind === 'general_admission' && (
        <TextField
          label="Capacity"
          type="number"
          min={0}
          required
          value={capacity}
          error={errors.capacity}
          onChange={(e) => setCapacity(e.target.value)}
        />
      )}
      <fieldset className="ts-fieldset">
        <legend>Position and size (map units; the map is 1000 wide)</legend>
        <div className="ts-cluster">
          {GEOMETRY.map((key) => (
            <TextField
              key={key}
              label={key === 'x' ? 'X' : key === 'y' ? 'Y' : key === 'width' ? 'Width' : 'Height'}
              type="number"
              step="any"
              min={key === 'width' || key === 'height' ? 10 : 0}
              value={geometry[key]}
              error={errors[key]}
              onChange={(e) => setGeometry((g) => ({ ...g, [key]: e.target.value }))}
              style={{ width: '5.5rem' }}
            />
          ))}
        </div>
      </fieldset>
      <div className="ts-cluster" style={{ alignItems: 'center' }}>
        <Button type="submit" size="sm" busy={action.busy}>
          Save section
        </Button>
        <p role="status" className="ts-muted" style={{ margin: 0 }}>
          {action.notice}
        </p>
      </div>
    </form>
  );
}

function DeleteSection({ venueId, section, onDeleted }: { venueId: string; section: Section; onDeleted: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const action = useAction();
  const remove = () =>
    void action.run(async () => {
      await deleteSection(venueId, section.id);
      onDeleted();
    });
  return (
    <div className="ts-stack" style={{ gap: 'var(--space-2)' }}>
      <ErrorBanner error={action.error} title="The section was not deleted" />
      {confirming ? (
        <div className="ts-cluster" style={{ alignItems: 'center' }}>
          <Button variant="danger" size="sm" busy={action.busy} onClick={remove}>
            Delete {section.name}
            {section.seats.length > 0 && ` and its ${plural(section.seats.length, 'seat')}`}
          </Button>
          <Button variant="secondary" size="sm" onClick={() => setConfirming(false)}>
            Keep it
          </Button>
        </div>
      ) : (
        <div>
          <Button variant="ghost" size="sm" onClick={() => setConfirming(true)}>
            Delete section
          </Button>
        </div>
      )}
    </div>
  );
}
