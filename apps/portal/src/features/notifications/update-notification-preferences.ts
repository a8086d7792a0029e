import { unwrap } from '@tessera/api-client';
import { api } from '../../lib/api.js';
import type { NotificationPreferences } from './get-notification-preferences.js';

/** Saves the preferences; SMS needs a phone number in E.164 (422 PHONE_REQUIRED otherwise). */
export function updateNotificationPreferences(body: NotificationPreferences) {
  return unwrap(api.PUT('/api/me/notification-preferences', { body }));
}
