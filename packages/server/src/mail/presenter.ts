/**
 * @module mail/presenter
 * The mail settings as the API sends them.
 */
import type { z } from 'zod';
import type { MailSettingsResponse } from './schemas.js';
import type { MailDeps, MailSettingsView } from './service.js';

export function presentMailSettings(
  settings: MailSettingsView | null,
  deps: MailDeps,
): z.infer<typeof MailSettingsResponse> {
  return {
    settings:
      settings === null
        ? null
        : {
            ...settings,
            enabledAt: settings.enabledAt?.toISOString() ?? null,
            updatedAt: settings.updatedAt.toISOString(),
          },
    canStorePassword: deps.secrets !== null,
  };
}
