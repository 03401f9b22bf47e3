/**
 * @module mail/routes
 * `/organisations/:ref/mail-settings`: the organisation's mail server, for its administrators
 * (mail.manage), and a test email to oneself. Validate → service → present.
 */
import { z } from 'zod';
import { ERROR_RESPONSES } from '../http/errors.js';
import type { Api, RouteDeps } from '../http/types.js';
import { OrganisationRefParams } from '../organisations/schemas.js';
import { findOrganisation } from '../organisations/service.js';
import { presentMailSettings } from './presenter.js';
import { MailSettingsBody, MailSettingsResponse, TestEmailView } from './schemas.js';
import { mailSettingsOf, removeMailSettings, saveMailSettings, sendTestEmail } from './service.js';

const tags = ['mail'];

/** Adds the mail settings routes. */
export function mailRoutes(api: Api, { db, now, secrets, mailTransport, authPolicy }: RouteDeps): void {
  const mail = { secrets, transport: mailTransport };
  api.get(
    '/organisations/:ref/mail-settings',
    {
      schema: {
        tags,
        summary:
          'The organisation’s mail server, through which notifications are also emailed (administrators)',
        params: OrganisationRefParams,
        response: { 200: MailSettingsResponse, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const organisation = await findOrganisation(db, request.params.ref);
      return presentMailSettings(await mailSettingsOf(db, mail, request.principal, organisation), mail);
    },
  );

  api.put(
    '/organisations/:ref/mail-settings',
    {
      schema: {
        tags,
        summary: 'Set the organisation’s mail server (the password is write-only, kept encrypted)',
        params: OrganisationRefParams,
        body: MailSettingsBody,
        response: { 200: MailSettingsResponse, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const organisation = await findOrganisation(db, request.params.ref);
      const settings = await saveMailSettings(db, mail, request.principal, organisation, request.body, now());
      return presentMailSettings(settings, mail);
    },
  );

  api.delete(
    '/organisations/:ref/mail-settings',
    {
      schema: {
        tags,
        summary: 'Remove the organisation’s mail server: notifications are shown in the app only',
        params: OrganisationRefParams,
        response: { 204: z.null(), ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const organisation = await findOrganisation(db, request.params.ref);
      await removeMailSettings(db, request.principal, organisation);
      return reply.code(204).send(null);
    },
  );

  api.post(
    '/organisations/:ref/mail-settings/test',
    {
      schema: {
        tags,
        summary: 'Send a test email with the saved settings to yourself; says what the mail server answered',
        params: OrganisationRefParams,
        response: { 200: TestEmailView, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const organisation = await findOrganisation(db, request.params.ref);
      const settingsUrl = `${authPolicy.publicUrl ?? 'http://localhost:3000'}/organisations/${organisation.odsCode}/mail-settings`;
      return sendTestEmail(db, mail, request.principal, organisation, settingsUrl);
    },
  );
}
