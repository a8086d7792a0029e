import { unwrap, type Schemas } from '@tessera/api-client';
import { api } from '../../lib/api.js';

export type PriceRules = Schemas['PriceRulesDto'];
export type PriceRule = Schemas['PriceRuleDto'];
export type PricePolicy = Schemas['PricePolicyDto'];
export type AppliedRule = Schemas['AppliedRuleDto'];

/** A ticket type's price rules, its limits and why its current price is what it is. */
export function getPriceRules(ticketTypeId: string, signal?: AbortSignal) {
  return unwrap(api.GET('/api/ticket-types/{id}/price-rules', { params: { path: { id: ticketTypeId } }, signal }));
}
