/**
 * @module pages/IdeasPage
 * An organisation's staff ideas (`/organisations/:ref/ideas`), for its own people: by unit (with
 * its sub-units) and status, newest or most voted first, each with its votes, its status in words
 * and the reason given at triage ("you said, we did"), and "Submit an idea". The filters are in the
 * address (`?unit=…&status=…&sort=votes`), so a list can be shared.
 */
import { Link, useParams, useSearchParams } from 'react-router';
import { Permitted, usePermission } from '../components/account/Permitted';
import { unitOptions, useUnitTree } from '../components/dashboard/units';
import type { IdeaFilters as Filters } from '../components/ideas/data';
import { filtersFromParams, filtersToParams, useIdeas } from '../components/ideas/data';
import { IdeaFilters } from '../components/ideas/IdeaFilters';
import { IdeaList } from '../components/ideas/IdeaList';
import { useOrganisation } from '../components/members/members';
import { PageTitle } from '../components/PageTitle';
import { ErrorSummary, Loading } from '../components/QueryState';
import '../components/ideas/ideas.css';

function Ideas({ odsCode, filters }: { odsCode: string; filters: Filters }): React.JSX.Element {
  const ideas = useIdeas(odsCode, filters);
  if (ideas.isPending) return <Loading what="the ideas" />;
  if (ideas.isError) return <ErrorSummary title="Could not load the ideas" error={ideas.error} />;
  const items = ideas.data.pages.flatMap((page) => page.items);
  return (
    <>
      <p role="status">
        {items.length === 0
          ? ''
          : `Showing ${items.length} ${items.length === 1 ? 'idea' : 'ideas'}${ideas.hasNextPage ? '; there are more' : ''}.`}
      </p>
      <IdeaList items={items} />
      {ideas.hasNextPage && (
        <button
          className="nhsuk-button nhsuk-button--secondary"
          type="button"
          onClick={() => {
            if (!ideas.isFetchingNextPage) void ideas.fetchNextPage();
          }}
        >
          {ideas.isFetchingNextPage ? 'Loading more…' : 'Show more ideas'}
        </button>
      )}
    </>
  );
}

export default function IdeasPage(): React.JSX.Element {
  const { ref = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const organisation = useOrganisation(ref);
  const units = useUnitTree(ref);
  const filters = filtersFromParams(params);
  const name = organisation.data?.name;
  const org = { id: organisation.data?.id, odsCode: ref };
  const permission = usePermission('idea.submit', org);
  const where = name === undefined ? undefined : `in ${name}`;
  return (
    <>
      <PageTitle caption={name ?? `ODS code ${ref.toUpperCase()}`}>Ideas</PageTitle>
      <p className="nhsuk-body-l">
        Ideas from staff {name === undefined ? 'here' : `of ${name}`} to make care better or work easier: vote
        for the ones you want, comment, and see what happened to each (“you said, we did”).
      </p>
      <Permitted action="idea.submit" organisation={org} to="read and submit ideas" where={where}>
        <p>
          <Link className="nhsuk-button" to={`/organisations/${encodeURIComponent(ref)}/ideas/new`}>
            Submit an idea
          </Link>
        </p>
        <p>
          <Link to={`/organisations/${encodeURIComponent(ref)}/projects`}>
            See the QI projects ideas became
          </Link>
        </p>
        <h2>Filter</h2>
        <IdeaFilters
          key={params.toString()}
          initial={filters}
          units={unitOptions(units.data?.items ?? [])}
          onApply={(next) => {
            setParams(filtersToParams(next));
          }}
        />
        <section aria-labelledby="ideas-heading">
          <h2 id="ideas-heading">Ideas</h2>
          {permission.state === 'allowed' && <Ideas odsCode={ref} filters={filters} />}
        </section>
      </Permitted>
    </>
  );
}
