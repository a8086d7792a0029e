import type { Schemas } from '@tessera/api-client';
import { unwrapDetailed } from '@tessera/ui';
import { api } from '../../lib/api.js';

export type HoldRequest = Schemas['CreateHoldDto'];

/** Holds tickets at their current prices while the buyer pays; SEAT_TAKEN problems keep their alternatives. */
export function createHold(body: HoldRequest) {
  return unwrapDetailed(api.POST('/api/holds', { body: { channel: 'web', ...body } }));
}
