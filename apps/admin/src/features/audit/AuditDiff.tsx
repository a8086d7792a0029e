import { Badge } from '@tessera/ui';
import { diffEntries, show } from './audit-diff.js';

const TONES = { changed: 'warning', added: 'success', removed: 'danger', same: 'neutral' } as const;

/** A readable before/after: one row per field, what changed first. */
export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const rows = diffEntries(before, after);
  if (rows.length === 0) return <p className="ts-muted">No field values were recorded for this entry.</p>;
  return (
    <table className="ts-table" aria-label="Changes">
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Before</th>
          <th scope="col">After</th>
          <th scope="col">
            <span className="ts-visually-hidden">Change</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.field} data-change={r.kind}>
            <th scope="row">
              <code>{r.field}</code>
            </th>
            <td style={r.kind === 'changed' || r.kind === 'removed' ? { textDecoration: 'line-through' } : undefined}>
              <code>{show(r.before)}</code>
            </td>
            <td>
              <code>{show(r.after)}</code>
            </td>
            <td>{r.kind !== 'same' && <Badge tone={TONES[r.kind]}>{r.kind}</Badge>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
