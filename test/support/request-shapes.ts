// Requests of every odd shape for one operation of the OpenAPI document: path ids that are not
// ids, query values of the wrong type, bodies that are not objects, and a plausible body with one
// field at a time replaced by something of another type. Used to prove that no shape causes a 5xx.

type Schema = {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  minimum?: number;
  minLength?: number;
  minItems?: number;
  example?: unknown;
};

export interface Operation {
  method: string;
  path: string;
  params: { name: string; in: string; schema?: Schema }[];
  body: Schema | null;
}

export interface Shape {
  method: string;
  url: string;
  body?: unknown;
  /** What was odd about it, for the failure list. */
  what: string;
}

type Doc = {
  paths: Record<
    string,
    Record<
      string,
      { parameters?: Operation['params']; requestBody?: { content?: Record<string, { schema?: Schema }> } }
    >
  >;
  components?: { schemas?: Record<string, Schema> };
};

export const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

/** Values of the wrong type, size or format, tried in place of each field. */
const ODD_VALUES: [string, unknown][] = [
  ['null', null],
  ['object', { $ne: 1 }],
  ['array', [[]]],
  ['empty string', ''],
  ['long string', 'x'.repeat(10_000)],
  ['negative', -1],
  ['fraction', 0.5],
  ['huge number', 1e308],
  ['boolean', true],
  ['not an id', 'not-a-uuid'],
  ['impossible date', '2026-02-30T25:61:00Z'],
  ['NUL byte', 'a\u0000b'],
];
const ODD_QUERY = [
  '',
  'abc',
  '-1',
  '0',
  '1e309',
  '99999999999999999999999',
  'not-a-uuid',
  '2026-02-30',
  'x'.repeat(3000),
];
const ODD_PATH = ['not-a-uuid', 'x'.repeat(600), '%C3%28', '..%2F..', '-1'];
const NOT_OBJECTS: [string, unknown][] = [
  ['array body', []],
  ['string body', 'text'],
  ['number body', 12],
  ['null body', null],
  ['empty body', {}],
];

export function operationsOf(doc: Doc): Operation[] {
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const json = op.requestBody?.content?.['application/json']?.schema ?? null;
      ops.push({ method: method.toUpperCase(), path, params: op.parameters ?? [], body: json });
    }
  }
  return ops;
}

function resolve(doc: Doc, schema: Schema | undefined, depth = 0): Schema {
  if (!schema || depth > 8) return {};
  if (schema.$ref) return resolve(doc, doc.components?.schemas?.[schema.$ref.split('/').pop() as string], depth + 1);
  if (schema.allOf) {
    const parts = schema.allOf.map((s) => resolve(doc, s, depth + 1));
    return {
      ...Object.assign({}, ...parts),
      ...schema,
      allOf: undefined,
      properties: Object.assign({}, ...parts.map((p) => p.properties ?? {}), schema.properties ?? {}),
    };
  }
  const first = schema.oneOf?.[0] ?? schema.anyOf?.[0];
  if (first) return resolve(doc, first, depth + 1);
  return schema;
}

/** A plausible value: every id is `id`, every other field the simplest value its schema allows. */
function example(doc: Doc, raw: Schema | undefined, id: string, all: boolean, depth = 0): unknown {
  const s = resolve(doc, raw);
  if (s.example !== undefined && s.format !== 'uuid') return structuredClone(s.example);
  if (s.enum?.length) return s.enum[0];
  const type = s.type ?? (s.properties ? 'object' : 'string');
  switch (type) {
    case 'string':
      if (s.format === 'uuid') return id;
      if (s.format === 'date-time') return new Date(Date.now() + 30 * 86_400_000).toISOString();
      if (s.format === 'date') return new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
      if (s.format === 'email') return 'shape@test.local';
      if (s.format === 'uri') return 'https://example.com/x';
      return 'x'.repeat(Math.max(1, s.minLength ?? 1));
    case 'number':
    case 'integer':
      return Math.max(1, s.minimum ?? 1);
    case 'boolean':
      return true;
    case 'array':
      if (s.format === 'uuid') return [id];
      return depth > 8
        ? []
        : Array.from({ length: Math.max(1, s.minItems ?? 1) }, () => example(doc, s.items, id, all, depth + 1));
    case 'object': {
      if (depth > 8) return {};
      const out: Record<string, unknown> = {};
      const required = new Set(s.required ?? []);
      for (const [name, prop] of Object.entries(s.properties ?? {}))
        if (all || required.has(name)) out[name] = example(doc, prop, id, all, depth + 1);
      return out;
    }
    default:
      return 'x';
  }
}

