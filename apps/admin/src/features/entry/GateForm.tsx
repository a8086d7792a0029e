import { Button, ErrorBanner, Select, TextField, fieldErrors } from '@tessera/ui';
import { useState, type FormEvent } from 'react';
import { useAction } from '../../lib/use-action.js';
import { createGate } from './create-gate.js';
import type { AccessSetup, Gate } from './get-access-setup.js';

export interface GateFormProps {
  eventId: string;
  setup: AccessSetup;
  onCreated: (gate: Gate) => void;
  onCancel: () => void;
}

export function GateForm({ eventId, setup, onCreated, onCancel }: GateFormProps) {
  const [name, setName] = useState('');
  const [zoneId, setZoneId] = useState('');
  const [checkInListId, setCheckInListId] = useState('');
  const save = useAction();
  const errors = fieldErrors(save.error);
  const defaultList = setup.checkInLists.find((l) => l.isDefault);

  const zoneOptions = [
    { value: '', label: 'No zone: any valid ticket' },
    ...setup.zones.map((z) => ({ value: z.id, label: `${z.name} (${z.accessLevels.join(', ')})` })),
  ];
  const listOptions = [
    { value: '', label: defaultList ? `${defaultList.name} (default)` : 'Main entrance (default, added now)' },
    ...setup.checkInLists.filter((l) => !l.isDefault).map((l) => ({ value: l.id, label: l.name })),
  ];

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void save.run(async () => {
      onCreated(
        await createGate(eventId, {
          name: name.trim(),
          ...(zoneId ? { zoneId } : {}),
          ...(checkInListId ? { checkInListId } : {}),
        }),
      );
    });
  };

  return (
    <form className="ts-card ts-form" aria-label="New gate" onSubmit={submit}>
      <ErrorBanner error={save.error} title="The gate was not added" hideFields={['name', 'zoneId', 'checkInListId']} />
      <TextField
        label="Gate name"
        required
        maxLength={120}
        hint="e.g. North gate"
        value={name}
        error={errors.name}
        onChange={(e) => setName(e.target.value)}
      />
      <div className="ts-grid">
        <Select
          label="Leads into zone"
          hint="The zone's access levels decide who may pass"
          options={zoneOptions}
          value={zoneId}
          error={errors.zoneId}
          onChange={(e) => setZoneId(e.target.value)}
        />
        <Select
          label="Checks in on list"
          options={listOptions}
          value={checkInListId}
          error={errors.checkInListId}
          onChange={(e) => setCheckInListId(e.target.value)}
        />
      </div>
      <div className="ts-cluster">
        <Button type="submit" busy={save.busy}>
          Add gate
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
