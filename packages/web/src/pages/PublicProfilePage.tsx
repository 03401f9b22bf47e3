/**
 * @module pages/PublicProfilePage
 * The public page's settings (`/organisations/:ref/public-profile`): the few words that introduce
 * the organisation on its public page, and the licence its published measures are offered under
 * as open data. Executives and administrators change them; anyone else sees them, with a link to
 * the public page itself (served by the server as plain HTML, outside this app).
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Permitted } from '../components/account/Permitted';
import { Done, FormErrorSummary, Radios, TextAreaField, byId, problemsOf } from '../components/form';
import type { FieldProblem } from '../components/form';
import { useOrganisation } from '../components/members/members';
import { PageTitle } from '../components/PageTitle';
import { LICENCES, publicProfileKey, savePublicProfile, usePublicProfile } from '../components/public/data';
import type { Licence, PublicProfile } from '../components/public/data';
import { QueryState } from '../components/QueryState';

const MAX_INTRODUCTION = 4000;

const FIELDS = {
  introduction: { id: 'public-introduction', label: 'Introduction' },
  licence: { id: 'public-licence-OGL-UK-3.0', label: 'Licence' },
};

function ProfileForm({ odsCode, profile }: { odsCode: string; profile: PublicProfile }): React.JSX.Element {
  const client = useQueryClient();
  const [introduction, setIntroduction] = useState(profile.introduction);
  const [licence, setLicence] = useState<Licence>(profile.licence);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: () => savePublicProfile(odsCode, { introduction, licence }),
    onSuccess: (saved) => {
      setProblems([]);
      setDone('The public page settings are saved. The public page shows them within five minutes.');
      client.setQueryData(publicProfileKey(odsCode), saved);
    },
    onError: (error) => {
      setDone(null);
      setProblems(problemsOf(error, FIELDS, FIELDS.introduction.id));
    },
  });
  const errors = byId(problems);
  return (
    <form
      noValidate
      aria-labelledby="public-form-heading"
      onSubmit={(event) => {
        event.preventDefault();
        if (mutation.isPending) return;
        const found: FieldProblem[] = [];
        if (introduction.length > MAX_INTRODUCTION) {
          found.push({
            id: FIELDS.introduction.id,
            message: `The introduction must be ${MAX_INTRODUCTION.toLocaleString('en-GB')} characters or fewer`,
          });
        }
        setProblems(found);
        setDone(null);
        if (found.length === 0) mutation.mutate();
      }}
    >
      <h2 id="public-form-heading">Change the public page</h2>
      <FormErrorSummary problems={problems} headingLevel={3} />
      <TextAreaField
        id={FIELDS.introduction.id}
        label="Introduction"
        hint="A few words for patients and the public, above your published measures. Leave a blank line between paragraphs. Do not include anything about individual patients."
        rows={6}
        value={introduction}
        error={errors[FIELDS.introduction.id]}
        onChange={setIntroduction}
      />
      <div className="nhsuk-form-group">
        <fieldset className="nhsuk-fieldset">
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">
            Licence for your published data
          </legend>
          <Radios name="public-licence" choices={LICENCES} value={licence} onChange={setLicence} />
        </fieldset>
      </div>
      <button className="nhsuk-button" type="submit">
        {mutation.isPending ? 'Saving…' : 'Save the public page settings'}
      </button>
      <Done message={done} />
    </form>
  );
}

function CurrentSettings({ profile }: { profile: PublicProfile }): React.JSX.Element {
  return (
    <dl className="nhsuk-summary-list">
      <div className="nhsuk-summary-list__row">
        <dt className="nhsuk-summary-list__key">Introduction</dt>
        <dd className="nhsuk-summary-list__value">
          {profile.introduction.trim() === '' ? 'None written yet' : profile.introduction}
        </dd>
      </div>
      <div className="nhsuk-summary-list__row">
        <dt className="nhsuk-summary-list__key">Licence</dt>
        <dd className="nhsuk-summary-list__value">
          <a href={profile.licenceUrl}>{profile.licenceName}</a>
        </dd>
      </div>
    </dl>
  );
}

export default function PublicProfilePage(): React.JSX.Element {
  const { ref = '' } = useParams();
  const organisation = useOrganisation(ref);
  const profile = usePublicProfile(ref);
  const name = organisation.data?.name;
  return (
    <>
      <PageTitle caption={name ?? `ODS code ${ref.toUpperCase()}`}>Public page</PageTitle>
      <p className="nhsuk-body-l">
        Anyone can read the measures, goals and projects {name ?? 'the organisation'} publishes, without
        signing in. Only what is marked public appears there.
      </p>
      <QueryState query={profile} what="the public page settings">
        {(current) => (
          <>
            <p>
              <a href={current.publicPath}>See the public page</a> ·{' '}
              <Link to={`/organisations/${ref}`}>Back to the overview</Link>
            </p>
            <CurrentSettings profile={current} />
            <Permitted
              action="public_profile.manage"
              organisation={{ id: ref, odsCode: ref }}
              to="change the public page"
              where={name === undefined ? undefined : `in ${name}`}
              heading="Change the public page"
            >
              <ProfileForm odsCode={ref} profile={current} />
            </Permitted>
          </>
        )}
      </QueryState>
    </>
  );
}
