import { Button, TextField } from '@tessera/ui';
import { useState, type FormEvent } from 'react';
import type { AuditFilters } from './list-audit.js';

/** `datetime-local` values are in the viewer's zone; the API wants ISO 8601. */
function toIso(local: string): string | undefined {
  if (!local) return undefined;
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

const EMPTY = { action: '', actorId: '', entityType: '', entityId: '', from: '', to: '' };

export function AuditFilterForm({ onApply }: { onApply: (filters: AuditFilters) => void }) {
  const [draft, setDraft] = useState(EMPTY);
  const set = (key: keyof typeof EMPTY) => (event: { target: { value: string } }) =>
    setDraft((current) => ({ ...current, [key]: event.target.value }));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onApply({
      action: draft.action.trim(),
      actorId: draft.actorId.trim(),
      entityType: draft.entityType.trim(),
      entityId: draft.entityId.trim(),
      from: toIso(draft.from),
      to: toIso(draft.to),
    });
  };

  return (
    <form
      className="ts-card ts-form"
      aria-label="Filter the audit trail"
      onSubmit={submit}
      style={{ marginBottom: 'var(--space-4)' }}
    >
      <div className="ts-grid">
        <TextField label="Action" placeholder="e.g. staff.created" value={draft.action} onChange={set('action')} />
        <TextField label="Actor ID" value={draft.actorId} onChange={set('actorId')} />
        <TextField label="Entity type" placeholder="e.g. user" value={draft.entityType} onChange={set('entityType')} />
        <TextField label="Entity ID" value={draft.entityId} onChange={set('entityId')} />
        <TextField label="From" type="datetime-local" value={draft.from} onChange={set('from')} />
        <TextField label="To" type="datetime-local" value={draft.to} onChange={set('to')} />
      </div>
      <div className="ts-cluster">
        <Button type="submit">Apply filters</Button>
        <Button
          variant="secondary"
          onClick={() => {
            setDraft(EMPTY);
            onApply({});
          }}
        >
          Clear
        </Button>
      </div>
    </form>
  );
}
