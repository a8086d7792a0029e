import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiProperty, ApiPropertyOptional, ApiResponse, getSchemaPath } from '@nestjs/swagger';

export class FieldErrorDto {
  @ApiProperty({ example: 'email' })
  field: string;
  @ApiProperty({ example: 'email must be an email address' })
  message: string;
}

/** RFC 9457 problem details, as every error leaves the API. */
export class ProblemDto {
  @ApiProperty({ example: 'https://tessera.dev/problems/validation-failed' })
  type: string;
  @ApiProperty({ example: 'Bad Request' })
  title: string;
  @ApiProperty({ example: 400 })
  status: number;
  @ApiProperty({ example: 'The request has invalid fields.' })
  detail: string;
  @ApiProperty({ example: 'VALIDATION_FAILED', description: 'Stable, upper snake case: branch on this.' })
  code: string;
  @ApiPropertyOptional({ description: 'Quote it when reporting a problem.', type: String, nullable: true })
  requestId?: string | null;
  @ApiPropertyOptional({ type: [FieldErrorDto] })
  errors?: FieldErrorDto[];
}

const DESCRIPTIONS: Record<number, string> = {
  400: 'Malformed JSON, unknown or invalid fields (VALIDATION_FAILED, MALFORMED_JSON, BODY_NOT_OBJECT).',
  401: 'Missing, expired or invalid credentials (AUTH_REQUIRED, TOKEN_EXPIRED, TOKEN_INVALID, API_KEY_INVALID, ...).',
  402: 'The payment was declined.',
  403: 'Signed in, but without the role or scope this needs (ROLE_MISSING, SCOPE_MISSING).',
  404: 'Not found, or not yours.',
  409: 'Conflicts with the current state.',
  413: 'The body is larger than the server accepts.',
  422: 'Well-formed, but breaks a business rule.',
  429: 'Too many requests; wait for Retry-After seconds.',
  503: 'A dependency is unavailable; retry shortly.',
};

/** Documents the problem+json answers a route can give. */
export function ApiProblems(...statuses: number[]) {
  return applyDecorators(
    ApiExtraModels(ProblemDto),
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: DESCRIPTIONS[status] ?? 'Problem',
        content: { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDto) } } },
      }),
    ),
  );
}
