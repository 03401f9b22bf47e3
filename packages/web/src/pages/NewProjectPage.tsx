/**
 * @module pages/NewProjectPage
 * Starting a QI project in an organisation (`/organisations/:ref/projects/new`): anyone who
 * belongs to it may; the starter leads it, and goes to its page to build the driver diagram.
 */
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { Permitted } from '../components/account/Permitted';
import { useUnitTree } from '../components/dashboard/units';
import { useOrganisation } from '../components/members/members';
import { PageTitle } from '../components/PageTitle';
import { refreshProjects } from '../components/projects/data';
import { NewProjectForm } from '../components/projects/NewProjectForm';

export default function NewProjectPage(): React.JSX.Element {
  const { ref = '' } = useParams();
  const organisation = useOrganisation(ref);
  const units = useUnitTree(ref);
  const navigate = useNavigate();
  const client = useQueryClient();
  const name = organisation.data?.name;
  return (
    <>
      <PageTitle caption={name ?? `ODS code ${ref.toUpperCase()}`}>Start a project</PageTitle>
      <p>
        <Link to={`/organisations/${encodeURIComponent(ref)}/projects`}>Back to the projects</Link>
      </p>
      <Permitted
        action="project.start"
        organisation={{ id: organisation.data?.id, odsCode: ref }}
        to="start a project"
        where={name === undefined ? undefined : `in ${name}`}
      >
        <NewProjectForm
          odsCode={ref}
          units={units.data?.items ?? []}
          onStarted={(project) => {
            void refreshProjects(client);
            void navigate(`/projects/${project.id}`);
          }}
        />
      </Permitted>
    </>
  );
}
