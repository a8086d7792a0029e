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

/**
 * Global validation: whitelist, unknown fields refused, types transformed.
 * Bodies must be JSON objects; anything else is a 400 before class-validator runs.
 */
@Injectable()
export class AppValidationPipe extends ValidationPipe {
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
    }
    return super.transform(value, metadata);
  }
}
