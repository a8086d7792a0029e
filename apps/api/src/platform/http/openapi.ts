import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
type OperationObject = { description?: string; security?: Record<string, string[]>[] };
import { ACCESS_EXTENSION, type AccessRule } from '../auth/access.decorators.js';

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
  applyAccessRules(document);
  return document;
}

/** Turns each route's access decorator into OpenAPI `security` and a line in its description. */
function applyAccessRules(document: OpenAPIObject): void {
  for (const item of Object.values(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const op = item[method] as (OperationObject & Record<string, unknown>) | undefined;
      if (!op) continue;
      const rule = op[ACCESS_EXTENSION] as AccessRule | undefined;
      const scopes = (op[`${ACCESS_EXTENSION}-scopes`] as string[] | undefined) ?? [];
      delete op[ACCESS_EXTENSION];
      delete op[`${ACCESS_EXTENSION}-scopes`];
      if (!rule || rule.kind === 'public') {
        op.security = [];
        continue;
      }
      op.security = [{ bearer: [] }, ...(scopes.length ? [{ 'api-key': [] }] : [])];
      const who =
        rule.kind === 'authenticated'
          ? 'Any signed-in user.'
          : `Staff with a role: ${['admin', ...rule.roles.filter((r) => r !== 'admin')].join(', ')}.`;
      const vendors = scopes.length ? ` API keys with scope: ${scopes.join(', ')}.` : '';
      op.description = [op.description, `**Access:** ${who}${vendors}`].filter(Boolean).join('\n\n');
    }
  }
}
