import { Button, ErrorBanner, Select, TextField, fieldErrors } from '@tessera/ui';
import { useState, type FormEvent } from 'react';
import { useAction } from '../../lib/use-action.js';
import type { Gate } from './get-access-setup.js';
import { registerScannerDevice, type RegisteredDevice } from './register-scanner-device.js';

export interface RegisterDeviceFormProps {
  eventId: string;
  gates: readonly Gate[];
  onRegistered: (device: RegisteredDevice) => void;
  onCancel: () => void;
}

export function RegisterDeviceForm({ eventId, gates, onRegistered, onCancel }: RegisterDeviceFormProps) {
  const [name, setName] = useState('');
  const [gateId, setGateId] = useState('');
  const save = useAction();
  const errors = fieldErrors(save.error);
  const gateOptions = [{ value: '', label: 'No fixed gate' }, ...gates.map((g) => ({ value: g.id, label: g.name }))];

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void save.run(async () => {
      onRegistered(await registerScannerDevice(eventId, { name: name.trim(), ...(gateId ? { gateId } : {}) }));
    });
  };

  return (
    <form className="ts-card ts-form" aria-label="Register a scanner device" onSubmit={submit}>
      <ErrorBanner error={save.error} title="The device was not registered" hideFields={['name', 'gateId']} />
      <div className="ts-grid">
        <TextField
          label="Device name"
          required
          maxLength={120}
          hint="e.g. North gate handheld 3"
          value={name}
          error={errors.name}
          onChange={(e) => setName(e.target.value)}
        />
        <Select
          label="Scans at gate"
          hint="Used when a scan names no gate"
          options={gateOptions}
          value={gateId}
          error={errors.gateId}
          onChange={(e) => setGateId(e.target.value)}
        />
      </div>
      <div className="ts-cluster">
        <Button type="submit" busy={save.busy}>
          Register device
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
