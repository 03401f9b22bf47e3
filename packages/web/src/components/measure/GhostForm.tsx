/**
 * @module components/measure/GhostForm
 * Ghosting a point (drawn hollow, left out of every calculation) or bringing it back. The point's
 * numbers are kept and the change is recorded as a revision of it.
 */
import { useRef, useState } from 'react';
import { api } from '../../api/client';
import type { Observation } from './data';
import { send } from '../../api/send';
import { formatPeriod } from './format';
import type { PeriodRequest } from './forms';
import { usePeriodRequest } from './forms';
import { useSeriesChange } from './useSeriesChange';
import { Done, FormErrorSummary, SelectField } from '../form';

export interface GhostFormProps {
  readonly seriesId: string;
  /** The stored points, oldest first. */
  readonly points: readonly Pick<Observation, 'period' | 'ghost'>[];
  readonly request?: PeriodRequest | undefined;
}

const FIELDS = {
  period: { id: 'ghost-period', label: 'Point' },
  ghost: { id: 'ghost-period', label: 'Point' },
};

export function GhostForm({ seriesId, points, request }: GhostFormProps): React.JSX.Element {
  const [period, setPeriod] = useState(points.at(-1)?.period ?? '');
  const first = useRef<HTMLSelectElement>(null);
  usePeriodRequest(request, setPeriod, first);
  const current = points.find((p) => p.period === period);

  const form = useSeriesChange({
    seriesId,
    request: (body: { period: string; ghost: boolean }) =>
      send(
        api.PATCH('/api/v1/series/{id}/observations/{period}', {
          params: { path: { id: seriesId, period: body.period } },
          body: { ghost: body.ghost },
        }),
      ),
    done: (point) =>
      point.ghost
        ? `${formatPeriod(point.period, 'long')} is ghosted: drawn hollow, and left out of the calculations.`
        : `${formatPeriod(point.period, 'long')} is included in the calculations again.`,
    fields: FIELDS,
    fallback: FIELDS.period.id,
  });

  return (
    <form
      className="gs-edit-form"
      noValidate
      aria-labelledby="ghost-form-heading"
      onSubmit={(event) => {
        event.preventDefault();
        if (!form.begin()) return;
        if (current === undefined) {
          form.setProblems([{ id: FIELDS.period.id, message: 'Select the point to ghost or include' }]);
          return;
        }
        form.setProblems([]);
        form.save({ period: current.period, ghost: !current.ghost });
      }}
    >
      <h3 id="ghost-form-heading">Ghost a point, or include it again</h3>
      <FormErrorSummary problems={form.problems} headingLevel={4} />
      <p className="nhsuk-body-s">
        A ghosted point is still drawn (hollow) but left out of the mean, the limits, the rules and the icons.
        Ghost a point only when it is known to be wrong or not comparable (a data error, a one-off event),
        never to hide an inconvenient result. Every change is kept as a revision of the point.
      </p>
      {points.length === 0 ? (
        <p>The series has no points yet.</p>
      ) : (
        <>
          <SelectField
            id={FIELDS.period.id}
            label="Point"
            error={form.errors[FIELDS.period.id]}
            value={period}
            choices={points
              .slice()
              .reverse()
              .map((p) => ({
                value: p.period,
                label: `${formatPeriod(p.period, 'long')}${p.ghost ? ' (ghosted)' : ''}`,
              }))}
            onChange={setPeriod}
            selectRef={first}
          />
          <button className="nhsuk-button nhsuk-button--secondary" type="submit">
            {form.pending
              ? 'Saving…'
              : current?.ghost === true
                ? 'Include this point again'
                : 'Ghost this point'}
          </button>
        </>
      )}
      <Done message={form.done} />
    </form>
  );
}
