/**
 * @module components/capability/CapabilityTable
 * Capability by unit this month: a row for the whole organisation (every member of staff with a
 * unit), then a row per unit with staff, a column per level, each cell the share of the unit's
 * staff (with its sub-units') trained at that level or above, linked to the
 * SPC chart of its published series, which shows whether capability is growing.
 */
import { Link } from 'react-router';
import { ScrollTable } from './ScrollTable';
import type { CapabilityByUnit } from './data';
import { shareText } from './data';
import { monthLabel } from '@groundswell/charts';

export function CapabilityTable({ capability }: { capability: CapabilityByUnit }): React.JSX.Element {
  if (capability.levels.length === 0) {
    return <p>The curriculum has no level with a required course yet, so there is nothing to count.</p>;
  }
  if (capability.units.length === 0) {
    return (
      <p>
        No unit has staff yet. A QI lead or administrator sets the unit each person works in, below, under
        “Record training”.
      </p>
    );
  }
  const rows = [
    ...(capability.organisation === null
      ? []
      : [{ key: 'organisation', name: 'Whole organisation', levels: capability.organisation.levels }]),
    ...capability.units.map((unit) => ({ key: unit.unitId, name: unit.name, levels: unit.levels })),
  ];
  return (
    <ScrollTable label={`Capability by unit, ${monthLabel(capability.period)}`}>
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption nhsuk-table__caption--m">
          Staff trained at each level or above, {monthLabel(capability.period)} so far
        </caption>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            <th scope="col" className="nhsuk-table__header">
              Unit
            </th>
            {capability.levels.map((level) => (
              <th scope="col" className="nhsuk-table__header" key={level.id}>
                {level.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {rows.map((row) => (
            <tr className="nhsuk-table__row" key={row.key}>
              <th scope="row" className="nhsuk-table__header">
                {row.name}
              </th>
              {row.levels.map((cell) => {
                const level = capability.levels.find((l) => l.id === cell.levelId);
                const text = shareText(cell.trained, cell.staff);
                return (
                  <td className="nhsuk-table__cell" key={cell.levelId}>
                    {cell.seriesId === null ? (
                      text
                    ) : (
                      <Link to={`/series/${cell.seriesId}`}>
                        {text}{' '}
                        <span className="nhsuk-u-visually-hidden">{`of ${row.name} at ${level?.name ?? 'this'} level: see the chart`}</span>
                      </Link>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}
