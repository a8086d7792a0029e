export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
  kind: 'added' | 'removed' | 'changed' | 'same';
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Nested objects become dotted paths so each leaf is one row. */
function flatten(value: unknown, prefix = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (isObject(value) && Object.keys(value).length > 0) {
    for (const [key, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${key}` : key, out);
  } else if (prefix) {
    out.set(prefix, value);
  }
  return out;
}

/** Field by field: what an audit entry changed, added or removed. Unchanged fields come last. */
export function diffEntries(before: unknown, after: unknown): FieldChange[] {
  const a = flatten(before ?? {});
  const b = flatten(after ?? {});
  const fields = [...new Set([...a.keys(), ...b.keys()])];
  const rank = { changed: 0, added: 1, removed: 2, same: 3 } as const;
  return fields
    .map((field): FieldChange => {
      const inBefore = a.has(field);
      const inAfter = b.has(field);
      const kind = !inBefore
        ? 'added'
        : !inAfter
          ? 'removed'
          : JSON.stringify(a.get(field)) === JSON.stringify(b.get(field))
            ? 'same'
            : 'changed';
      return { field, before: a.get(field), after: b.get(field), kind };
    })
    .sort((x, y) => rank[x.kind] - rank[y.kind] || x.field.localeCompare(y.field));
}

export function show(value: unknown): string {
  if (value === undefined) return '—';
  if (value === null) return 'null';
  return typeof value === 'string' ? value : JSON.stringify(value);
}
