import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsISO8601, IsObject, Matches, ValidateNested } from 'class-validator';

const OFFSET = /T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

/** An ISO 8601 date-time that says its offset (`Z` or `+01:00`): a bare local time is ambiguous. */
export function IsDateTimeWithOffset(each = false) {
  return applyDecorators(
    IsISO8601(
      { strict: true },
      { each, message: '$property must be an ISO 8601 date-time with an offset, such as 2027-03-14T19:30:00+01:00' },
    ),
    Matches(OFFSET, {
      each,
      message: '$property must be an ISO 8601 date-time with an offset, such as 2027-03-14T19:30:00+01:00',
    }),
  );
}

/**
 * A nested DTO, or with `each` every item of an array of them: an object turned into that class
 * and validated. ValidateNested alone lets an array (or an array of arrays) through in its place.
 */
export function Nested(type: () => new () => object, options: { each?: boolean } = {}) {
  const each = options.each ?? false;
  return applyDecorators(
    IsObject({ each, message: each ? 'each item of $property must be an object' : '$property must be an object' }),
    ValidateNested({ each }),
    Type(type),
  );
}
