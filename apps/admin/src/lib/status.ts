import type { Schemas } from '@tessera/api-client';
import type { BadgeTone } from '@tessera/ui';

export type EventStatus = Schemas['EventDto']['status'];

export const EVENT_STATUS_TONES: Record<EventStatus, BadgeTone> = {
  draft: 'neutral',
  on_sale: 'success',
  sales_closed: 'warning',
  completed: 'info',
  canceled: 'danger',
};

export const EVENT_STATUS_LABELS: Record<EventStatus, string> = {
  draft: 'Draft',
  on_sale: 'On sale',
  sales_closed: 'Sales closed',
  completed: 'Completed',
  canceled: 'Canceled',
};
