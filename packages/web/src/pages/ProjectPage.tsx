/**
 * @module pages/ProjectPage
 * A QI project (`/projects/:id`) telling its story: the aim, the problem, its stage and team, its
 * measures, the driver diagram (as lists, and as a picture to download), the PDSA cycles in time
 * order, the charts of its measures with the cycles marked, and the lessons learned. Those who
 * work on it change the diagram and record (and delete) cycles; those who manage it change its
 * stage, who may see it, its team, measures (linked, or created for it) and lessons and publish it
 * when finished; the organisation's goal managers link it to commissioners' requirements. A published project is open to everyone, read-only,
 * with "Copy to my organisation".
 */
import { GoalLinker } from '../components/projects/GoalLinker';
import { Link, useParams } from 'react-router';
import { can } from '../api/permissions';
import { useSession } from '../api/session';
import { Breadcrumbs } from '../components/dashboard/Breadcrumbs';
import { PageTitle } from '../components/PageTitle';
import { AimForm } from '../components/projects/AimForm';
import { CopyProject } from '../components/projects/CopyProject';
import type { Project } from '../components/projects/data';
import { projectRights, useProject } from '../components/projects/data';
import { DriverDiagramEditor } from '../components/projects/DriverDiagramEditor';
import { aimSentence, formatDay, stageWords } from '../components/projects/labels';
import { LessonsForm } from '../components/projects/LessonsForm';
import { NewMeasureForm } from '../components/projects/NewMeasureForm';
import { RequirementLinker } from '../components/projects/RequirementLinker';
import { TeamSection } from '../components/projects/TeamSection';
import { VisibilityForm, visibilityWords } from '../components/projects/VisibilityForm';
import { ProjectMeasures } from '../components/projects/MeasureLinker';
import { PdsaCycles } from '../components/projects/PdsaCycles';
import { ProjectCharts } from '../components/projects/ProjectCharts';
import { PublishPanel } from '../components/projects/PublishPanel';
import { StageForm } from '../components/projects/StageForm';
import { ErrorSummary, Loading } from '../components/QueryState';
import { ProjectIdeas } from '../components/ideas/ProjectIdeas';
import '../components/projects/projects.css';

const ROLE_WORDS = { lead: 'Lead', sponsor: 'Sponsor', coach: 'Coach', member: 'Member' } as const;

/** Changes whenever the diagram does, so the picture is fetched again. */
function diagramVersion(project: Project): string {
  const text = JSON.stringify(project.diagram);
  let hash = 0;
  for (let i = 0; i < text.length; i++) hash = (hash * 31 + text.charCodeAt(i)) | 0;
  return (hash >>> 0).toString(36);
}

