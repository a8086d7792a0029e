import { Button, ErrorBanner, Select, TextField, fieldErrors } from '@tessera/ui';
import { useState, type FormEvent } from 'react';
import { useAction } from '../../lib/use-action.js';
import { createSection, type CreateSectionInput } from './create-section.js';
import type { Section } from './get-seat-map.js';

type Kind = Section['kind'];

const DEFAULT_COLORS: Record<Kind, string> = { reserved: '#475569', general_admission: '#0f766e' };

export interface AddSectionFormProps {
  venueId: string;
  onCreated: (section: Section) => void;
}

/** Adds a section below the others; reserved sections get their seats generated next. */
export function AddSectionForm({ venueId, onCreated }: AddSectionFormProps) {
  const [name, setName] = useState('');
  const [kind, setKind] = useState<Kind>('reserved');
  const [capacity, setCapacity] = useState('');
  const [color, setColor] = useState<string | null>(null);
  const action = useAction();
  const errors = fieldErrors(action.error);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void action.run(async () => {
      const body: CreateSectionInput = { name: name.trim(), kind, color: color ?? DEFAULT_COLORS[kind] };
      if (kind === 'general_admission') body.capacity = Number(capacity);
      const created = await createSection(venueId, body);
      setName('');
      setCapacity('');
      onCreated(created);
      return `Added ${created.name}.`;
    });
  };

  return (
    <section className="ts-card" aria-labelledby="add-section-title">
      <h2 id="add-section-title">Add a section</h2>
      <form className="ts-form" onSubmit={submit} style={{ gap: 'var(--space-3)' }}>
        <ErrorBanner error={action.error} hideFields={['name', 'capacity']} />
        <TextField
          label="New section name"
          required
          maxLength={80}
          value={name}
          error={errors.name}
          onChange={(e) => setName(e.target.value)}
        />
        <div className="ts-cluster">
          <Select
            label="New section kind"
            options={[
              { value: 'reserved', label: 'Reserved seating' },
              { value: 'general_admission', label: 'General admission' },
            ]}
            value={kind}
            onChange={(e) => setKind(e.target.value === 'general_admission' ? 'general_admission' : 'reserved')}
          />
          <TextField
            label="New section colour"
            type="color"
            value={color ?? DEFAULT_COLORS[kind]}
            onChange={(e) => setColor(e.target.value)}
            style={{ width: '4rem', padding: 2 }}
          />
        </div>
        {kind === 'general_admission' && (
          <TextField
            label="New section capacity"
            type="number"
            min={0}
            required
            hint="How many people it holds"
            value={capacity}
            error={errors.capacity}
            onChange={(e) => setCapacity(e.target.value)}
          />
        )}
        <div className="ts-cluster" style={{ alignItems: 'center' }}>
          <Button type="submit" busy={action.busy}>
            Add section
          </Button>
          <p role="status" className="ts-muted" style={{ margin: 0 }}>
            {action.notice}
          </p>
        </div>
      </form>
    </section>
  );
}
