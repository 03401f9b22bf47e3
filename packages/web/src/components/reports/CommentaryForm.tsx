/**
 * @module components/reports/CommentaryForm
 * Writing a measure's commentary for the month (report.comment, or whoever may analyse the
 * series): folded away under "Write the commentary", saved once for the month and shown in every
 * report of that month.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { byId, Done, FormErrorSummary, namedProblems, TextAreaField } from '../form';
import type { FieldProblem } from '../form';
import type { ReportSection } from './data';
import { reportKeys, writeCommentary } from './data';

export function CommentaryForm({
  section,
  period,
  periodLabel,
}: {
  section: ReportSection;
  /** The month, as its first day. */
  period: string;
  periodLabel: string;
}): React.JSX.Element {
  const client = useQueryClient();
  const [text, setText] = useState(section.commentary?.text ?? '');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const id = `commentary-${section.seriesId}`;
  const errors = byId(problems);
  const verb = section.commentary === null ? 'Write' : 'Change';
  return (
    <details className="nhsuk-details">
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">
          {verb} the commentary<span className="nhsuk-u-visually-hidden"> on {section.title}</span>
        </span>
      </summary>
      <div className="nhsuk-details__text">
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (text.trim() === '') {
              setProblems([{ id, message: 'Enter the commentary' }]);
              return;
            }
            setSaving(true);
            setProblems([]);
            writeCommentary(section.seriesId, period, text.trim())
              .then(async () => {
                setDone(`Saved the commentary on ${section.title} for ${periodLabel}.`);
                await client.invalidateQueries({ queryKey: reportKeys.all });
              })
              .catch((error: unknown) => {
                setProblems(namedProblems(error, { text: { id, label: 'Commentary' } }, id));
              })
              .finally(() => {
                setSaving(false);
              });
          }}
        >
          <FormErrorSummary problems={problems} headingLevel={4} />
          <TextAreaField
            id={id}
            label={`Commentary on ${section.title} for ${periodLabel}`}
            hint="What the owner wants the board to know: the reasons, the actions and when they will show. It appears in every report of this month."
            rows={5}
            value={text}
            error={errors[id]}
            onChange={setText}
          />
          <button className="nhsuk-button nhsuk-button--secondary" type="submit" disabled={saving}>
            Save the commentary
          </button>
        </form>
        <Done message={done} />
      </div>
    </details>
  );
}
