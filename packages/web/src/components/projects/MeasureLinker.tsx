/**
 * @module components/projects/MeasureLinker
 * A project's measures: those linked (outcome, process or balancing, with "Unlink" for those who
 * manage the project), and linking one of the organisation's series (the project's unit's first).
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { fetchDashboard } from '../../api/prefetch';
import { ErrorSummary } from '../QueryState';
import type { MeasureKind, Project } from './data';
import { linkMeasure, unlinkMeasure } from './data';
import { MEASURE_KINDS, measureKindWords } from './labels';
import { useProjectChange } from './useProjectChange';
import { Done, SelectField } from '../form';

function LinkForm({ project }: { project: Project }): React.JSX.Element {
  const ref = project.organisation.odsCode;
  const query = project.unit === null ? {} : { unit: project.unit.id };
  const series = useQuery({
    queryKey: ['dashboard', ref, query],
    queryFn: () => fetchDashboard(ref, query),
  });
  const change = useProjectChange();
  const [seriesId, setSeriesId] = useState('');
  const [kind, setKind] = useState<MeasureKind>('outcome');
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const linked = new Set(project.measures.map((m) => m.seriesId));
  const choices = (series.data?.series ?? [])
    .filter((s) => !linked.has(s.id))
    .map((s) => ({ value: s.id, label: `${s.measure.name} (${s.unit?.name ?? 'whole organisation'})` }));
  return (
    <form
      noValidate
      aria-labelledby="link-measure-heading"
      onSubmit={(event) => {
        event.preventDefault();
        if (seriesId === '') {
          setProblem('Choose a measure');
          document.getElementById('link-series')?.focus();
          return;
        }
        setProblem(undefined);
        const name = choices.find((c) => c.value === seriesId)?.label ?? 'the measure';
        void change
          .run(
            () => linkMeasure(project.id, seriesId, kind),
            `Linked ${name} as ${measureKindWords(kind).toLowerCase()} measure.`,
          )
          .then((ok) => {
            if (ok) setSeriesId('');
          });
      }}
    >
      <h3 id="link-measure-heading">Link a measure</h3>
      {series.isError && (
        <ErrorSummary title="Could not load the organisation’s measures" error={series.error} />
      )}
      <SelectField
        id="link-series"
        label="Measure"
        hint={project.unit === null ? 'The organisation’s series.' : `The series of ${project.unit.name}.`}
        error={problem}
        value={seriesId}
        choices={[
          { value: '', label: series.isPending ? 'Loading the measures…' : 'Choose a measure' },
          ...choices,
        ]}
        onChange={setSeriesId}
      />
      <div className="nhsuk-form-group">
        <fieldset className="nhsuk-fieldset">
          <legend className="nhsuk-fieldset__legend">What it shows</legend>
          <div className="nhsuk-radios nhsuk-radios--small">
            {MEASURE_KINDS.map((k) => (
              <div className="nhsuk-radios__item" key={k.value}>
                <input
                  className="nhsuk-radios__input"
                  id={`link-kind-${k.value}`}
                  name="link-kind"
                  type="radio"
                  checked={kind === k.value}
                  onChange={() => {
                    setKind(k.value);
                  }}
                />
                <label className="nhsuk-label nhsuk-radios__label" htmlFor={`link-kind-${k.value}`}>
                  {k.label}: {k.hint}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      </div>
      {change.error !== null && <ErrorSummary title="The measure could not be linked" error={change.error} />}
      <button className="nhsuk-button nhsuk-button--secondary" type="submit">
        {change.pending ? 'Linking…' : 'Link the measure'}
      </button>
      <Done message={change.announcement === '' ? null : change.announcement} />
    </form>
  );
}

export function ProjectMeasures({
  project,
  editable,
}: {
  project: Project;
  editable: boolean;
}): React.JSX.Element {
  const change = useProjectChange();
  return (
    <>
      {project.measures.length === 0 ? (
        <p>No measures linked yet.</p>
      ) : (
        <ul className="nhsuk-list">
          {project.measures.map((m) => (
            <li key={m.seriesId}>
              <strong>{measureKindWords(m.kind)}:</strong>{' '}
              <Link to={`/series/${m.seriesId}`}>{m.measure.name}</Link>
              {editable && (
                <>
                  {' '}
                  <button
                    type="button"
                    className="gs-link-button"
                    aria-label={`Unlink ${m.measure.name}`}
                    onClick={() => {
                      void change.run(
                        () => unlinkMeasure(project.id, m.seriesId),
                        `Unlinked ${m.measure.name}.`,
                      );
                    }}
                  >
                    Unlink
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {change.error !== null && (
        <ErrorSummary title="The measure could not be unlinked" error={change.error} />
      )}
      <Done message={change.announcement === '' ? null : change.announcement} />
      {editable && <LinkForm project={project} />}
    </>
  );
}
