import { unwrap, type Schemas } from '@tessera/api-client';
import { api } from '../../lib/api.js';

export type SimulationInput = Schemas['PriceSimulationRequestDto'];
export type Simulation = Schemas['PriceSimulationDto'];

/** Prices against time and share sold, computed by the API's pricing engine. */
export function simulatePrices(ticketTypeId: string, body: SimulationInput, signal?: AbortSignal) {
  return unwrap(
    api.POST('/api/ticket-types/{id}/price-simulation', { params: { path: { id: ticketTypeId } }, body, signal }),
  );
}
