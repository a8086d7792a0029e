import { type ArgumentMetadata, Injectable, ValidationPipe, type ValidationError } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
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

/**
 * Global validation: whitelist, unknown fields refused, types transformed.
 * Bodies must be JSON objects; anything else is a 400 before class-validator runs.
 *
 * A body that passed is remembered by its JSON text, per class: every rule is a pure function of
 * the body, so the same text passes again. A rush sends a handful of identical bodies many times
 * over (the same ticket type and quantity, held or bought by thousands); those skip class-validator
 * and are only turned into a fresh instance. Bodies that fail are checked every time.
 */
@Injectable()
export class AppValidationPipe extends ValidationPipe {
  private readonly passed = new WeakMap<object, Set<string>>();

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
      // As the parent does first: no key may reach an instance's prototype, hit or miss.
      this.stripProtoKeys(value);
      const text = JSON.stringify(value);
      if (text.length > REMEMBERED_BODY_CHARS) return super.transform(value, metadata);
      let passed = this.passed.get(metadata.metatype);
      if (passed?.has(text)) return plainToInstance(metadata.metatype, value, this.transformOptions);
      const instance: unknown = await super.transform(value, metadata);
      if (!passed) this.passed.set(metadata.metatype, (passed = new Set()));
      if (passed.size >= REMEMBERED_BODIES) passed.delete(passed.values().next().value as string);
      passed.add(text);
      return instance;
    }
    return super.transform(value, metadata);
  }
}
