import { type ArgumentMetadata, Injectable, ValidationPipe, type ValidationError } from '@nestjs/common';
import { DomainError, type FieldError } from './domain-error.js';
import { memoizeValidationMetadata } from './validation-metadata.js';

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({
      field,
      message: message.startsWith('property ') ? `${field} is not allowed` : message,
    }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** Bodies up to this many characters of JSON are remembered once valid, this many per class. */
const REMEMBERED_BODY_CHARS = 2048;
const REMEMBERED_BODIES = 256;

const NOT_COPYABLE = Symbol('not copyable');

const ANY_TEXT = Symbol('any text');

/**
 * Marks a string field that may hold any character, NUL included (a scanner's raw read, answered
 * as an invalid code rather than refused): the service keeps such a value out of the database.
 */
export function AnyText(): PropertyDecorator {
  return (target, key) => {
    const fields = new Set<string | symbol>(
      Reflect.getMetadata(ANY_TEXT, target.constructor) as Set<string> | undefined,
    );
    fields.add(key);
    Reflect.defineMetadata(ANY_TEXT, fields, target.constructor);
  };
}

/**
 * The first field (dotted path) holding a string with a NUL character: PostgreSQL cannot store one
 * in text, so it is refused up front rather than failing in the database. Fields marked AnyText
 * are left alone.
 */
function fieldWithNul(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path || 'value' : null;
  if (value === null || typeof value !== 'object' || depth > 32) return null;
  // Parsed query strings have no prototype, hence no constructor.
  const type = (value as { constructor?: unknown }).constructor;
  const anyText =
    typeof type === 'function' ? (Reflect.getMetadata(ANY_TEXT, type) as Set<string> | undefined) : undefined;
  for (const [key, item] of Object.entries(value)) {
    const at = path ? `${path}.${key}` : key;
    if (key.includes('\u0000')) return at;
    if (anyText?.has(key)) continue;
    const found = fieldWithNul(item, at, depth + 1);
    if (found) return found;
  }
  return null;
}

function refuseNul(value: unknown, metadata: ArgumentMetadata): void {
  const field = fieldWithNul(value, metadata.type === 'body' ? '' : (metadata.data ?? ''));
  if (field)
    throw new DomainError('bad_request', 'VALIDATION_FAILED', 'The request has invalid fields.', {
      errors: [{ field, message: `${field} must not contain the NUL character (\\u0000)` }],
    });
}

/**
 * A deep copy of a validated body: class instances (their prototype kept), plain objects, arrays,
 * dates and primitives. Anything else (a Map, a buffer) answers NOT_COPYABLE and is not remembered.
 */
function copyOf(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const out: unknown[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) {
      const c = copyOf(value[i]);
      if (c === NOT_COPYABLE) return NOT_COPYABLE;
      out[i] = c;
    }
    return out;
  }
  if (value instanceof Date) return new Date(value.getTime());
  if (Object.prototype.toString.call(value) !== '[object Object]') return NOT_COPYABLE;
  const out = Object.create(Object.getPrototypeOf(value) as object | null) as Record<string, unknown>;
  for (const key of Object.keys(value)) {
    const c = copyOf((value as Record<string, unknown>)[key]);
    if (c === NOT_COPYABLE) return NOT_COPYABLE;
    out[key] = c;
  }
  return out;
}

/**
 * Global validation: whitelist, unknown fields refused, types transformed.
 * Bodies must be JSON objects; anything else is a 400 before class-validator runs.
 *
 * A body that passed is remembered by its JSON text, per class, with a copy of the instance it
 * became: every rule and transform is a pure function of the body, so the same text gives the same
 * instance. A rush sends a handful of identical bodies many times over (the same ticket type and
 * quantity, held or bought by thousands); those get a fresh copy of the remembered instance, without
 * class-transformer or class-validator. The value itself is never used on that path, so no key of
 * it can reach a prototype. Bodies that fail are checked every time.
 */
@Injectable()
export class AppValidationPipe extends ValidationPipe {
  private readonly passed = new WeakMap<object, Map<string, unknown>>();

  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
      transform: true,
      transformOptions: { enableImplicitConversion: false },
      validationError: { target: false, value: false },
      exceptionFactory: (errors) =>
        new DomainError('bad_request', 'VALIDATION_FAILED', 'The request has invalid fields.', {
          errors: flatten(errors),
        }),
    });
    memoizeValidationMetadata();
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && metadata.metatype && this.toValidate(metadata)) {
      if (value === undefined || value === null) value = {};
      if (typeof value !== 'object' || Array.isArray(value)) {
        throw new DomainError('bad_request', 'BODY_NOT_OBJECT', 'The request body must be a JSON object.');
      }
      const text = JSON.stringify(value);
      const large = text.length > REMEMBERED_BODY_CHARS;
      let passed = this.passed.get(metadata.metatype);
      const remembered = large ? undefined : passed?.get(text);
      if (remembered !== undefined) return copyOf(remembered);
      // The parent strips prototype keys before anything else.
      const instance: unknown = await super.transform(value, metadata);
      // JSON writes a NUL as \u0000: only a body whose text has that needs the walk.
      if (text.includes('\\u0000')) refuseNul(instance, metadata);
      if (large) return instance;
      const copy = copyOf(instance);
      if (copy === NOT_COPYABLE) return instance;
      if (!passed) this.passed.set(metadata.metatype, (passed = new Map()));
      if (passed.size >= REMEMBERED_BODIES) passed.delete(passed.keys().next().value as string);
      passed.set(text, copy);
      return instance;
    }
    const transformed: unknown = await super.transform(value, metadata);
    if (metadata.type === 'query' || metadata.type === 'param') refuseNul(transformed, metadata);
    return transformed;
  }
}
