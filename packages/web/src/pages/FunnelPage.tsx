/**
 * @module pages/FunnelPage
 * A funnel plot of one shared measure across organisations (`/measures/:measureId/funnel`): the
 * chart as an image with its text alternative, the outliers first (a positive outlier with links to
 * its published projects: how they did it), then every organisation in a table in alphabetical
 * order with its position in words, the reader's own organisation marked. What is compared (level,
 * periods, which organisations, overdispersion) is kept in the address.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useParams, useSearchParams } from 'react-router';
import { api, data } from '../api/client';
import { useSession } from '../api/session';
import { FunnelChart } from '../components/compare/FunnelChart';
import { FunnelOptions } from '../components/compare/FunnelOptions';
import type { FunnelChoice } from '../components/compare/FunnelOptions';
import { FunnelOutliers } from '../components/compare/FunnelOutliers';
import { FunnelTable } from '../components/compare/FunnelTable';
import type { Funnel } from '../components/compare/funnel-format';
import { periodWords } from '../components/compare/funnel-format';
import { PageTitle } from '../components/PageTitle';
import { ErrorSummary, Loading } from '../components/QueryState';

const CAPTION = 'Funnel plot across organisations';

/** The choice in the address. */
function choiceOf(params: URLSearchParams): FunnelChoice {
  return {
    unit: params.get('unit') ?? undefined,
    window: params.get('window') === '12-months' ? '12-months' : 'latest',
    among: params.get('among') === 'granted' ? 'granted' : 'all',
    overdispersion: params.get('overdispersion') !== 'false',
  };
}

/** The address of a choice (defaults left out). */
function paramsOf(choice: FunnelChoice): URLSearchParams {
  const next = new URLSearchParams();
  if (choice.unit !== undefined) next.set('unit', choice.unit);
  if (choice.window !== 'latest') next.set('window', choice.window);
  if (choice.among !== 'all') next.set('among', choice.among);
  if (!choice.overdispersion) next.set('overdispersion', 'false');
  return next;
}

function HowToRead(): React.JSX.Element {
  return (
    <div className="nhsuk-inset-text">
      <span className="nhsuk-u-visually-hidden">Information: </span>
      <h2 className="nhsuk-heading-s">How to read a funnel plot</h2>
      <p>
        Each dot is an organisation: across, how many patients (the denominator); up, its result.
        Organisations inside the funnel differ from the average by no more than chance and case mix can
        explain, so they are not ranked. One outside the 99.8% limits is unusual: a good place to learn from,
        or to ask questions.
      </p>
    </div>
  );
}

/** What the page says above the chart: periods, how many organisations, and any left out. */
function Summary({ funnel }: { funnel: Funnel }): React.JSX.Element {
  const n = funnel.points.length;
  return (
    <>
      <p className="nhsuk-body" role="status">
        {n === 0
          ? 'No organisation has data to compare here.'
          : `${n.toLocaleString('en-GB')} organisation${n === 1 ? '' : 's'}${funnel.unit === null ? '' : ` (${funnel.unit})`}, ${periodWords(funnel.period)}${funnel.among === 'granted' ? ', of those that granted your organisation access' : ''}.`}
      </p>
      {funnel.missing.length > 0 && (
        <details className="nhsuk-details">
          <summary className="nhsuk-details__summary">
            <span className="nhsuk-details__summary-text">
              {funnel.missing.length.toLocaleString('en-GB')} organisation
              {funnel.missing.length === 1 ? ' has' : 's have'} no data for these periods
            </span>
          </summary>
          <div className="nhsuk-details__text">
            <p>{funnel.missing.map((o) => o.name).join(', ')}</p>
          </div>
        </details>
      )}
      {funnel.warnings.map((warning) => (
        <p className="nhsuk-body" key={warning}>
          <strong>Note:</strong> {warning}
        </p>
      ))}
    </>
  );
}

export default function FunnelPage(): React.JSX.Element {
  const { measureId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const choice = choiceOf(params);
  const session = useSession();
  const query = useQuery({
    queryKey: ['funnel', measureId, choice],
    queryFn: () =>
      data(
        api.GET('/api/v1/measures/{id}/funnel', {
          params: {
            path: { id: measureId },
            query: {
              ...(choice.unit === undefined ? {} : { unit: choice.unit }),
              window: choice.window,
              among: choice.among,
              ...(choice.overdispersion ? {} : { overdispersion: 'false' as const }),
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });

  if (query.isPending) {
    return (
      <>
        <PageTitle caption={CAPTION}>Measure</PageTitle>
        <Loading what="the funnel plot" />
      </>
    );
  }
  if (query.isError) {
    return (
      <>
        <PageTitle caption={CAPTION}>Measure</PageTitle>
        <ErrorSummary title="Could not draw the funnel plot" error={query.error} />
        <p>
          <Link to="/measures">Choose another measure</Link>
        </p>
      </>
    );
  }
  const funnel = query.data;
  const { measure } = funnel;
  const compare = `/measures/${encodeURIComponent(measure.id)}/compare${funnel.unit === null ? '' : `?unit=${encodeURIComponent(funnel.unit)}`}`;
  return (
    <>
      <PageTitle caption={CAPTION}>{measure.name}</PageTitle>
      {measure.description !== '' && <p className="nhsuk-body-l">{measure.description}</p>}
      <p>
        <Link to={compare}>See each organisation’s own SPC chart</Link>
      </p>
      <HowToRead />
      <FunnelOptions
        funnel={funnel}
        choice={{ ...choice, unit: funnel.unit ?? undefined }}
        signedIn={session.data?.user != null}
        onChoose={(next) => {
          setParams(paramsOf(next));
        }}
      />
      <h2>{funnel.unit ?? 'Organisations as a whole'}</h2>
      <Summary funnel={funnel} />
      <FunnelChart funnel={funnel} />
      <FunnelOutliers funnel={funnel} />
      {funnel.points.length > 0 && (
        <FunnelTable
          funnel={funnel}
          caption={`Every organisation, in alphabetical order, ${periodWords(funnel.period)}`}
        />
      )}
    </>
  );
}
