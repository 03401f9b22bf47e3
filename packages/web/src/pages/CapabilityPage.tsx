/**
 * @module pages/CapabilityPage
 * An organisation's QI capability (`/organisations/:ref/capability`), for its own people: capability
 * for the whole organisation and by unit this month (each figure linked to its SPC chart), the
 * curriculum (defined here by QI leads and administrators), one's own training with "declare a
 * course", and for coaches, QI leads
 * and administrators: recording training, confirming or rejecting declarations, importing a CSV
 * file, setting each person's unit (one by one, or from a CSV file), and everyone's records.
 */
import { Link, useParams } from 'react-router';
import { Permitted } from '../components/account/Permitted';
import { can } from '../api/permissions';
import { useSession } from '../api/session';
import { CapabilityTable } from '../components/capability/CapabilityTable';
import { CoachTools } from '../components/capability/CoachPanel';
import { AddCourseForm, AddLevelForm } from '../components/capability/CurriculumForms';
import { CurriculumList } from '../components/capability/CurriculumList';
import { useCapabilityByUnit, useCompletions, useCurriculum } from '../components/capability/data';
import { DeclareForm, TrainingTable, WithdrawButton } from '../components/capability/MyTraining';
import { useOrganisation } from '../components/members/members';
import { PageTitle } from '../components/PageTitle';
import { QueryState } from '../components/QueryState';

function Capability({
  odsCode,
  organisationId,
}: {
  odsCode: string;
  organisationId: string;
}): React.JSX.Element {
  const session = useSession();
  const user = session.data?.user ?? null;
  const curriculum = useCurriculum(odsCode);
  const completions = useCompletions(odsCode);
  const byUnit = useCapabilityByUnit(odsCode);
  const manages = can(user, 'capability.manage', { id: organisationId, odsCode });
  const mine = (completions.data?.items ?? []).filter((c) => c.userId === user?.id);
  return (
    <>
      <section aria-labelledby="by-unit-heading">
        <h2 id="by-unit-heading">Capability by unit</h2>
        <p>
          The share of each unit’s staff (with its sub-units’) who have completed every required course of a
          level, or of a higher one. Each figure is published as a measure every month: follow it to its SPC
          chart to see whether capability is growing.
        </p>
        <QueryState query={byUnit} what="capability by unit">
          {(capability) => <CapabilityTable capability={capability} />}
        </QueryState>
      </section>
      <section aria-labelledby="curriculum-heading">
        <h2 id="curriculum-heading">The curriculum</h2>
        <QueryState query={curriculum} what="the curriculum">
          {(value) => (
            <>
              <CurriculumList curriculum={value} />
              {manages ? (
                <>
                  <AddLevelForm odsCode={odsCode} curriculum={value} />
                  <AddCourseForm curriculum={value} />
                </>
              ) : null}
            </>
          )}
        </QueryState>
      </section>
      <section aria-labelledby="mine-heading">
        <h2 id="mine-heading">My training</h2>
        <QueryState query={completions} what="your training">
          {() =>
            mine.length === 0 ? (
              <p>You have no training on record yet.</p>
            ) : (
              <TrainingTable
                items={mine}
                caption="Your completed courses"
                showPerson={false}
                actions={(c) => <WithdrawButton completion={c} />}
              />
            )
          }
        </QueryState>
        {curriculum.data === undefined || curriculum.data.levels.length === 0 ? null : (
          <DeclareForm odsCode={odsCode} curriculum={curriculum.data} />
        )}
      </section>
      {completions.data?.coach === true && curriculum.data !== undefined ? (
        <CoachTools
          odsCode={odsCode}
          curriculum={curriculum.data}
          completions={completions.data.items}
          manages={manages}
          me={user?.id}
        />
      ) : null}
    </>
  );
}

export default function CapabilityPage(): React.JSX.Element {
  const { ref = '' } = useParams();
  const organisation = useOrganisation(ref);
  const name = organisation.data?.name;
  return (
    <>
      <PageTitle caption={name ?? `ODS code ${ref.toUpperCase()}`}>QI capability</PageTitle>
      <p className="nhsuk-body-l">
        Training in quality improvement {name === undefined ? '' : `at ${name}`}: who has learnt what, and how
        much of each unit’s staff can lead and coach improvement.
      </p>
      <p>
        <Link to={`/organisations/${encodeURIComponent(ref)}`}>Back to the overview</Link>
      </p>
      <Permitted
        action="capability.declare"
        organisation={{ id: organisation.data?.id, odsCode: ref }}
        to="see training records"
        where={name === undefined ? undefined : `in ${name}`}
      >
        {organisation.data === undefined ? null : (
          <Capability odsCode={ref} organisationId={organisation.data.id} />
        )}
      </Permitted>
    </>
  );
}
