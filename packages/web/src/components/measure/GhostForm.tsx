/**
 * @module components/measure/GhostForm
 * Ghosting a point (drawn hollow, left out of every calculation) or bringing it back. The point's
 * numbers are kept and the change is recorded as a revision of it.
 */
import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { api } from '../../api/client';
import type { Observation } from './data';
import { send, useRefresh } from './data';
import { formatPeriod } from './format';
import type { FieldProblem, PeriodRequest } from './forms';
import { byId, Done, FormErrorSummary, problemsOf, SelectField, usePeriodRequest } from './forms';

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
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const first = useRef<HTMLSelectElement>(null);
  const refresh = useRefresh(seriesId);
  usePeriodRequest(request, setPeriod, first);
  const current = points.find((p) => p.period === period);

  const change = useMutation({
    mutationFn: (body: { period: string; ghost: boolean }) =>
      send(
        api.PATCH('/api/v1/series/{id}/observations/{period}', {
          params: { path: { id: seriesId, period: body.period } },
          body: { ghost: body.ghost },
        }),
      ),
    onSuccess: async (point) => {
      setProblems([]);
      setDone(
        point.ghost
          ? `${formatPeriod(point.period, 'long')} is ghosted: drawn hollow, and left out of the calculations.`
          : `${formatPeriod(point.period, 'long')} is included in the calculations again.`,
      );
      await refresh();
    },
    onError: (error) => {
      setDone(null);
      setProblems(problemsOf(error, FIELDS, FIELDS.period.id));
    },
  });

  return (
    <form
      className="gs-edit-form"
      noValidate
      aria-labelledby="ghost-form-heading"
      onSubmit={(event) => {
        event.preventDefault();
        if (change.isPending) return;
        setDone(null);
        if (current === undefined) {
          setProblems([{ id: FIELDS.period.id, message: 'Select the point to ghost or include' }]);
          return;
        }
        setProblems([]);
        change.mutate({ period: current.period, ghost: !current.ghost });
      }}
    >
      <h3 id="ghost-form-heading">Ghost a point, or include it again</h3>
      <FormErrorSummary problems={problems} headingLevel={4} />
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
            error={byId(problems)[FIELDS.period.id]}
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
            {change.isPending
              ? 'Saving…'
              : current?.ghost === true
                ? 'Include this point again'
                : 'Ghost this point'}
          </button>
        </>
      )}
      <Done message={done} />
    </form>
  );
}
