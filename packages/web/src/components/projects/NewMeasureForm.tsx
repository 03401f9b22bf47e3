/**
 * @module components/projects/NewMeasureForm
 * Creating a measure for the project from its page, for those who manage it (docs/projects.md): what
 * is measured, the kind of chart (a proportion, a count, a value such as a time, or a rate), which
 * way is better, what the numbers count and how often. The server makes a new internal measure of
 * the organisation marked as the project's, its series in the project's unit, and links it as an
 * outcome, process or balancing measure.
 */
import { useState } from 'react';
import { api } from '../../api/client';
import type { paths } from '../../api/schema';
import { send } from '../../api/send';
import type { FieldProblem, FormFields } from '../form';
import { byId, Done, FormErrorSummary, problemsOf, SelectField, TextField } from '../form';
import type { MeasureKind, Project } from './data';
import { MEASURE_KINDS, measureKindWords } from './labels';
import { useProjectChange } from './useProjectChange';

type Body = paths['/api/v1/projects/{id}/measures']['post']['requestBody']['content']['application/json'];
type DataType = Body['dataType'];
type Direction = Body['direction'];
type Frequency = Body['frequency'];

const FIELDS = {
  name: { id: 'new-measure-name', label: 'What is measured' },
  dataType: { id: 'new-measure-type', label: 'What kind of number' },
  unitLabel: { id: 'new-measure-unit', label: 'What the numbers count' },
  direction: { id: 'new-measure-direction', label: 'Which way is better' },
  frequency: { id: 'new-measure-frequency', label: 'How often' },
  kind: { id: 'new-measure-kind', label: 'What it shows' },
} as const satisfies FormFields;

const DATA_TYPES: readonly { value: DataType; label: string }[] = [
  { value: 'proportion', label: 'A proportion: how many out of how many, shown as a percentage' },
  { value: 'count', label: 'A count: how many in each period (falls, incidents)' },
  { value: 'value', label: 'A value: a time, a length of stay or a score' },
  { value: 'rate', label: 'A rate: events per bed days, per 1,000 patients' },
];

const DIRECTIONS: readonly { value: Direction; label: string }[] = [
  { value: 'decrease', label: 'Lower is better' },
  { value: 'increase', label: 'Higher is better' },
  { value: 'neutral', label: 'Neither: just watch it' },
];

const FREQUENCIES: readonly { value: Frequency; label: string }[] = [
  { value: 'week', label: 'Every week' },
  { value: 'day', label: 'Every day' },
  { value: 'month', label: 'Every month' },
  { value: 'quarter', label: 'Every quarter' },
];

/** Creates a measure for the project (`POST /projects/{id}/measures`). */
export function createProjectMeasure(id: string, body: Body): Promise<unknown> {
  return send(api.POST('/api/v1/projects/{id}/measures', { params: { path: { id } }, body }));
}

export function NewMeasureForm({ project }: { project: Project }): React.JSX.Element {
  const change = useProjectChange();
  const [name, setName] = useState('');
  const [dataType, setDataType] = useState<DataType>('count');
  const [unitLabel, setUnitLabel] = useState('');
  const [direction, setDirection] = useState<Direction>('decrease');
  const [frequency, setFrequency] = useState<Frequency>('week');
  const [kind, setKind] = useState<MeasureKind>('outcome');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const errors = byId(problems);
  const where = project.unit?.name ?? 'the whole organisation';
  return (
    <form
      noValidate
      aria-labelledby="new-measure-heading"
      onSubmit={(event) => {
        event.preventDefault();
        if (change.pending) return;
        if (name.trim() === '') {
          setProblems([{ id: FIELDS.name.id, message: 'Enter what is measured' }]);
          return;
        }
        setProblems([]);
        const body: Body = {
          name: name.trim(),
          dataType,
          direction,
          frequency,
          kind,
          ...(unitLabel.trim() === '' ? {} : { unitLabel: unitLabel.trim() }),
        };
        void change
          .run(
            () =>
              createProjectMeasure(project.id, body).catch((error: unknown) => {
                setProblems(problemsOf(error, FIELDS, FIELDS.name.id));
                throw error;
              }),
            `Created ${body.name} as ${measureKindWords(kind).toLowerCase()} measure for ${where}.`,
          )
          .then((ok) => {
            if (ok) {
              setName('');
              setUnitLabel('');
            }
          });
      }}
    >
      <h3 id="new-measure-heading">Create a measure for the project</h3>
      <p>
        When the organisation has no measure for what you want to watch. It is recorded for {where}; someone
        who may add data (an improver, the unit lead or a QI lead) records its numbers on its page.
      </p>
      <FormErrorSummary problems={problems} />
      <TextField
        id={FIELDS.name.id}
        label={FIELDS.name.label}
        hint="For example: falls at night on Ward 10"
        error={errors[FIELDS.name.id]}
        value={name}
        onChange={setName}
        width=""
      />
      <SelectField
        id={FIELDS.dataType.id}
        label={FIELDS.dataType.label}
        hint="This decides the chart."
        error={errors[FIELDS.dataType.id]}
        value={dataType}
        choices={DATA_TYPES}
        onChange={(value) => {
          setDataType(value as DataType);
        }}
      />
      <TextField
        id={FIELDS.unitLabel.id}
        label={`${FIELDS.unitLabel.label} (optional)`}
        hint="For example: falls, minutes, patients"
        error={errors[FIELDS.unitLabel.id]}
        value={unitLabel}
        onChange={setUnitLabel}
        width="nhsuk-input--width-20"
      />
      <SelectField
        id={FIELDS.direction.id}
        label={FIELDS.direction.label}
        error={errors[FIELDS.direction.id]}
        value={direction}
        choices={DIRECTIONS}
        onChange={(value) => {
          setDirection(value as Direction);
        }}
      />
      <SelectField
        id={FIELDS.frequency.id}
        label={FIELDS.frequency.label}
        error={errors[FIELDS.frequency.id]}
        value={frequency}
        choices={FREQUENCIES}
        onChange={(value) => {
          setFrequency(value as Frequency);
        }}
      />
      <SelectField
        id={FIELDS.kind.id}
        label={FIELDS.kind.label}
        error={errors[FIELDS.kind.id]}
        value={kind}
        choices={MEASURE_KINDS.map((k) => ({ value: k.value, label: `${k.label}: ${k.hint}` }))}
        onChange={(value) => {
          setKind(value as MeasureKind);
        }}
      />
      <button className="nhsuk-button nhsuk-button--secondary" type="submit">
        {change.pending ? 'Creating…' : 'Create the measure'}
      </button>
      <Done message={change.announcement === '' ? null : change.announcement} />
    </form>
  );
}
