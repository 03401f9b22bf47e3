/**
 * @module components/mail/data
 * An organisation's mail server through the API (administrators): reading, saving and removing it,
 * sending a test email; and the signed-in person's choice to have their notifications emailed.
 */
import { useQuery } from '@tanstack/react-query';
import type { UseQueryResult } from '@tanstack/react-query';
import { api, data } from '../../api/client';
import type { Schema } from '../../api/client';
import type { paths } from '../../api/schema';
import { send } from '../../api/send';

type Settings = paths['/api/v1/organisations/{ref}/mail-settings'];

export type MailSettings = Schema<'MailSettings'>;
export type MailSettingsAnswer = Settings['get']['responses'][200]['content']['application/json'];
export type MailSettingsChange = Settings['put']['requestBody']['content']['application/json'];
export type Security = MailSettings['security'];
export type TestResult =
  paths['/api/v1/organisations/{ref}/mail-settings/test']['post']['responses'][200]['content']['application/json'];
export type EmailPreference =
  paths['/api/v1/notifications/email']['get']['responses'][200]['content']['application/json'];

export const mailSettingsKey = (ref: string): readonly unknown[] => [
  'organisation',
  ref.toUpperCase(),
  'mail-settings',
];

export const emailPreferenceKey = ['notification-email'] as const;

/** The organisation's mail server (null: none) and whether a password can be kept. */
export function useMailSettings(ref: string, enabled = true): UseQueryResult<MailSettingsAnswer> {
  return useQuery({
    queryKey: mailSettingsKey(ref),
    queryFn: () => data(api.GET('/api/v1/organisations/{ref}/mail-settings', { params: { path: { ref } } })),
    enabled,
  });
}

export function saveMailSettings(ref: string, body: MailSettingsChange): Promise<MailSettingsAnswer> {
  return send(api.PUT('/api/v1/organisations/{ref}/mail-settings', { params: { path: { ref } }, body }));
}

export async function removeMailSettings(ref: string): Promise<void> {
  await send(api.DELETE('/api/v1/organisations/{ref}/mail-settings', { params: { path: { ref } } }));
}

/** A test email to the signed-in administrator with the saved settings. */
export function sendTestEmail(ref: string): Promise<TestResult> {
  return send(api.POST('/api/v1/organisations/{ref}/mail-settings/test', { params: { path: { ref } } }));
}

/** Whether my notifications are also emailed to me, and whether any organisation of mine emails them. */
export function useEmailPreference(enabled = true): UseQueryResult<EmailPreference> {
  return useQuery({
    queryKey: emailPreferenceKey,
    queryFn: () => data(api.GET('/api/v1/notifications/email')),
    enabled,
  });
}

export function saveEmailPreference(email: boolean): Promise<EmailPreference> {
  return send(api.PUT('/api/v1/notifications/email', { body: { email } }));
}

/** The security choices, with when each is used. */
export const SECURITY_CHOICES: readonly { value: Security; label: string; hint: string }[] = [
  { value: 'tls', label: 'TLS from the start', hint: 'Usually port 465.' },
  { value: 'starttls', label: 'STARTTLS', hint: 'Usually port 587 (NHSmail uses this).' },
  { value: 'none', label: 'None', hint: 'An internal relay on your network, with no user name.' },
];
