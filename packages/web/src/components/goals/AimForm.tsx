/**
 * @module components/goals/AimForm
 * Adding or changing a strategic aim: its title, a description, and who may see it. Problems are
 * shown in an NHS error summary that names the field, and beside the field.
 */
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { Aim, Visibility } from './goals';
import { addAim, changeAim, VISIBILITIES } from './goals';
import { FormErrorSummary, SelectField, TextAreaField, TextField, byId, namedProblems } from '../form';
import type { FieldProblem } from '../form';

export const AIM_FIELDS = {
  title: { id: 'aim-title', label: 'Aim' },
  description: { id: 'aim-description', label: 'Description' },
  visibility: { id: 'aim-visibility', label: 'Who can see it' },
};

export function AimForm({
  odsCode,
  aim,
  onSaved,
  onCancel,
}: {
  odsCode: string;
  /** The aim to change; absent: a new aim. */
  aim?: Aim | undefined;
  onSaved: (aim: Aim) => void;
  onCancel: () => void;
}): React.JSX.Element {
  const [title, setTitle] = useState(aim?.title ?? '');
  const [description, setDescription] = useState(aim?.description ?? '');
  const [visibility, setVisibility] = useState<Visibility>(aim?.visibility ?? 'internal');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const mutation = useMutation({
    mutationFn: (body: { title: string; description: string; visibility: Visibility }) =>
      aim === undefined ? addAim(odsCode, body) : changeAim(odsCode, aim.id, body),
    onSuccess: (saved) => {
      setProblems([]);
      onSaved(saved);
    },
    onError: (error) => {
      setProblems(namedProblems(error, AIM_FIELDS, AIM_FIELDS.title.id));
    },
  });
  const errors = byId(problems);
  const heading = aim === undefined ? 'Add a strategic aim' : `Change the aim “${aim.title}”`;
  return (
    <form
      noValidate
      className="gs-goal-form"
      aria-labelledby="aim-form-heading"
      onSubmit={(event) => {
        event.preventDefault();
        if (mutation.isPending) return;
        const found: FieldProblem[] = [];
        if (title.trim() === '') found.push({ id: AIM_FIELDS.title.id, message: 'Enter the aim' });
        setProblems(found);
        if (found.length === 0) mutation.mutate({ title: title.trim(), description, visibility });
      }}
    >
      <h2 id="aim-form-heading">{heading}</h2>
      <FormErrorSummary problems={problems} headingLevel={3} />
      <TextField
        width="nhsuk-u-width-full"
        id={AIM_FIELDS.title.id}
        label="Aim"
        hint="In a few words, such as “Become the safest trust in England”."
        error={errors[AIM_FIELDS.title.id]}
        value={title}
        onChange={setTitle}
      />
      <TextAreaField
        id={AIM_FIELDS.description.id}
        label="Description (optional)"
        error={errors[AIM_FIELDS.description.id]}
        value={description}
        onChange={setDescription}
      />
      <SelectField
        id={AIM_FIELDS.visibility.id}
        label="Who can see it"
        error={errors[AIM_FIELDS.visibility.id]}
        value={visibility}
        choices={VISIBILITIES.map((v) => ({ value: v.value, label: `${v.label}: ${v.hint}` }))}
        onChange={(value) => {
          setVisibility(value as Visibility);
        }}
      />
      <div className="nhsuk-button-group">
        <button className="nhsuk-button" type="submit">
          {mutation.isPending ? 'Saving…' : aim === undefined ? 'Add the aim' : 'Save the aim'}
        </button>
        <button className="nhsuk-button nhsuk-button--secondary" type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
