/**
 * @module components/mail/NotificationEmail
 * The notifications page's "Email" setting: whether one's notifications are also emailed, saved as
 * soon as it is changed; or, when no organisation of one's own has a mail server, that they are
 * shown in Groundswell only.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Checkbox, Done } from '../form';
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
          <Checkbox
            id="notification-email"
            label="Also email my notifications to me"
            size="small"
            checked={save.isPending ? save.variables : preference.data.email}
            disabled={save.isPending}
            onChange={(checked) => {
              save.mutate(checked);
            }}
          />
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
