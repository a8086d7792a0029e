import { applyDecorators } from '@nestjs/common';
import { IsISO8601, Matches } from 'class-validator';

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
