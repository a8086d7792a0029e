import { Button, ErrorBanner, TextField, fieldErrors } from '@tessera/ui';
import { useState, type FormEvent } from 'react';
import { useAction } from '../../lib/use-action.js';
import { createCheckInList } from './create-check-in-list.js';
import type { CheckInList } from './get-access-setup.js';

export interface CheckInListFormProps {
  eventId: string;
  onCreated: (list: CheckInList) => void;
  onCancel: () => void;
}

export function CheckInListForm({ eventId, onCreated, onCancel }: CheckInListFormProps) {
  const [name, setName] = useState('');
  const [allowReentry, setAllowReentry] = useState(false);
  const save = useAction();
  const errors = fieldErrors(save.error);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void save.run(async () => {
      onCreated(await createCheckInList(eventId, { name: name.trim(), allowReentry }));
    });
  };

  return (
    <form className="ts-card ts-form" aria-label="New check-in list" onSubmit={submit}>
      <ErrorBanner error={save.error} title="The check-in list was not added" hideFields={['name', 'allowReentry']} />
      <TextField
        label="List name"
        required
        maxLength={120}
        hint="e.g. VIP lounge. A ticket is admitted once per list."
        value={name}
        error={errors.name}
        onChange={(e) => setName(e.target.value)}
      />
      <label className="ts-check">
        <input type="checkbox" checked={allowReentry} onChange={(e) => setAllowReentry(e.target.checked)} />
        <span>Allow re-entry: after an exit scan the holder may come back in</span>
      </label>
      {errors.allowReentry && <p className="ts-field-error">{errors.allowReentry}</p>}
      <div className="ts-cluster">
        <Button type="submit" busy={save.busy}>
          Add check-in list
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
