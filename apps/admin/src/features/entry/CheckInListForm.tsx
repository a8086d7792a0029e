import { Button, ErrorBanner, TextField, fieldErrors } from '@tessera/ui';
import { useState, type FormEvent } from 'react';
import { useAction } from '../../lib/use-action.js';
import { createCheckInList } from './create-check-in-list.js';
import { updateCheckInList } from './edit-access-setup.js';
import type { CheckInList } from './get-access-setup.js';

export interface CheckInListFormProps {
  eventId: string;
  /** The list to edit; a new one when absent. */
  list?: CheckInList;
  onSaved: (list: CheckInList) => void;
  onCancel: () => void;
}

export function CheckInListForm({ eventId, list, onSaved, onCancel }: CheckInListFormProps) {
  const [name, setName] = useState(list?.name ?? '');
  const [allowReentry, setAllowReentry] = useState(list?.allowReentry ?? false);
  const save = useAction();
  const errors = fieldErrors(save.error);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void save.run(async () => {
      const body = { name: name.trim(), allowReentry };
      onSaved(await (list ? updateCheckInList(list.id, body) : createCheckInList(eventId, body)));
    });
  };

  return (
    <form
      className="ts-card ts-form"
      aria-label={list ? `Edit check-in list ${list.name}` : 'New check-in list'}
      onSubmit={submit}
    >
      <ErrorBanner
        error={save.error}
        title={list ? 'The check-in list was not saved' : 'The check-in list was not added'}
        hideFields={['name', 'allowReentry']}
      />
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
          {list ? 'Save check-in list' : 'Add check-in list'}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