function Story({ project }: { project: Project }): React.JSX.Element {
  const session = useSession();
  const user = session.data?.user ?? null;
  const rights = projectRights(user, project);
  const inOrganisation = user?.memberships.some((m) => m.organisationId === project.organisation.id) ?? false;
  const org = `/organisations/${encodeURIComponent(project.organisation.odsCode)}`;
  const aim = aimSentence(project.aim);
  const svg = `/api/v1/projects/${encodeURIComponent(project.id)}/driver-diagram.svg`;
  return (
    <>
      <Breadcrumbs
        items={[
          { href: '/', text: 'Organisations' },
          { href: org, text: project.organisation.name },
          { href: `${org}/projects`, text: 'QI projects' },
        ]}
      />
      <PageTitle caption={`${project.organisation.name} · ${project.unit?.name ?? 'Whole organisation'}`}>
        {project.title}
      </PageTitle>
      {project.publishedAt !== null && (
        <p>
          <strong className="nhsuk-tag nhsuk-tag--green">Published</strong> in the{' '}
          <Link to="/library">library</Link> on {formatDay(project.publishedAt)}
        </p>
      )}
      <section aria-labelledby="aim-heading">
        <h2 id="aim-heading">Aim</h2>
        <p className="nhsuk-body-l gs-aim-box">{aim === '' ? 'The aim is not written yet.' : aim}</p>
        {project.problem.trim() !== '' && (
          <>
            <h3>The problem</h3>
            <p className="gs-pre-line">{project.problem}</p>
          </>
        )}
        {rights.manage && <AimForm project={project} />}
      </section>

      <ProjectIdeas projectId={project.id} />

      <section aria-labelledby="about-heading">
        <h2 id="about-heading">Stage and team</h2>
        <dl className="nhsuk-summary-list">
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">Stage</dt>
            <dd className="nhsuk-summary-list__value">{stageWords(project.stage)}</dd>
          </div>
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">Team</dt>
            <dd className="nhsuk-summary-list__value">
              {project.team.length === 0
                ? 'No one yet'
                : project.team
                    .map((m) => `${m.displayName} (${ROLE_WORDS[m.role].toLowerCase()})`)
                    .join(', ')}
            </dd>
          </div>
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">Who may see it</dt>
            <dd className="nhsuk-summary-list__value">
              {visibilityWords(project.visibility)}
              {project.publishedAt === null ? '' : ' (published: everyone reads it in the library)'}
            </dd>
          </div>
          {project.topics.length > 0 && (
            <div className="nhsuk-summary-list__row">
              <dt className="nhsuk-summary-list__key">Topics</dt>
              <dd className="nhsuk-summary-list__value">{project.topics.join(', ')}</dd>
            </div>
          )}
          {project.goals.length > 0 && (
            <div className="nhsuk-summary-list__row">
              <dt className="nhsuk-summary-list__key">Goals it serves</dt>
              <dd className="nhsuk-summary-list__value">{project.goals.map((g) => g.title).join('; ')}</dd>
            </div>
          )}
        </dl>
        {rights.manage && <StageForm key={project.stage} project={project} />}
        {rights.manage && <VisibilityForm project={project} />}
      </section>

      {rights.manage && (
        <section aria-labelledby="team-heading">
          <h2 id="team-heading">Team</h2>
          <TeamSection project={project} editable />
        </section>
      )}

      {rights.manage && (
        <section aria-labelledby="goals-heading">
          <h2 id="goals-heading">Goals it serves</h2>
          <GoalLinker project={project} />
        </section>
      )}

      {user !== null && (
        <section aria-labelledby="requirements-heading">
          <h2 id="requirements-heading">Commissioners’ requirements it answers</h2>
          <RequirementLinker
            project={project}
            editable={can(user, 'goal.manage', { id: project.organisation.id })}
          />
        </section>
      )}

      <section aria-labelledby="measures-heading">
        <h2 id="measures-heading">Measures</h2>
        <ProjectMeasures project={project} editable={rights.manage} />
        {rights.manage && <NewMeasureForm project={project} />}
      </section>

      <section aria-labelledby="diagram-heading">
        <h2 id="diagram-heading">Driver diagram</h2>
        <p>
          The aim, the primary drivers that must change to reach it, the secondary drivers under them, and the
          change ideas to test.
        </p>
        <DriverDiagramEditor projectId={project.id} diagram={project.diagram} editable={rights.work} />
        <details className="nhsuk-details">
          <summary className="nhsuk-details__summary">
            <span className="nhsuk-details__summary-text">See the driver diagram as a picture</span>
          </summary>
          <div className="nhsuk-details__text gs-diagram-picture">
            <img
              src={`${svg}?v=${diagramVersion(project)}`}
              alt="The driver diagram drawn as boxes and lines; the same boxes and links are listed above."
            />
          </div>
        </details>
        <p>
          <a href={svg} download>
            Download the driver diagram (SVG)
          </a>
        </p>
      </section>

      <section aria-labelledby="cycles-heading">
        <h2 id="cycles-heading" tabIndex={-1}>
          PDSA cycles
        </h2>
        <PdsaCycles
          projectId={project.id}
          cycles={project.cycles}
          changeIdeas={project.diagram.columns.change_idea}
          editable={rights.work}
        />
      </section>

      <section aria-labelledby="charts-heading">
        <h2 id="charts-heading">Charts</h2>
        <p>Each measure’s SPC chart, with the PDSA cycles marked at the period each started.</p>
        <ProjectCharts charts={project.charts} />
      </section>

      <section aria-labelledby="lessons-heading">
        <h2 id="lessons-heading">Lessons learned</h2>
        {rights.manage ? (
          <LessonsForm project={project} />
        ) : project.lessons.trim() === '' ? (
          <p>No lessons written yet.</p>
        ) : (
          <p className="gs-pre-line">{project.lessons}</p>
        )}
      </section>

      {rights.manage && (
        <section aria-labelledby="publish-heading">
          <h2 id="publish-heading">The library</h2>
          <PublishPanel project={project} />
        </section>
      )}

      {project.publishedAt !== null && !inOrganisation && (
        <section aria-labelledby="copy-heading">
          <h2 id="copy-heading">Start from this project</h2>
          <CopyProject project={project} />
        </section>
      )}
    </>
  );
}

export default function ProjectPage(): React.JSX.Element {
  const { id = '' } = useParams();
  const project = useProject(id);
  if (project.isPending)
    return (
      <>
        <PageTitle>QI project</PageTitle>
        <Loading what="the project" />
      </>
    );
  if (project.isError)
    return (
      <>
        <PageTitle>QI project</PageTitle>
        <ErrorSummary title="Could not load the project" error={project.error} />
        <p>
          <Link to="/library">Search the library of published projects</Link>
        </p>
      </>
    );
  return <Story project={project.data} />;
}
