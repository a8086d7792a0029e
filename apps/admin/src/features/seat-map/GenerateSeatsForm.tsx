import { Button, ErrorBanner, Select, TextField, fieldErrors } from '@tessera/ui';
import { useState, type FormEvent } from 'react';
import { useAction } from '../../lib/use-action.js';
import { generateSeats } from './generate-seats.js';
import type { PriceZone, Section } from './get-seat-map.js';
import { plural } from './seat-map-model.js';

export interface GenerateSeatsFormProps {
  venueId: string;
  section: Section;
  zones: readonly PriceZone[];
  onChanged: () => void;
}

/** Lays out rows of seats in a reserved section. */
export function GenerateSeatsForm({ venueId, section, zones, onChanged }: GenerateSeatsFormProps) {
  const [rows, setRows] = useState('10');
  const [seatsPerRow, setSeatsPerRow] = useState('20');
  const [rowLabels, setRowLabels] = useState<'letters' | 'numbers'>('letters');
  const [firstRow, setFirstRow] = useState('');
  const [firstSeat, setFirstSeat] = useState('1');
  const [zoneId, setZoneId] = useState('');
  const [replace, setReplace] = useState(section.seats.length > 0);
  const action = useAction();
  const errors = fieldErrors(action.error);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void action.run(async () => {
      const result = await generateSeats(venueId, section.id, {
        rows: Number(rows),
        seatsPerRow: Number(seatsPerRow),
        rowLabels,
        firstSeat: Number(firstSeat || 1),
        replace,
        ...(firstRow.trim() ? { firstRow: firstRow.trim().toUpperCase() } : {}),
        ...(zoneId ? { priceZoneId: zoneId } : {}),
      });
      onChanged();
      return `${result.name} now has ${plural(result.seats.length, 'seat')}.`;
    });
  };

  return (
    <form className="ts-form" aria-label="Generate seats" onSubmit={submit} style={{ gap: 'var(--space-3)' }}>
      <h3 style={{ margin: 0, fontSize: 'var(--text-base)' }}>Generate seats</h3>
      <ErrorBanner error={action.error} hideFields={['rows', 'seatsPerRow', 'firstRow', 'firstSeat']} />
      <div className="ts-cluster">
        <TextField
          label="Rows"
          type="number"
          min={1}
          max={200}
          required
          value={rows}
          error={errors.rows}
          onChange={(e) => setRows(e.target.value)}
          style={{ width: '6rem' }}
        />
        <TextField
          label="Seats per row"
          type="number"
          min={1}
          max={200}
          required
          value={seatsPerRow}
          error={errors.seatsPerRow}
          onChange={(e) => setSeatsPerRow(e.target.value)}
          style={{ width: '6rem' }}
        />
      </div>
      <div className="ts-cluster">
        <Select
          label="Row labels"
          options={[
            { value: 'letters', label: 'Letters (A, B, …)' },
            { value: 'numbers', label: 'Numbers (1, 2, …)' },
          ]}
          value={rowLabels}
          onChange={(e) => setRowLabels(e.target.value === 'numbers' ? 'numbers' : 'letters')}
        />
        <TextField
          label="First row"
          placeholder={rowLabels === 'letters' ? 'A' : '1'}
          maxLength={3}
          value={firstRow}
          error={errors.firstRow}
          onChange={(e) => setFirstRow(e.target.value)}
          style={{ width: '5rem' }}
        />
        <TextField
          label="First seat"
          type="number"
          min={0}
          max={9999}
          value={firstSeat}
          error={errors.firstSeat}
          onChange={(e) => setFirstSeat(e.target.value)}
          style={{ width: '5rem' }}
        />
      </div>
      <Select
        label="Price zone of the new seats"
        options={[{ value: '', label: 'No zone' }, ...zones.map((z) => ({ value: z.id, label: z.name }))]}
        value={zoneId}
        onChange={(e) => setZoneId(e.target.value)}
      />
      <label className="ts-check">
        <input type="checkbox" checked={replace} onChange={(e) => setReplace(e.target.checked)} />
        <span>Replace the {plural(section.seats.length, 'seat')} this section has</span>
      </label>
      <div className="ts-cluster" style={{ alignItems: 'center' }}>
        <Button type="submit" busy={action.busy}>
          Generate seats
        </Button>
        <p role="status" className="ts-muted" style={{ margin: 0 }}>
          {action.notice}
        </p>
      </div>
    </form>
  );
}
