import { Button, CheckboxGroup, ErrorBanner, TextField, fieldErrors, type Role } from '@tessera/ui';
import { useState, type FormEvent } from 'react';
import { ROLE_OPTIONS } from '../../lib/roles.js';
import { createStaff } from './create-staff.js';
import type { Staff } from './list-staff.js';

const SHOWN_FIELDS = ['name', 'email', 'password', 'roles'];

export function CreateStaffForm({ onCreated, onCancel }: { onCreated: (staff: Staff) => void; onCancel: () => void }) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [roles, setRoles] = useState<Role[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const errors = fieldErrors(error);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (roles.length === 0) {
      setError(new Error('Choose at least one role.'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onCreated(await createStaff({ name: name.trim(), email: email.trim(), password, roles }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="ts-card" aria-labelledby="create-staff-title" style={{ marginBottom: 'var(--space-5)' }}>
      <h2 id="create-staff-title">New staff member</h2>
      <form className="ts-form" onSubmit={(event) => void submit(event)}>
        <ErrorBanner error={error} hideFields={SHOWN_FIELDS} />
        <div className="ts-grid">
          <TextField label="Name" required value={name} error={errors.name} onChange={(e) => setName(e.target.value)} />
          <TextField
            label="Email"
            type="email"
            required
            autoComplete="off"
            value={email}
            error={errors.email}
            onChange={(e) => setEmail(e.target.value)}
          />
          <TextField
            label="Initial password"
            type="password"
            required
            minLength={10}
            autoComplete="new-password"
            hint="At least 10 characters. Share it safely; they should change it."
            value={password}
            error={errors.password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </div>
        <CheckboxGroup legend="Roles" options={ROLE_OPTIONS} value={roles} onChange={setRoles} error={errors.roles} />
        <div className="ts-cluster">
          <Button type="submit" busy={busy}>
            Create staff member
          </Button>
          <Button variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
        </div>
      </form>
    </section>
  );
}
