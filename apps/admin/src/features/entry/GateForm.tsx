import { Button, ErrorBanner, Select, TextField, fieldErrors } from '@tessera/ui';
import { useState, type FormEvent } from 'react';
import { useAction } from '../../lib/use-action.js';
import { createGate } from './create-gate.js';
import { updateGate } from './edit-access-setup.js';
import type { AccessSetup, Gate } from './get-access-setup.js';

export interface GateFormProps {
  eventId: string;
  setup: AccessSetup;
  /** The gate to edit; a new one when absent. */
  gate?: Gate;
  onSaved: (gate: Gate) => void;
  onCancel: () => void;
}

export function GateForm({ eventId, setup, gate, onSaved, onCancel }: GateFormProps) {
  const [name, setName] = useState(gate?.name ?? '');
  const [zoneId, setZoneId] = useState(gate?.zoneId ?? '');
  // A new gate without a list checks in on the default one (added with it when there is none yet).
  const [checkInListId, setCheckInListId] = useState(gate?.checkInListId ?? '');
  const save = useAction();
  const errors = fieldErrors(save.error);
  const defaultList = setup.checkInLists.find((l) => l.isDefault);

  const zoneOptions = [
    { value: '', label: 'No zone: any valid ticket' },
    ...setup.zones.map((z) => ({ value: z.id, label: `${z.name} (${z.accessLevels.join(', ')})` })),
  ];
  const listOptions = gate
    ? setup.checkInLists.map((l) => ({ value: l.id, label: l.isDefault ? `${l.name} (default)` : l.name }))
    : [
        { value: '', label: defaultList ? `${defaultList.name} (default)` : 'Main entrance (default, added now)' },
        ...setup.checkInLists.filter((l) => !l.isDefault).map((l) => ({ value: l.id, label: l.name })),
      ];

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void save.run(async () => {
      onSaved(
        await (gate
          ? updateGate(gate.id, { name: name.trim(), zoneId: zoneId || null, checkInListId })
          : createGate(eventId, {
              name: name.trim(),
              ...(zoneId ? { zoneId } : {}),
              ...(checkInListId ? { checkInListId } : {}),
            })),
      );
    });
  };

  return (
    <form className="ts-card ts-form" aria-label={gate ? `Edit gate ${gate.name}` : 'New gate'} onSubmit={submit}>
      <ErrorBanner
        error={save.error}
        title={gate ? 'The gate was not saved' : 'The gate was not added'}
        hideFields={['name', 'zoneId', 'checkInListId']}
      />
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
          {gate ? 'Save gate' : 'Add gate'}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
