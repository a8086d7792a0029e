import { Button, CheckboxGroup, ErrorBanner, TextField, fieldErrors } from '@tessera/ui';
import { useState, type FormEvent } from 'react';
import { useAction } from '../../lib/use-action.js';
import { createZone } from './create-zone.js';
import { updateZone } from './edit-access-setup.js';
import type { Zone } from './get-access-setup.js';
import type { AccessLevelOption } from './list-access-levels.js';

const LEVEL = /^[a-z0-9_-]{1,40}$/;

export interface ZoneFormProps {
  eventId: string;
  /** The levels the event's ticket types carry. */
  levels: readonly AccessLevelOption[];
  /** The zone to edit; a new one when absent. */
  zone?: Zone;
  onSaved: (zone: Zone) => void;
  onCancel: () => void;
}

export function ZoneForm({ eventId, levels, zone, onSaved, onCancel }: ZoneFormProps) {
  const offered = new Set(levels.map((l) => l.level));
  const [name, setName] = useState(zone?.name ?? '');
  const [chosen, setChosen] = useState<string[]>(zone?.accessLevels.filter((l) => offered.has(l)) ?? []);
  const [other, setOther] = useState(zone?.accessLevels.filter((l) => !offered.has(l)).join(', ') ?? '');
  const save = useAction();
  const errors = fieldErrors(save.error);
  const options = levels.map((l) => ({ value: l.level, label: `${l.level} — ${l.ticketTypes.join(', ')}` }));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void save.run(async () => {
      const extra = other
        .split(',')
        .map((l) => l.trim().toLowerCase())
        .filter(Boolean);
      const bad = extra.find((l) => !LEVEL.test(l));
      if (bad) throw new Error(`"${bad}" is not an access level: use lowercase letters, digits, _ or -.`);
      const accessLevels = [...new Set([...chosen, ...extra])];
      if (accessLevels.length === 0) throw new Error('Choose at least one access level.');
      const body = { name: name.trim(), accessLevels };
      onSaved(await (zone ? updateZone(zone.id, body) : createZone(eventId, body)));
    });
  };

  return (
    <form className="ts-card ts-form" aria-label={zone ? `Edit zone ${zone.name}` : 'New zone'} onSubmit={submit}>
      <ErrorBanner
        error={save.error}
        title={zone ? 'The zone was not saved' : 'The zone was not added'}
        hideFields={['name', 'accessLevels']}
      />
      <TextField
        label="Zone name"
        required
        maxLength={120}
        hint="e.g. VIP area"
        value={name}
        error={errors.name}
        onChange={(e) => setName(e.target.value)}
      />
      {options.length > 0 ? (
        <CheckboxGroup
          legend="Admits access levels"
          options={options}
          value={chosen}
          onChange={setChosen}
          error={errors.accessLevels}
        />
      ) : (
        <p className="ts-muted" style={{ margin: 0 }}>
          The event has no ticket types yet, so no access levels to offer. Enter them below.
        </p>
      )}
      <TextField
        label="Other access levels"
        hint="Optional, comma-separated, for ticket types still to come"
        value={other}
        error={options.length === 0 ? errors.accessLevels : undefined}
        onChange={(e) => setOther(e.target.value)}
      />
      <div className="ts-cluster">
        <Button type="submit" busy={save.busy}>
          {zone ? 'Save zone' : 'Add zone'}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
