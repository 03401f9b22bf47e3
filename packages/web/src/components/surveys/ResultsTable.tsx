/**
 * @module components/surveys/ResultsTable
 * A survey's results, a table per month (newest first): every unit and the total, as "n% would
 * recommend" with the number of responses, or "Fewer than 5 responses" where a group is too small
 * (or hidden so that a small group cannot be worked out from the total), or "Month not over yet".
 */
import type { SurveyCell, SurveyResults } from './data';
import { cellText } from './data';
import { monthLabel } from '@groundswell/charts';

function Counts({ cell }: { cell: SurveyCell }): React.JSX.Element {
  if (cell.status !== 'shown') return <>–</>;
  return (
    <>
      {cell.responses} ({cell.yes} yes, {cell.no} no, {cell.dontKnow} don’t know)
    </>
  );
}

export function ResultsTable({ results }: { results: SurveyResults }): React.JSX.Element {
  const { minGroup } = results.survey;
  if (results.periods.length === 0) return <p>No responses yet.</p>;
  return (
    <>
      {results.periods.map((period) => (
        <table className="nhsuk-table-responsive gs-survey-results" key={period.period}>
          <caption className="nhsuk-table__caption">
            {monthLabel(period.period)}
            {period.final ? '' : ' (results appear when the month ends or the survey closes)'}
          </caption>
          <thead className="nhsuk-table__head" role="rowgroup">
            <tr className="nhsuk-table__row" role="row">
              <th className="nhsuk-table__header" scope="col" role="columnheader">
                Unit
              </th>
              <th className="nhsuk-table__header" scope="col" role="columnheader">
                Result
              </th>
              <th className="nhsuk-table__header" scope="col" role="columnheader">
                Responses
              </th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {period.units.map(({ unit, cell }) => (
              <tr className="nhsuk-table__row" role="row" key={unit.id}>
                <th className="nhsuk-table__cell" scope="row" role="rowheader">
                  <span className="nhsuk-table-responsive__heading" aria-hidden="true">
                    Unit{' '}
                  </span>
                  {unit.name}
                </th>
                <td className="nhsuk-table__cell" role="cell" data-status={cell.status}>
                  <span className="nhsuk-table-responsive__heading" aria-hidden="true">
                    Result{' '}
                  </span>
                  {cellText(cell, minGroup)}
                </td>
                <td className="nhsuk-table__cell" role="cell">
                  <span className="nhsuk-table-responsive__heading" aria-hidden="true">
                    Responses{' '}
                  </span>
                  <Counts cell={cell} />
                </td>
              </tr>
            ))}
            <tr className="nhsuk-table__row gs-survey-total" role="row">
              <th className="nhsuk-table__cell" scope="row" role="rowheader">
                <span className="nhsuk-table-responsive__heading" aria-hidden="true">
                  Unit{' '}
                </span>
                All units
              </th>
              <td className="nhsuk-table__cell" role="cell" data-status={period.total.status}>
                <span className="nhsuk-table-responsive__heading" aria-hidden="true">
                  Result{' '}
                </span>
                {cellText(period.total, minGroup)}
              </td>
              <td className="nhsuk-table__cell" role="cell">
                <span className="nhsuk-table-responsive__heading" aria-hidden="true">
                  Responses{' '}
                </span>
                <Counts cell={period.total} />
              </td>
            </tr>
          </tbody>
        </table>
      ))}
      <p className="nhsuk-body-s">
        The share who would recommend counts yes out of every answer, “don’t know” included, as the Friends
        and Family Test does. Results of fewer than {minGroup} people are never shown, so that nobody’s answer
        can be guessed. So that such a small group cannot be worked out by taking the other units away from
        the total, another unit may be shown as “Fewer than {minGroup} responses” too.
      </p>
    </>
  );
}
