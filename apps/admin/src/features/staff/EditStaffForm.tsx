import { Button, CheckboxGroup, ErrorBanner, TextField, fieldErrors, type Role } from '@tessera/ui';
import { useState, type FormEvent } from 'react';
import { ROLE_OPTIONS } from '../../lib/roles.js';
import type { Staff } from './list-staff.js';
import { updateStaff } from './update-staff.js';

export interface EditStaffFormProps {
  staff: Staff;
  onSaved: (staff: Staff) => void;
  onCancel: () => void;
}

export function EditStaffForm({ staff, onSaved, onCancel }: EditStaffFormProps) {
  const [name, setName] = useState(staff.name);
  const [roles, setRoles] = useState<Role[]>([...staff.roles]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const errors = fieldErrors(error);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (roles.length === 0) {
      setError(new Error('A staff member needs at least one role. Disable the account instead.'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onSaved(await updateStaff(staff.id, { name: name.trim(), roles }));
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  return (
    <form className="ts-form" aria-label={`Edit ${staff.name}`} onSubmit={(event) => void submit(event)}>
      <ErrorBanner error={error} hideFields={['name', 'roles']} />
      <TextField label="Name" required value={name} error={errors.name} onChange={(e) => setName(e.target.value)} />
      <CheckboxGroup legend="Roles" options={ROLE_OPTIONS} value={roles} onChange={setRoles} error={errors.roles} />
      <div className="ts-cluster">
        <Button type="submit" size="sm" busy={busy}>
          Save changes
        </Button>
        <Button variant="secondary" size="sm" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
