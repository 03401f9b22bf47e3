/**
 * @module components/measure/RebaseForm
 * Recalculating the limits from a point (a rebase: a new partition starts there, with its own
 * mean and limits), and removing a recalculation. Kept on this chart alone (the series' own SPC
 * options), so a shared measure's other organisations are not affected.
 */
import { useRef, useState } from 'react';
import type { SpcOptions } from './data';
import { withOptions } from './data';
import { formatPeriod } from './format';
import type { PeriodRequest } from './forms';
import { usePeriodRequest } from './forms';
import { useSeriesOptionsChange } from './useSeriesChange';
import { Done, FormErrorSummary, SelectField } from '../form';

export interface RebaseFormProps {
  readonly seriesId: string;
  /** The series' own options (what the change starts from). */
  readonly own: SpcOptions | null;
  /** The periods limits are recalculated from now (the measure's, or this chart's own). */
  readonly rebaseAt: readonly string[];
  /** The chart's periods, oldest first (a recalculation cannot start at the first). */
  readonly periods: readonly string[];
  readonly request?: PeriodRequest | undefined;
}

const FIELDS = {
  'spcOptions.rebaseAt': { id: 'rebase-period', label: 'Point' },
  spcOptions: { id: 'rebase-period', label: 'Point' },
};

export function RebaseForm({
  seriesId,
  own,
  rebaseAt,
  periods,
  request,
}: RebaseFormProps): React.JSX.Element {
  const candidates = periods.slice(1).filter((p) => !rebaseAt.includes(p));
  const [period, setPeriod] = useState(candidates.at(-1) ?? '');
  const first = useRef<HTMLSelectElement>(null);
  usePeriodRequest(request, setPeriod, first);

  const form = useSeriesOptionsChange(seriesId, FIELDS, FIELDS.spcOptions.id);
  const save = (list: string[], message: string): void => {
    form.save({ options: withOptions(own, { rebaseAt: list }), message });
  };

  return (
    <form
      className="gs-edit-form"
      noValidate
      aria-labelledby="rebase-form-heading"
      onSubmit={(event) => {
        event.preventDefault();
        if (!form.begin()) return;
        if (!candidates.includes(period)) {
          form.setProblems([
            { id: FIELDS.spcOptions.id, message: 'Select the point to recalculate the limits from' },
          ]);
          return;
        }
        const list = [...rebaseAt, period].sort();
        save(list, `Limits recalculated from ${formatPeriod(period, 'long')}.`);
      }}
    >
      <h3 id="rebase-form-heading">Recalculate the limits from a point</h3>
      <FormErrorSummary problems={form.problems} headingLevel={4} />
      <p className="nhsuk-body-s">
        Recalculate only when the process has really changed (a sustained shift after a deliberate change),
        with enough points since to set new limits. The new limits apply to this chart only; a shared
        measure’s other organisations are not affected.
      </p>
      {rebaseAt.length > 0 && (
        <>
          <h4 className="nhsuk-heading-xs">Limits are recalculated from</h4>
          <ul className="nhsuk-list gs-rebase-list">
            {rebaseAt.map((p) => (
              <li key={p}>
                {formatPeriod(p, 'long')}{' '}
                <button
                  type="button"
                  className="gs-link-button"
                  aria-label={`Remove the recalculation from ${formatPeriod(p, 'long')}`}
                  onClick={() => {
                    if (!form.begin()) return;
                    save(
                      rebaseAt.filter((q) => q !== p),
                      `The recalculation from ${formatPeriod(p, 'long')} is removed.`,
                    );
                  }}
                >
                  Remove
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {candidates.length === 0 ? (
        <p>There is no later point to recalculate from.</p>
      ) : (
        <>
          <SelectField
            id={FIELDS.spcOptions.id}
            label="Recalculate the limits from"
            error={form.errors[FIELDS.spcOptions.id]}
            value={period}
            choices={candidates
              .slice()
              .reverse()
              .map((p) => ({ value: p, label: formatPeriod(p, 'long') }))}
            onChange={setPeriod}
            selectRef={first}
          />
          <button className="nhsuk-button nhsuk-button--secondary" type="submit">
            {form.pending ? 'Saving…' : 'Recalculate limits'}
          </button>
        </>
      )}
      <Done message={form.done} />
    </form>
  );
}
