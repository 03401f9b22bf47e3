/**
 * @module components/capability/CoachPanel
 * The coach's part of the Capability page: record training, the declarations waiting for a coach
 * (confirm or reject), a CSV import, each person's unit (QI leads and administrators: one by one
 * or from a CSV file), and everyone's records.
 */
import { useUnitTree } from '../dashboard/units';
import { QueryState } from '../QueryState';
import { RecordForm, ReviewButtons, StaffUnitForm } from './CoachTools';
import { CsvUpload, StaffUnitUpload } from './CsvUpload';
import type { Completion, Curriculum } from './data';
import { usePeople } from './data';
import { TrainingTable } from './MyTraining';

export function CoachTools({
  odsCode,
  curriculum,
  completions,
  manages,
  me,
}: {
  odsCode: string;
  curriculum: Curriculum;
  completions: readonly Completion[];
  manages: boolean;
  me: string | undefined;
}): React.JSX.Element {
  const people = usePeople(odsCode, true);
  const units = useUnitTree(odsCode);
  const pending = completions.filter((c) => !c.counts);
  return (
    <section aria-labelledby="coach-heading">
      <h2 id="coach-heading">Record training</h2>
      <p>As a coach you record anyone’s training and confirm what people declare. Changes count at once.</p>
      <QueryState query={people} what="the people">
        {(list) => (
          <>
            <RecordForm odsCode={odsCode} curriculum={curriculum} people={list.items} />
            {manages ? (
              <>
                <StaffUnitForm odsCode={odsCode} people={list.items} units={units.data?.items ?? []} />
                <StaffUnitUpload odsCode={odsCode} />
              </>
            ) : null}
          </>
        )}
      </QueryState>
      <h3 className="nhsuk-heading-s">Waiting for a coach</h3>
      {pending.length === 0 ? (
        <p>No declarations are waiting.</p>
      ) : (
        <TrainingTable
          items={pending}
          caption="Declared courses waiting for a coach"
          showPerson
          actions={(c) => <ReviewButtons completion={c} me={me} />}
        />
      )}
      <CsvUpload odsCode={odsCode} />
      <h3 className="nhsuk-heading-s">Everyone’s training</h3>
      {completions.length === 0 ? (
        <p>No training is on record yet.</p>
      ) : (
        <TrainingTable items={completions} caption="Every completed course on record" showPerson />
      )}
    </section>
  );
}
