import { unwrap, type Schemas } from '@tessera/api-client';
import { api } from '../../lib/api.js';

export type PutPriceRulesInput = Schemas['PutPriceRulesDto'];

/** Replaces the rules (all or nothing); 422 FLOOR_ABOVE_CEILING, OVERLAPPING_TIME_STEPS, NEGATIVE_PRICE, ... */
export function putPriceRules(ticketTypeId: string, body: PutPriceRulesInput) {
  return unwrap(api.PUT('/api/ticket-types/{id}/price-rules', { params: { path: { id: ticketTypeId } }, body }));
}
