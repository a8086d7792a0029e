import { formatTimestamp } from '@tessera/ui';
import type { ReactNode } from 'react';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** "scannedAt" becomes "Scanned at". */
function label(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Who scanned, from a log scope: `user:<id>` (a signed-in scanner) or `client:<id>` (a device key). */
function scopeLabel(scope: string): string {
  const [kind, id = ''] = scope.split(':');
  if (kind === 'user') return `Staff sign-in ${id.slice(0, 8)}`;
  if (kind === 'client') return `Device key ${id.slice(0, 8)}`;
  return scope;
}

function scalar(key: string, value: unknown, gateNames: ReadonlyMap<string, string>): string {
  if (value === null || value === undefined) return key === 'gateId' ? 'No gate' : '—';
  if (key === 'gateId' && typeof value === 'string') return gateNames.get(value) ?? `Gate ${value.slice(0, 8)}`;
  if (key === 'scope' && typeof value === 'string') return scopeLabel(value);
  if (typeof value === 'string') return ISO_INSTANT.test(value) ? formatTimestamp(value) : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** An object on one line: "Gate: North · Scanned at: 12 Jun 2027, 19:02:11 · Result: admitted". */
function inline(record: Record<string, unknown>, gateNames: ReadonlyMap<string, string>): string {
  return Object.entries(record)
    .filter(([k, v]) => k === 'gateId' || (v !== null && v !== undefined))
    .map(([k, v]) => `${label(k === 'gateId' ? 'gate' : k)}: ${scalar(k, v, gateNames)}`)
    .join(' · ');
}

function value(key: string, v: unknown, gateNames: ReadonlyMap<string, string>): ReactNode {
  if (Array.isArray(v)) {
    if (v.length === 0) return 'none';
    return (
      <ol className="entry-evidence__list">
        {v.map((item, i) => (
          <li key={i}>{isRecord(item) ? inline(item, gateNames) : scalar(key, item, gateNames)}</li>
        ))}
      </ol>
    );
  }
  if (isRecord(v)) return inline(v, gateNames);
  return scalar(key, v, gateNames);
}

export interface FlagEvidenceProps {
  evidence: Record<string, unknown>;
  /** Gate names by id, so the evidence names gates rather than ids. */
  gateNames: ReadonlyMap<string, string>;
}

/** A flag's evidence, readable at a glance, with the raw record one click away. */
export function FlagEvidence({ evidence, gateNames }: FlagEvidenceProps) {
  const entries = Object.entries(evidence);
  if (entries.length === 0) return <span className="ts-muted">No evidence recorded.</span>;
  return (
    <div className="entry-evidence">
      <dl>
        {entries.map(([key, v]) => (
          <div key={key}>
            <dt>{label(key === 'gateId' ? 'gate' : key)}</dt>
            <dd>{value(key, v, gateNames)}</dd>
          </div>
        ))}
      </dl>
      <details>
        <summary>Raw evidence</summary>
        <pre className="ts-code">{JSON.stringify(evidence, null, 2)}</pre>
      </details>
    </div>
  );
}
