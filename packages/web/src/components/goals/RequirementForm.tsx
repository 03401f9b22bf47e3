/**
 * @module components/goals/RequirementForm
 * A commissioner setting or changing an outcome requirement: the provider (its ODS code; it must
 * have granted the commissioner access) and the measure (fixed once set), a title, a description,
 * the target and the date it is due by. A proportion's target is typed as a percentage. Problems
 * are shown in an NHS error summary naming the field, and beside it.
 */
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { Measure, Requirement } from './requirements';
import { changeRequirement, setRequirement } from './requirements';
import {
  FormErrorSummary,
  SelectField,
  TextAreaField,
  TextField,
  byId,
  fromTyped,
  isIsoDate,
  namedProblems,
  parseNumber,
  toTyped,
} from '../form';
import type { FieldProblem } from '../form';

export const REQUIREMENT_FIELDS = {
  provider: { id: 'requirement-provider', label: 'Provider' },
  measureId: { id: 'requirement-measure', label: 'Measure' },
  title: { id: 'requirement-title', label: 'Requirement' },
  description: { id: 'requirement-description', label: 'Description' },
  target: { id: 'requirement-target', label: 'Target' },
  dueBy: { id: 'requirement-due', label: 'Due by' },
};

export function RequirementForm({
  odsCode,
  requirement,
  measures,
  proportion: editingProportion = false,
  onSaved,
  onCancel,
}: {
  odsCode: string;
  /** The requirement to change; absent: a new one. */
  requirement?: Requirement | undefined;
  /** Measures a requirement may name (shared ones). */
  measures: readonly Measure[];
  /** Whether the requirement being changed is on a proportion. */
  proportion?: boolean | undefined;
  onSaved: (requirement: Requirement) => void;
  onCancel: () => void;
}): React.JSX.Element {
  const editing = requirement !== undefined;
  const [provider, setProvider] = useState('');
  const [measureId, setMeasureId] = useState('');
  const [title, setTitle] = useState(requirement?.title ?? '');
  const [description, setDescription] = useState(requirement?.description ?? '');
  const [target, setTarget] = useState(
    requirement === undefined ? '' : toTyped(requirement.target, editingProportion),
  );
  const [dueBy, setDueBy] = useState(requirement?.dueBy ?? '');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const measure = measures.find((m) => m.id === measureId);
  const proportion = editing ? editingProportion : measure?.dataType === 'proportion';

  const mutation = useMutation({
    mutationFn: (body: { title: string; description: string; target: number; dueBy: string }) =>
      requirement === undefined
        ? setRequirement(odsCode, { ...body, provider: provider.trim().toUpperCase(), measureId })
        : changeRequirement(odsCode, requirement.id, body),
    onSuccess: (saved) => {
      setProblems([]);
      onSaved(saved);
    },
    onError: (error) => {
      setProblems(namedProblems(error, REQUIREMENT_FIELDS, REQUIREMENT_FIELDS.title.id));
    },
  });
  const errors = byId(problems);

  return (
    <form
      noValidate
      className="gs-goal-form"
      aria-labelledby="requirement-form-heading"
      onSubmit={(event) => {
        event.preventDefault();
        if (mutation.isPending) return;
        const found: FieldProblem[] = [];
        if (!editing && provider.trim() === '')
          found.push({ id: REQUIREMENT_FIELDS.provider.id, message: 'Enter the provider’s ODS code' });
        if (!editing && measureId === '')
          found.push({ id: REQUIREMENT_FIELDS.measureId.id, message: 'Choose the measure' });
        if (title.trim() === '')
          found.push({ id: REQUIREMENT_FIELDS.title.id, message: 'Enter the requirement' });
        const value = parseNumber(target);
        if (value === null)
          found.push({
            id: REQUIREMENT_FIELDS.target.id,
            message: target.trim() === '' ? 'Enter the target' : 'Enter the target as a number, like 95',
          });
        if (!isIsoDate(dueBy))
          found.push({
            id: REQUIREMENT_FIELDS.dueBy.id,
            message: dueBy === '' ? 'Enter the date it is due by' : 'Enter a real date it is due by',
          });
        setProblems(found);
        if (found.length > 0 || value === null) return;
        mutation.mutate({ title: title.trim(), description, target: fromTyped(value, proportion), dueBy });
      }}
    >
      <h2 id="requirement-form-heading">
        {editing ? `Change the requirement “${requirement.title}”` : 'Set an outcome requirement'}
      </h2>
      <FormErrorSummary problems={problems} headingLevel={3} />
      {editing ? (
        <p>
          <strong>Provider:</strong> {requirement.provider.name} ({requirement.provider.odsCode})
        </p>
      ) : (
        <>
          <TextField
            id={REQUIREMENT_FIELDS.provider.id}
            label="Provider’s ODS code"
            hint="For example, RF4. The provider must have given this organisation access."
            error={errors[REQUIREMENT_FIELDS.provider.id]}
            value={provider}
            onChange={setProvider}
            width="nhsuk-input--width-10"
          />
          <SelectField
            id={REQUIREMENT_FIELDS.measureId.id}
            label="Measure"
            hint="A shared measure that providers record."
            error={errors[REQUIREMENT_FIELDS.measureId.id]}
            value={measureId}
            choices={[
              { value: '', label: 'Choose a measure' },
              ...measures.map((m) => ({ value: m.id, label: m.name })),
            ]}
            onChange={setMeasureId}
          />
        </>
      )}
      <TextField
        width="nhsuk-u-width-full"
        id={REQUIREMENT_FIELDS.title.id}
        label="Requirement"
        hint="In a few words, such as “95% of patients seen within four hours”."
        error={errors[REQUIREMENT_FIELDS.title.id]}
        value={title}
        onChange={setTitle}
      />
      <TextAreaField
        id={REQUIREMENT_FIELDS.description.id}
        label="Description (optional)"
        error={errors[REQUIREMENT_FIELDS.description.id]}
        value={description}
        onChange={setDescription}
      />
      <TextField
        id={REQUIREMENT_FIELDS.target.id}
        label={proportion ? 'Target (%)' : 'Target'}
        hint={proportion ? 'As a percentage, such as 95.' : 'The value to reach, in the measure’s units.'}
        error={errors[REQUIREMENT_FIELDS.target.id]}
        value={target}
        onChange={setTarget}
        inputMode="decimal"
        width="nhsuk-input--width-10"
      />
      <TextField
        id={REQUIREMENT_FIELDS.dueBy.id}
        label="Due by"
        hint="For example, 2027-03-31."
        type="date"
        width="nhsuk-input--width-10"
        error={errors[REQUIREMENT_FIELDS.dueBy.id]}
        value={dueBy}
        onChange={setDueBy}
      />
      <div className="nhsuk-button-group">
        <button className="nhsuk-button" type="submit">
          {mutation.isPending ? 'Saving…' : editing ? 'Save the requirement' : 'Set the requirement'}
        </button>
        <button className="nhsuk-button nhsuk-button--secondary" type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
