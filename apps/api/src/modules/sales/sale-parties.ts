import { type Actor, hasRole } from '../../platform/auth/actor.js';
import { DomainError } from '../../platform/http/domain-error.js';
import { channelOf } from '../inventory/inventory.service.js';
import type { PaymentMethod } from '../payments/payment.entity.js';
import type { PurchaseRequestDto } from './dto/purchase.dto.js';
import type { Channel } from './purchase.entity.js';

/** How a sale is paid and through which channel; counter payments are for box-office staff only. */
export function saleChannel(actor: Actor, dto: PurchaseRequestDto): { method: PaymentMethod; channel: Channel } {
  const method = dto.payment.method as PaymentMethod;
  const counter = method === 'cash' || method === 'card_terminal';
  if (counter && !hasRole(actor, 'box_office')) {
    throw new DomainError(
      'forbidden',
      'PAYMENT_METHOD_NOT_ALLOWED',
      'Cash and card terminal payments are taken by box-office staff.',
    );
  }
  return { method, channel: channelOf(actor, dto.channel ?? (counter ? 'box_office' : undefined)) };
}

/** Who a purchase belongs to: the customer who bought it, the clerk who sold it, or the vendor. */
export function saleParties(actor: Actor, channel: Channel) {
  return {
    customerId: actor.kind === 'user' && channel !== 'box_office' ? actor.userId : null,
    soldBy: actor.kind === 'user' && channel === 'box_office' ? actor.userId : null,
    apiClientId: actor.kind === 'api_client' ? actor.clientId : null,
  };
}
