/**
 * @module components/projects/TeamSection
 * A project's team: each person with their part (lead, sponsor, coach, member). Those who manage
 * the project change a part, remove someone, and add one of the organisation's people found by
 * name (the people directory: names and units only). A project keeps at least one lead: the
 * server refuses to demote or remove its last one, and the page says why.
 */
import { useState } from 'react';
import { Done, FormErrorSummary, SelectField, TextField } from '../form';
import { ErrorSummary } from '../QueryState';
import type { Project } from './data';
import type { TeamRole } from './team';
import { addTeamMember, changeTeamRole, removeTeamMember, roleWords, TEAM_ROLES, usePeople } from './team';
import type { ProjectChange } from './useProjectChange';
import { useProjectChange } from './useProjectChange';

type Member = Project['team'][number];

const ROLE_CHOICES = TEAM_ROLES.map((r) => ({
  value: r.value,
  label: `${r.label}: ${r.hint.toLowerCase()}`,
}));

function MemberRow({
  project,
  member,
  change,
}: {
  project: Project;
  member: Member;
  change: ProjectChange;
}): React.JSX.Element {
  const [role, setRole] = useState<TeamRole>(member.role);
  const id = `team-role-${member.userId}`;
  return (
    <li className="gs-team-member">
      <form
        noValidate
        aria-label={`${member.displayName}’s part`}
        onSubmit={(event) => {
          event.preventDefault();
          void change.run(
            () => changeTeamRole(project.id, member.userId, role),
            `${member.displayName} is now ${roleWords(role).toLowerCase()} of the project.`,
          );
        }}
      >
        <SelectField
          id={id}
          label={member.displayName}
          hint={`Now: ${roleWords(member.role).toLowerCase()}`}
          value={role}
          choices={ROLE_CHOICES}
          onChange={(value) => {
            setRole(value as TeamRole);
          }}
        />
        <div className="nhsuk-button-group">
          <button
            className="nhsuk-button nhsuk-button--secondary gs-small-button"
            type="submit"
            aria-label={`Change the part of ${member.displayName}`}
          >
            Change the part
          </button>
          <button
            className="nhsuk-button nhsuk-button--warning gs-small-button"
            type="button"
            aria-label={`Remove ${member.displayName} from the team`}
            onClick={() => {
              void change.run(
                () => removeTeamMember(project.id, member.userId),
                `${member.displayName} is no longer in the team.`,
              );
            }}
          >
            Remove
          </button>
        </div>
      </form>
    </li>
  );
}

function AddForm({ project }: { project: Project }): React.JSX.Element {
  const [search, setSearch] = useState('');
  const [userId, setUserId] = useState('');
  const [role, setRole] = useState<TeamRole>('member');
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const people = usePeople(project.organisation.odsCode, search, true);
  const change = useProjectChange();
  const inTeam = new Set(project.team.map((m) => m.userId));
  const found = (people.data?.items ?? []).filter((p) => !inTeam.has(p.id));
  const choices = found.map((p) => ({
    value: p.id,
    label: p.unit === null ? p.name : `${p.name} (${p.unit.name})`,
  }));
  const first = people.isPending
    ? 'Finding people…'
    : found.length === 0
      ? 'No one else matches that name'
      : `Choose one of ${found.length} ${found.length === 1 ? 'person' : 'people'}`;
  return (
    <form
      noValidate
      aria-labelledby="add-team-heading"
      onSubmit={(event) => {
        event.preventDefault();
        const chosen = found.find((p) => p.id === userId);
        if (chosen === undefined) {
          setProblem('Choose the person to add');
          return;
        }
        setProblem(undefined);
        void change
          .run(
            () => addTeamMember(project.id, chosen.id, role),
            `Added ${chosen.name} to the team as ${roleWords(role).toLowerCase()}.`,
          )
          .then((ok) => {
            if (ok) {
              setUserId('');
              setSearch('');
            }
          });
      }}
    >
      <h3 id="add-team-heading">Add someone to the team</h3>
      <FormErrorSummary problems={problem === undefined ? [] : [{ id: 'team-person', message: problem }]} />
      <TextField
        id="team-search"
        label="Find a person by name"
        hint={`Type part of their name: ${project.organisation.name}’s people are listed below.`}
        value={search}
        autoComplete="off"
        onChange={(value) => {
          setSearch(value);
          setUserId('');
        }}
      />
      {people.isError && (
        <ErrorSummary title="Could not find the organisation’s people" error={people.error} />
      )}
      <SelectField
        id="team-person"
        label="Person"
        error={problem}
        value={userId}
        choices={[{ value: '', label: first }, ...choices]}
        onChange={setUserId}
      />
      <SelectField
        id="team-new-role"
        label="Their part"
        value={role}
        choices={ROLE_CHOICES}
        onChange={(value) => {
          setRole(value as TeamRole);
        }}
      />
      {change.error !== null && <ErrorSummary title="The person could not be added" error={change.error} />}
      <button className="nhsuk-button nhsuk-button--secondary" type="submit">
        {change.pending ? 'Adding…' : 'Add to the team'}
      </button>
      <Done message={change.announcement === '' ? null : change.announcement} />
    </form>
  );
}

export function TeamSection({
  project,
  editable,
}: {
  project: Project;
  editable: boolean;
}): React.JSX.Element {
  const change = useProjectChange();
  if (!editable) {
    return project.team.length === 0 ? (
      <p>No one is in the team yet.</p>
    ) : (
      <ul className="nhsuk-list">
        {project.team.map((m) => (
          <li key={m.userId}>
            {m.displayName} ({roleWords(m.role).toLowerCase()})
          </li>
        ))}
      </ul>
    );
  }
  return (
    <>
      <p className="nhsuk-body-s">
        A project always keeps a lead: to hand it on, make someone else a lead before changing your own part.
      </p>
      {project.team.length === 0 ? (
        <p>No one is in the team yet.</p>
      ) : (
        <ul className="nhsuk-list gs-team">
          {project.team.map((m) => (
            <MemberRow key={m.userId} project={project} member={m} change={change} />
          ))}
        </ul>
      )}
      {change.error !== null && <ErrorSummary title="The team could not be changed" error={change.error} />}
      <Done message={change.announcement === '' ? null : change.announcement} />
      <AddForm project={project} />
    </>
  );
}
