/**
 * @module pages/MailSettingsPage
 * An organisation's mail server (`/organisations/:ref/mail-settings`), for its administrators:
 * notifications are shown in Groundswell and, once a mail server is set here, also emailed through
 * it. Setting and changing it (the password is write-only), how email is going, a test email, and
 * removing it. Anyone else is told what role it needs; someone signed out is asked to sign in.
 */
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Permitted } from '../components/account/Permitted';
import { Done } from '../components/form';
import { useMailSettings } from '../components/mail/data';
import { MailSettingsForm } from '../components/mail/MailSettingsForm';
import { RemoveMailServer, StatusList, TestEmail } from '../components/mail/MailStatus';
import { useOrganisation } from '../components/members/members';
import { PageTitle } from '../components/PageTitle';
import { QueryState } from '../components/QueryState';

function Settings({ odsCode, name }: { odsCode: string; name: string | undefined }): React.JSX.Element {
  const query = useMailSettings(odsCode);
  const [done, setDone] = useState<string | null>(null);
  return (
    <>
      <Done message={done} />
      <QueryState query={query} what="the mail settings">
        {({ settings, canStorePassword }) => (
          <>
            {settings === null ? (
              <p>No mail server is set: notifications are shown in Groundswell only.</p>
            ) : (
              <section aria-labelledby="mail-status-heading">
                <h2 id="mail-status-heading">How email is going</h2>
                <StatusList settings={settings} />
                <TestEmail odsCode={odsCode} />
              </section>
            )}
            <MailSettingsForm
              key={settings?.updatedAt ?? 'new'}
              odsCode={odsCode}
              organisationName={name}
              settings={settings}
              canStorePassword={canStorePassword}
              onSaved={setDone}
            />
            {settings !== null && (
              <section aria-labelledby="mail-remove-section">
                <h2 id="mail-remove-section">Stop emailing</h2>
                <RemoveMailServer odsCode={odsCode} onRemoved={setDone} />
              </section>
            )}
          </>
        )}
      </QueryState>
    </>
  );
}

export default function MailSettingsPage(): React.JSX.Element {
  const { ref = '' } = useParams();
  const organisation = useOrganisation(ref);
  const name = organisation.data?.name;
  return (
    <>
      <PageTitle caption={name ?? `ODS code ${ref.toUpperCase()}`}>Email</PageTitle>
      <p className="nhsuk-body-l">
        Notifications, such as an idea’s change of status, are shown in Groundswell. When you set{' '}
        {name === undefined ? 'your organisation’s' : `${name}’s`} own mail server here, they are also emailed
        to people through it.
      </p>
      <div className="nhsuk-inset-text">
        <span className="nhsuk-u-visually-hidden">Information: </span>
        <p>
          For NHSmail: mail server <code>send.nhs.net</code>, port 587, STARTTLS, and sign in with the NHSmail
          account that emails should come from.
        </p>
      </div>
      <Permitted
        action="mail.manage"
        organisation={{ odsCode: ref, id: organisation.data?.id }}
        to="set the mail server"
        where={name === undefined ? undefined : `in ${name}`}
      >
        <Settings odsCode={ref} name={name} />
      </Permitted>
      <p>
        <Link to={`/organisations/${ref}`}>Back to {name ?? 'the organisation'}</Link>
      </p>
    </>
  );
}
