/**
 * @module pages/SurveyResponsePage
 * Answering a survey from its link or QR code (`/s/:token`), outside the signed-in app: no sign-in,
 * no navigation, made for a phone. The question with yes, no or don't know, an optional comment,
 * what happens to the answer, and a thank-you. Nothing about who answers is kept.
 */
import { useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { usePageTitle } from '../components/PageTitle';
import { ErrorSummary, Loading } from '../components/QueryState';
import { useSurveyLink } from '../components/surveys/data';
import { ResponseForm } from '../components/surveys/ResponseForm';

function Thanks(): React.JSX.Element {
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    panel.current?.focus();
  }, []);
  return (
    <div className="nhsuk-panel" ref={panel} tabIndex={-1}>
      <h1 className="nhsuk-panel__heading">Thank you</h1>
      <div className="nhsuk-panel__body">Your answer has been recorded. You can close this page.</div>
    </div>
  );
}

function Body({ token }: { token: string }): React.JSX.Element {
  const link = useSurveyLink(token);
  const [answered, setAnswered] = useState(false);
  usePageTitle(answered ? 'Thank you' : (link.data?.title ?? 'Survey'));
  if (link.isPending) return <Loading what="the survey" />;
  if (link.isError) {
    return (
      <>
        <h1>This survey link is not in use</h1>
        <ErrorSummary title="The survey could not be opened" error={link.error} />
        <p>It may have been replaced, or the survey may have closed. Ask the team for a new link.</p>
      </>
    );
  }
  if (answered) return <Thanks />;
  return (
    <>
      <p className="nhsuk-caption-l">
        {link.data.unit}, {link.data.organisation}
      </p>
      <ResponseForm
        token={token}
        survey={link.data}
        onAnswered={() => {
          setAnswered(true);
        }}
      />
      <h2 className="nhsuk-heading-s">What happens to your answer</h2>
      <p className="nhsuk-body-s">
        Your answer is anonymous: we do not ask for your name and do not keep anything that could identify you
        or your device. Answers are added up for each month. Results are only shown for groups of at least 5
        people. Your comment is read only by the improvement team and the unit’s lead, and is never published.
      </p>
    </>
  );
}

export default function SurveyResponsePage(): React.JSX.Element {
  const { token = '' } = useParams();
  return (
    <>
      <header className="nhsuk-header" role="banner">
        <div className="nhsuk-header__container nhsuk-width-container">
          <div className="nhsuk-header__service">
            <span className="nhsuk-header__service-name">Groundswell survey</span>
          </div>
        </div>
      </header>
      <div className="nhsuk-width-container">
        <main className="nhsuk-main-wrapper" id="maincontent">
          <div className="nhsuk-grid-row">
            <div className="nhsuk-grid-column-two-thirds">
              <Body token={token} />
            </div>
          </div>
        </main>
      </div>
    </>
  );
}
