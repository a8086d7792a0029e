import { type Schemas, unwrap } from '@tessera/api-client';
import { api } from '../../lib/api.js';

export type NotificationPreferences = Schemas['NotificationPreferencesDto'];

/** How the signed-in customer wants to hear about their tickets: email, SMS and the phone for it. */
export function getNotificationPreferences(signal?: AbortSignal) {
  return unwrap(api.GET('/api/me/notification-preferences', { signal }));
}
