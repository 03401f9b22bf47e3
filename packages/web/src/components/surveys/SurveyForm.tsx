/**
 * @module components/surveys/SurveyForm
 * Starting a survey: one of the three standard questions (staff: a place to work, a place to be
 * treated; patients: Friends and Family Test), its name, and the smallest group whose results are
 * shown (5 or more).
 */
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { FieldProblem } from '../form';
import { byId, FormErrorSummary, parseNumber, problemsOf, SelectField, TextField } from '../form';
import type { Survey } from './data';
import { PRESETS, startSurvey } from './data';

const FIELDS = {
  preset: { id: 'survey-preset', label: 'Question' },
  title: { id: 'survey-title', label: 'Name' },
  minGroup: { id: 'survey-min-group', label: 'Smallest group shown' },
};

export function SurveyForm({
  odsCode,
  onStarted,
}: {
  odsCode: string;
  onStarted: (survey: Survey) => void;
}): React.JSX.Element {
  const [presetKey, setPresetKey] = useState(PRESETS[0]!.key);
  const preset = PRESETS.find((p) => p.key === presetKey) ?? PRESETS[0]!;
  const [title, setTitle] = useState(preset.title);
  const [minGroup, setMinGroup] = useState('5');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const mutation = useMutation({
    mutationFn: (size: number) =>
      startSurvey(odsCode, {
        kind: preset.kind,
        title: title.trim(),
        question: preset.question,
        minGroup: size,
      }),
    onSuccess: onStarted,
    onError: (error) => {
      setProblems(problemsOf(error, FIELDS, FIELDS.title.id));
    },
  });
  const errors = byId(problems);
  return (
    <form
      noValidate
      aria-label="Start a survey"
      onSubmit={(event) => {
        event.preventDefault();
        if (mutation.isPending) return;
        const found: FieldProblem[] = [];
        if (title.trim() === '') found.push({ id: FIELDS.title.id, message: 'Enter a name for the survey' });
        const size = parseNumber(minGroup);
        if (size === null || !Number.isInteger(size) || size < 5 || size > 100) {
          found.push({ id: FIELDS.minGroup.id, message: 'Enter a whole number from 5 to 100' });
        }
        setProblems(found);
        if (found.length === 0 && size !== null) mutation.mutate(size);
      }}
    >
      <FormErrorSummary problems={problems} headingLevel={2} />
      <SelectField
        id={FIELDS.preset.id}
        label={FIELDS.preset.label}
        hint={`Asked: “${preset.question}” Answers: yes, no or don’t know, and an optional comment.`}
        value={presetKey}
        choices={PRESETS.map((p) => ({ value: p.key, label: p.label }))}
        onChange={(key) => {
          const next = PRESETS.find((p) => p.key === key) ?? PRESETS[0]!;
          if (title === preset.title) setTitle(next.title);
          setPresetKey(next.key);
        }}
      />
      <TextField
        id={FIELDS.title.id}
        label={FIELDS.title.label}
        hint="Also the name of the measure its results become."
        error={errors[FIELDS.title.id]}
        value={title}
        onChange={setTitle}
      />
      <TextField
        id={FIELDS.minGroup.id}
        label={FIELDS.minGroup.label}
        hint="Results of a unit or month with fewer answers than this (“don’t know” included) are never shown. At least 5."
        width="nhsuk-input--width-4"
        inputMode="numeric"
        error={errors[FIELDS.minGroup.id]}
        value={minGroup}
        onChange={setMinGroup}
      />
      <button className="nhsuk-button" type="submit">
        {mutation.isPending ? 'Starting…' : 'Start the survey'}
      </button>
    </form>
  );
}
