/**
 * @module components/ideas/IdeaForm
 * Submitting an idea, short enough to do on a phone in under a minute: the problem, the proposal,
 * the unit (the organisation's units, or the whole organisation), and "Submit anonymously" with an
 * honest account of what that means: the author is not stored, so no one (administrators
 * included) can find out who wrote it, and no one can tell them when its status changes.
 */
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { UnitNode } from '../dashboard/units';
import { unitOptions } from '../dashboard/units';
import type { FieldProblem } from '../form';
import { Checkbox, byId, FormErrorSummary, problemsOf, SelectField, TextAreaField } from '../form';
import type { Idea } from './data';
import { submitIdea } from './data';

const FIELDS = {
  problem: { id: 'idea-problem', label: 'The problem' },
  proposal: { id: 'idea-proposal', label: 'Your idea' },
  unitId: { id: 'idea-unit', label: 'Unit' },
  anonymous: { id: 'idea-anonymous', label: 'Submit anonymously' },
};

/** The most the server takes of the problem or the proposal. */
const MAX_LENGTH = 2000;

/** Problems with a draft before it is sent (none: send it). */
function check(problem: string, proposal: string): FieldProblem[] {
  const found: FieldProblem[] = [];
  if (problem.trim() === '') found.push({ id: FIELDS.problem.id, message: 'Describe the problem' });
  else if (problem.trim().length > MAX_LENGTH)
    found.push({
      id: FIELDS.problem.id,
      message: `Describe the problem in ${MAX_LENGTH} characters or fewer`,
    });
  if (proposal.trim() === '') found.push({ id: FIELDS.proposal.id, message: 'Say what you propose' });
  else if (proposal.trim().length > MAX_LENGTH)
    found.push({
      id: FIELDS.proposal.id,
      message: `Say what you propose in ${MAX_LENGTH} characters or fewer`,
    });
  return found;
}

export function IdeaForm({
  odsCode,
  units,
  onSubmitted,
}: {
  odsCode: string;
  units: readonly UnitNode[];
  onSubmitted: (idea: Idea) => void;
}): React.JSX.Element {
  const [problem, setProblem] = useState('');
  const [proposal, setProposal] = useState('');
  const [unitId, setUnitId] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const mutation = useMutation({
    mutationFn: () =>
      submitIdea(odsCode, {
        problem: problem.trim(),
        proposal: proposal.trim(),
        unitId: unitId === '' ? null : unitId,
        anonymous,
      }),
    onSuccess: onSubmitted,
    onError: (error) => {
      setProblems(problemsOf(error, FIELDS, FIELDS.problem.id));
    },
  });
  const errors = byId(problems);
  return (
    <form
      noValidate
      aria-label="Submit an idea"
      onSubmit={(event) => {
        event.preventDefault();
        if (mutation.isPending) return;
        const found = check(problem, proposal);
        setProblems(found);
        if (found.length === 0) mutation.mutate();
      }}
    >
      <FormErrorSummary problems={problems} headingLevel={2} />
      <TextAreaField
        id={FIELDS.problem.id}
        label={FIELDS.problem.label}
        hint="What gets in the way of good care, or wastes your time? A sentence or two is enough."
        error={errors[FIELDS.problem.id]}
        value={problem}
        onChange={setProblem}
      />
      <TextAreaField
        id={FIELDS.proposal.id}
        label={FIELDS.proposal.label}
        hint="What would you change? It does not need to be worked out in detail."
        error={errors[FIELDS.proposal.id]}
        value={proposal}
        onChange={setProposal}
      />
      <SelectField
        id={FIELDS.unitId.id}
        label={FIELDS.unitId.label}
        hint="The ward or team it is about."
        error={errors[FIELDS.unitId.id]}
        value={unitId}
        choices={[{ value: '', label: 'The whole organisation' }, ...unitOptions(units)]}
        onChange={setUnitId}
      />
      <Checkbox
        id={FIELDS.anonymous.id}
        name={FIELDS.anonymous.id}
        label={FIELDS.anonymous.label}
        hint="Your name is not stored with the idea, so nobody, administrators included, can find out from Groundswell that it was yours, and you will not see it as yours later. Because nobody knows it was you, you will not be told when its status changes: look it up in the list of ideas instead."
        checked={anonymous}
        onChange={setAnonymous}
      />
      <button className="nhsuk-button" type="submit">
        {mutation.isPending ? 'Submitting…' : 'Submit the idea'}
      </button>
    </form>
  );
}
