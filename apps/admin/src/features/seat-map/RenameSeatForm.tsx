import { Button, ErrorBanner, TextField, fieldErrors } from '@tessera/ui';
import { useState, type FormEvent } from 'react';
import { useAction } from '../../lib/use-action.js';
import type { Seat } from './get-seat-map.js';
import { updateSeat, type UpdateSeatInput } from './update-seat.js';

/** Renames (row and label) or moves one seat. */
export function RenameSeatForm({ venueId, seat, onChanged }: { venueId: string; seat: Seat; onChanged: () => void }) {
  const [row, setRow] = useState(seat.row);
  const [label, setLabel] = useState(seat.label);
  const [x, setX] = useState(String(seat.x));
  const [y, setY] = useState(String(seat.y));
  const action = useAction();
  const errors = fieldErrors(action.error);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void action.run(async () => {
      const body: UpdateSeatInput = {};
      if (row.trim() !== seat.row) body.row = row.trim();
      if (label.trim() !== seat.label) body.label = label.trim();
      if (Number(x) !== seat.x) body.x = Number(x);
      if (Number(y) !== seat.y) body.y = Number(y);
      if (Object.keys(body).length === 0) return 'Nothing changed.';
      const saved = await updateSeat(venueId, seat.id, body);
      onChanged();
      return `Saved row ${saved.row} seat ${saved.label}.`;
    });
  };

  return (
    <form className="ts-form" aria-label="Rename seat" onSubmit={submit} style={{ gap: 'var(--space-3)' }}>
      <h3 style={{ margin: 0, fontSize: 'var(--text-base)' }}>Rename or move</h3>
      <ErrorBanner error={action.error} hideFields={['row', 'label', 'x', 'y']} />
      <div className="ts-cluster">
        <TextField
          label="Row"
          required
          maxLength={16}
          value={row}
          error={errors.row}
          onChange={(e) => setRow(e.target.value)}
          style={{ width: '5rem' }}
        />
        <TextField
          label="Seat label"
          required
          maxLength={16}
          value={label}
          error={errors.label}
          onChange={(e) => setLabel(e.target.value)}
          style={{ width: '5rem' }}
        />
        <TextField
          label="Seat X"
          type="number"
          step="any"
          min={0}
          value={x}
          error={errors.x}
          onChange={(e) => setX(e.target.value)}
          style={{ width: '5.5rem' }}
        />
        <TextField
          label="Seat Y"
          type="number"
          step="any"
          min={0}
          value={y}
          error={errors.y}
          onChange={(e) => setY(e.target.value)}
          style={{ width: '5.5rem' }}
        />
      </div>
      <div className="ts-cluster" style={{ alignItems: 'center' }}>
        <Button type="submit" size="sm" variant="secondary" busy={action.busy}>
          Save seat
        </Button>
        <p role="status" className="ts-muted" style={{ margin: 0 }}>
          {action.notice}
        </p>
      </div>
    </form>
  );
}
