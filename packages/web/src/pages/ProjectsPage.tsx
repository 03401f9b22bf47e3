/**
 * @module pages/ProjectsPage
 * An organisation's QI projects (`/organisations/:ref/projects`): the portfolio by stage, unit and
 * goal, with counts by stage and the projects with no recent PDSA cycle flagged for a coach, and
 * "Start a project" for anyone who belongs to it (staff own the work).
 */
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Permitted } from '../components/account/Permitted';
import { unitOptions, useUnitTree } from '../components/dashboard/units';
import { useOrganisation } from '../components/members/members';
import { PageTitle } from '../components/PageTitle';
import type { PortfolioFilters as Filters } from '../components/projects/data';
import { NO_PORTFOLIO_FILTERS, useGoals, usePortfolio } from '../components/projects/data';
import { PortfolioFilters } from '../components/projects/PortfolioFilters';
import { PortfolioList, StageCounts } from '../components/projects/PortfolioList';
import { QueryState } from '../components/QueryState';
import '../components/projects/projects.css';

export default function ProjectsPage(): React.JSX.Element {
  const { ref = '' } = useParams();
  const organisation = useOrganisation(ref);
  const [filters, setFilters] = useState<Filters>(NO_PORTFOLIO_FILTERS);
  const portfolio = usePortfolio(ref, filters);
  const units = useUnitTree(ref);
  const goals = useGoals(ref);
  const name = organisation.data?.name;
  return (
    <>
      <PageTitle caption={name ?? `ODS code ${ref.toUpperCase()}`}>QI projects</PageTitle>
      <p className="nhsuk-body-l">
        Every improvement project {name === undefined ? 'here' : `in ${name}`}: where each is, who leads it,
        and which have had no PDSA cycle for 30 days and may need a coach.
      </p>
      <Permitted
        action="project.start"
        organisation={{ id: organisation.data?.id, odsCode: ref }}
        to="start a project"
        where={name === undefined ? undefined : `in ${name}`}
      >
        <p>
          <Link className="nhsuk-button" to={`/organisations/${encodeURIComponent(ref)}/projects/new`}>
            Start a project
          </Link>
        </p>
      </Permitted>
      <p>
        <Link to="/library">Search the library of projects other organisations published</Link>
      </p>
      <h2>Filter</h2>
      <PortfolioFilters
        initial={filters}
        units={unitOptions(units.data?.items ?? [])}
        goals={goals.data?.items ?? []}
        onApply={setFilters}
      />
      <QueryState query={portfolio} what="the projects">
        {(page) => (
          <>
            <section aria-labelledby="stages-heading">
              <h2 id="stages-heading">By stage</h2>
              <StageCounts summary={page.summary} />
            </section>
            <section aria-labelledby="list-heading">
              <h2 id="list-heading">Projects</h2>
              <PortfolioList items={page.items} />
            </section>
          </>
        )}
      </QueryState>
    </>
  );
}
