/**
 * @module components/compare/FunnelTable
 * The funnel's organisations as a table, in alphabetical order (never ranked): value, numerator
 * and denominator, position in words, and the projects each published to the library on this
 * measure, so that a team can read how a positive outlier did it. The reader's own organisation
 * is marked in words as well as by colour.
 */
import { Link } from 'react-router';
import type { Funnel, FunnelPoint } from './funnel-format';
import {
  ASSESSMENT_SHORT,
  ASSESSMENT_TAG,
  formatCount,
  formatFunnelValue,
  isPositiveOutlier,
} from './funnel-format';
import './funnel.css';

function Projects({ point }: { point: FunnelPoint }): React.JSX.Element {
  if (point.projects.length === 0) return <>None published</>;
  return (
    <>
      {isPositiveOutlier(point) && <span className="nhsuk-u-visually-hidden">How they did it: </span>}
      <ul className="gs-funnel-projects">
        {point.projects.map((project) => (
          <li key={project.id}>
            <Link to={`/projects/${project.id}`}>{project.title}</Link>
          </li>
        ))}
      </ul>
    </>
  );
}

export function FunnelTable({ funnel, caption }: { funnel: Funnel; caption: string }): React.JSX.Element {
  const numeric = 'nhsuk-table__header nhsuk-table__header--numeric';
  const cellNumeric = 'nhsuk-table__cell nhsuk-table__cell--numeric';
  return (
    <div className="nhsuk-scroll gs-funnel-table">
      <div
        className="nhsuk-scroll__content"
        role="region"
        aria-labelledby="funnel-table-caption"
        tabIndex={0}
      >
        <table className="nhsuk-table nhsuk-table--compact">
          <caption className="nhsuk-table__caption nhsuk-table__caption--m" id="funnel-table-caption">
            {caption}
          </caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th scope="col" className="nhsuk-table__header">
                Organisation
              </th>
              <th scope="col" className={numeric}>
                Value
              </th>
              <th scope="col" className={numeric}>
                Numerator
              </th>
              <th scope="col" className={numeric}>
                Denominator
              </th>
              <th scope="col" className="nhsuk-table__header">
                Position
              </th>
              <th scope="col" className="nhsuk-table__header">
                Published projects on this measure
              </th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {funnel.points.map((point) => (
              <tr
                key={point.organisation.id}
                className={`nhsuk-table__row${point.mine ? ' gs-funnel-mine' : ''}`}
                data-position={point.position}
              >
                <th scope="row" className="nhsuk-table__cell">
                  <Link to={`/organisations/${encodeURIComponent(point.organisation.odsCode)}`}>
                    {point.label}
                  </Link>
                  {point.mine && (
                    <>
                      {' '}
                      <strong className="nhsuk-tag nhsuk-tag--blue">Your organisation</strong>
                    </>
                  )}
                </th>
                <td className={cellNumeric}>{formatFunnelValue(point.value, funnel.type)}</td>
                <td className={cellNumeric}>{formatCount(point.numerator)}</td>
                <td className={cellNumeric}>{formatCount(point.denominator)}</td>
                <td className="nhsuk-table__cell">
                  <strong className={ASSESSMENT_TAG[point.assessment]}>
                    {ASSESSMENT_SHORT[point.assessment]}
                  </strong>
                  <br />
                  <span className="nhsuk-body-s">{point.words}</span>
                </td>
                <td className="nhsuk-table__cell">
                  <Projects point={point} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
