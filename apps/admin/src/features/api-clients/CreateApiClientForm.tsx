import { Button, CheckboxGroup, ErrorBanner, TextField, fieldErrors } from '@tessera/ui';
import { useState, type FormEvent } from 'react';
import { SCOPE_OPTIONS, addApiClient, type ApiScope, type CreatedApiClient } from './create-api-client.js';

export interface CreateApiClientFormProps {
  onCreated: (client: CreatedApiClient) => void;
  onCancel: () => void;
}

export function CreateApiClientForm({ onCreated, onCancel }: CreateApiClientFormProps) {
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<ApiScope[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const errors = fieldErrors(error);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (scopes.length === 0) {
      setError(new Error('Choose at least one scope.'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onCreated(await addApiClient({ name: name.trim(), scopes }));
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  return (
    <section className="ts-card" aria-labelledby="create-client-title" style={{ marginBottom: 'var(--space-5)' }}>
      <h2 id="create-client-title">New API client</h2>
      <form className="ts-form" onSubmit={(event) => void submit(event)}>
        <ErrorBanner error={error} hideFields={['name', 'scopes']} />
        <TextField
          label="Name"
          required
          hint="Who uses the key, e.g. the partner or integration."
          value={name}
          error={errors.name}
          onChange={(e) => setName(e.target.value)}
        />
        <CheckboxGroup
          legend="Scopes"
          options={SCOPE_OPTIONS}
          value={scopes}
          onChange={setScopes}
          error={errors.scopes}
        />
        <div className="ts-cluster">
          <Button type="submit" busy={busy}>
            Create client
          </Button>
          <Button variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
        </div>
      </form>
    </section>
  );
}
