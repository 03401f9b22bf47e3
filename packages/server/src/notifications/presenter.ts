/**
 * @module notifications/presenter
 * The exact fields of a notification the API sends (never `emailed_at`, an internal matter).
 */
import type { Notification } from './repository.js';
import type { NotificationView } from './schemas.js';

/** A notification. */
export function presentNotification(row: Notification): NotificationView {
  return {
    id: row.id,
    organisationId: row.organisationId,
    kind: row.kind,
    text: row.text,
    link: row.link,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}
