import { unwrap, type Schemas } from '@tessera/api-client';
import { api } from '../../lib/api.js';

export type CreateApiClientInput = Schemas['CreateApiClientDto'];
export type ApiScope = CreateApiClientInput['scopes'][number];
export type CreatedApiClient = Schemas['CreatedApiClientDto'];

export const SCOPE_OPTIONS: { value: ApiScope; label: string }[] = [
  { value: 'events:read', label: 'events:read — list events and ticket types' },
  { value: 'tickets:purchase', label: 'tickets:purchase — buy tickets for customers' },
  { value: 'tickets:validate', label: 'tickets:validate — check tickets at the gate' },
  { value: 'reports:read', label: 'reports:read — read sales reports' },
];

export function addApiClient(body: CreateApiClientInput) {
  return unwrap(api.POST('/api/api-clients', { body }));
}