/** Paths to every field of a value (into objects and the first item of arrays), at most 3 deep. */
function fieldPaths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (prefix.length >= 3 || value === null || typeof value !== 'object') return [];
  const keys: (string | number)[] = Array.isArray(value) ? (value.length ? [0] : []) : Object.keys(value);
  return keys.flatMap((k) => [
    [...prefix, k],
    ...fieldPaths((value as Record<string | number, unknown>)[k], [...prefix, k]),
  ]);
}

function replaced(value: unknown, path: (string | number)[], by: unknown): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let at = copy;
  for (const k of path.slice(0, -1)) at = at[k] as Record<string | number, unknown>;
  at[path[path.length - 1]] = by;
  return copy;
}

/**
 * Every odd request for one operation. `ids` are real ids of the seeded world (and one unknown),
 * used wherever an id is expected so that ids of the wrong kind are tried too.
 */
export function shapesOf(doc: Doc, op: Operation, ids: string[], options: { realIdsInPath: boolean }): Shape[] {
  const pathParams = op.params.filter((p) => p.in === 'path');
  const queryParams = op.params.filter((p) => p.in === 'query');
  const fill = (value: (name: string) => string) => op.path.replace(/\{([^}]+)\}/g, (_m, name: string) => value(name));
  const urls = [...new Set((options.realIdsInPath ? ids : [UNKNOWN_ID]).map((id) => fill(() => id)))];
  const shapes: Shape[] = [];

  for (const p of pathParams)
    for (const odd of ODD_PATH)
      shapes.push({
        method: op.method,
        url: fill((name) => (name === p.name ? odd : UNKNOWN_ID)),
        what: `path ${p.name}=${odd.slice(0, 20)}`,
      });

  const base = urls[0];
  for (const p of queryParams) {
    for (const odd of ODD_QUERY)
      shapes.push({
        method: op.method,
        url: `${base}?${p.name}=${encodeURIComponent(odd)}`,
        what: `query ${p.name}=${odd.slice(0, 20)}`,
      });
    shapes.push({ method: op.method, url: `${base}?${p.name}=1&${p.name}=2`, what: `query ${p.name} twice` });
    shapes.push({ method: op.method, url: `${base}?${p.name}[a]=1`, what: `query ${p.name}[a]` });
  }
  if (queryParams.length)
    shapes.push({
      method: op.method,
      url: `${base}?${queryParams.map((p) => `${p.name}=${encodeURIComponent(ODD_QUERY[1])}`).join('&')}`,
      what: 'every query parameter odd',
    });

  if (op.body) {
    for (const [what, body] of NOT_OBJECTS) shapes.push({ method: op.method, url: base, body, what });
    for (const url of urls) {
      for (const id of ids) {
        for (const all of [false, true]) {
          const plausible = example(doc, op.body, id, all);
          shapes.push({
            method: op.method,
            url,
            body: plausible,
            what: `plausible body (${all ? 'all' : 'required'} fields, ids ${id.slice(0, 8)})`,
          });
          if (id !== ids[0] || url !== base) continue;
          for (const path of fieldPaths(plausible))
            for (const [what, odd] of ODD_VALUES)
              shapes.push({
                method: op.method,
                url,
                body: replaced(plausible, path, odd),
                what: `${path.join('.')} = ${what}`,
              });
        }
      }
    }
  } else if (op.method !== 'GET' && op.method !== 'DELETE') {
    // A body where none is expected.
    shapes.push({ method: op.method, url: base, body: { unexpected: [1, { $ne: null }] }, what: 'unexpected body' });
  }
  for (const url of urls) shapes.push({ method: op.method, url, what: 'as documented, no body' });
  return shapes;
}
