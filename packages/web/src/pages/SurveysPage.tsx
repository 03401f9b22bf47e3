/**
 * @module pages/SurveysPage
 * An organisation's experience surveys (`/organisations/:ref/surveys`): the list (open or closed,
 * the question, the smallest group shown), and "Start a survey" for QI leads and administrators.
 * Each survey's results become a measure; its page has its links, QR codes and results.
 */
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { Permitted } from '../components/account/Permitted';
import { useOrganisation } from '../components/members/members';
import { PageTitle } from '../components/PageTitle';
import { QueryState } from '../components/QueryState';
import { refreshSurveys, useSurveys } from '../components/surveys/data';
import { SurveyForm } from '../components/surveys/SurveyForm';
import '../components/surveys/surveys.css';

export default function SurveysPage(): React.JSX.Element {
  const { ref = '' } = useParams();
  const organisation = useOrganisation(ref);
  const surveys = useSurveys(ref);
  const client = useQueryClient();
  const navigate = useNavigate();
  const name = organisation.data?.name;
  return (
    <>
      <PageTitle caption={name ?? `ODS code ${ref.toUpperCase()}`}>Experience surveys</PageTitle>
      <p className="nhsuk-body-l">
        Short, anonymous surveys of staff and patients: would they recommend{' '}
        {name === undefined ? 'the organisation' : name} as a place to work or to be treated? Answers come in
        through a link or QR code for each unit, and become a measure you can chart.
      </p>
      <QueryState query={surveys} what="the surveys">
        {(list) =>
          list.items.length === 0 ? (
            <p>No surveys yet.</p>
          ) : (
            <ul className="nhsuk-list nhsuk-list--border">
              {list.items.map((survey) => (
                <li key={survey.id}>
                  <Link to={`/surveys/${survey.id}`}>{survey.title}</Link>{' '}
                  <strong className={`nhsuk-tag ${survey.open ? 'nhsuk-tag--green' : 'nhsuk-tag--grey'}`}>
                    {survey.open ? 'Open' : 'Closed'}
                  </strong>
                  <p className="nhsuk-body-s nhsuk-u-margin-bottom-0">{survey.question}</p>
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
      <h2>Start a survey</h2>
      <Permitted
        action="survey.manage"
        organisation={{ id: organisation.data?.id, odsCode: ref }}
        to="start a survey"
        where={name === undefined ? undefined : `in ${name}`}
      >
        <SurveyForm
          odsCode={ref}
          onStarted={(survey) => {
            void refreshSurveys(client);
            void navigate(`/surveys/${survey.id}`);
          }}
        />
      </Permitted>
    </>
  );
}
