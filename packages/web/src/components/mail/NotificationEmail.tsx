/**
 * @module components/mail/NotificationEmail
 * The notifications page's "Email" setting: whether one's notifications are also emailed, saved as
 * soon as it is changed; or, when no organisation of one's own has a mail server, that they are
 * shown in Groundswell only.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Done } from '../form';
import { ErrorSummary, Loading } from '../QueryState';
import { emailPreferenceKey, saveEmailPreference, useEmailPreference } from './data';

export function NotificationEmail(): React.JSX.Element {
  const preference = useEmailPreference();
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: saveEmailPreference,
    onSuccess: (saved) => {
      client.setQueryData(emailPreferenceKey, saved);
    },
  });
  return (
    <section aria-labelledby="notification-email-heading">
      <h2 id="notification-email-heading">Email</h2>
      {preference.isPending ? (
        <Loading what="your email setting" />
      ) : preference.isError ? (
        <ErrorSummary title="Could not load your email setting" error={preference.error} />
      ) : !preference.data.available ? (
        <p>Your organisation has not set up email, so your notifications are shown here only.</p>
      ) : (
        <>
          <div className="nhsuk-form-group">
            <div className="nhsuk-checkboxes nhsuk-checkboxes--small">
              <div className="nhsuk-checkboxes__item">
                <input
                  className="nhsuk-checkboxes__input"
                  id="notification-email"
                  type="checkbox"
                  checked={save.isPending ? save.variables : preference.data.email}
                  disabled={save.isPending}
                  onChange={(event) => {
                    save.mutate(event.target.checked);
                  }}
                />
                <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor="notification-email">
                  Also email my notifications to me
                </label>
              </div>
            </div>
          </div>
          {save.isError && <ErrorSummary title="Your email setting was not saved" error={save.error} />}
          <Done
            message={
              save.isSuccess
                ? save.data.email
                  ? 'Saved: your notifications are also emailed to you.'
                  : 'Saved: your notifications are shown here only.'
                : null
            }
          />
        </>
      )}
    </section>
  );
}
