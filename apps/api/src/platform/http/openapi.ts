import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

export function buildOpenApiDocument(app: INestApplication, version = '0.1.0'): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Tessera API')
    .setDescription(
      [
        'Event ticketing: events, ticket types, purchases, digital tickets and entry validation.',
        '',
        'Errors are `application/problem+json` with a stable `code`. Lists are `{ items, total }`, paged by `limit` (max 200) and `offset`.',
        'People authenticate with `Authorization: Bearer <access token>`; vendors and integrations with `X-API-Key`.',
        'Money is an integer in minor units with an ISO 4217 `currency`; times are ISO 8601 with an offset.',
      ].join('\n'),
    )
    .setVersion(version)
    .setLicense('AGPL-3.0-or-later', 'https://www.gnu.org/licenses/agpl-3.0.html')
    .addServer('/', 'This server')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-API-Key' }, 'api-key')
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    operationIdFactory: (controllerKey, methodKey) => `${controllerKey.replace(/Controller$/, '')}_${methodKey}`,
  });
  return document;
}
