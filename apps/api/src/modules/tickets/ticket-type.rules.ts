import { DomainError } from '../../platform/http/domain-error.js';
import type { EventFacts } from '../events/events.service.js';
import type { TicketTypeStatus } from './dto/ticket-type.dto.js';
import type { TicketTypeEntity } from './ticket-type.entity.js';

const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

export function checkCurrency(code: string): void {
  if (!CURRENCIES.has(code))
    throw new DomainError('unprocessable', 'CURRENCY_UNKNOWN', `${code} is not an ISO 4217 currency.`);
}

/** Sales must open before the event and close by its end (or a day after its start when it has no end). */
export function checkSalesWindow(
  event: Pick<EventFacts, 'startsAt' | 'endsAt'>,
  start: Date | null,
  end: Date | null,
): void {
  const eventEnd = event.endsAt ?? new Date(event.startsAt.getTime() + 24 * 3600_000);
  if (start && end && end <= start)
    throw new DomainError('unprocessable', 'SALES_WINDOW_INVALID', 'salesEndAt must be after salesStartAt.');
  if (start && start >= (event.endsAt ?? event.startsAt)) {
    throw new DomainError('unprocessable', 'SALES_WINDOW_AFTER_EVENT', 'Sales must open before the event.');
  }
  if (end && end > eventEnd)
    throw new DomainError('unprocessable', 'SALES_END_AFTER_EVENT', 'Sales must close by the end of the event.');
}

export function checkPerOrder(min: number, max: number): void {
  if (min > max) throw new DomainError('unprocessable', 'MIN_ABOVE_MAX', 'minPerOrder must not be above maxPerOrder.');
}

export function checkEventOpen(event: EventFacts): void {
  if (event.status === 'canceled' || event.status === 'completed') {
    throw new DomainError(
      'unprocessable',
      'EVENT_CLOSED',
      `The event is ${event.status}; its ticket types cannot change.`,
    );
  }
}

/** Live status from the sale window and what is left. */
export function ticketTypeStatus(
  t: Pick<TicketTypeEntity, 'salesStartAt' | 'salesEndAt'>,
  available: number | null,
  now = new Date(),
): TicketTypeStatus {
  if (t.salesStartAt && now < t.salesStartAt) return 'not_yet_on_sale';
  if (t.salesEndAt && now >= t.salesEndAt) return 'sales_ended';
  if (available !== null && available <= 0) return 'sold_out';
  return 'on_sale';
}
