/**
 * @module components/compare/FunnelOutliers
 * The organisations beyond the 99.8% limits, named first (in alphabetical order): the positive
 * outliers with their published projects ("how they did it"), then the others. Nothing is said
 * when every organisation lies within the limits, apart from that.
 */
import { Link } from 'react-router';
import type { Funnel, FunnelPoint } from './funnel-format';
import { isPositiveOutlier } from './funnel-format';

function ProjectLinks({ point }: { point: FunnelPoint }): React.JSX.Element {
  if (point.projects.length === 0) {
    return <>They have not published a project on this measure in the library yet.</>;
  }
  return (
    <>
      Read how they did it:{' '}
      {point.projects.map((project, i) => (
        <span key={project.id}>
          {i > 0 && ', '}
          <Link to={`/projects/${project.id}`}>{project.title}</Link>
        </span>
      ))}
      .
    </>
  );
}

export function FunnelOutliers({ funnel }: { funnel: Funnel }): React.JSX.Element | null {
  if (funnel.points.length === 0) return null;
  const positive = funnel.points.filter(isPositiveOutlier);
  const others = funnel.points.filter((p) => p.outlier && !isPositiveOutlier(p));
  if (positive.length === 0 && others.length === 0) {
    return (
      <p className="nhsuk-body">
        Every organisation lies within the 99.8% limits: none is an outlier on this measure for these periods.
      </p>
    );
  }
  return (
    <section aria-labelledby="funnel-outliers">
      <h2 id="funnel-outliers">Outliers</h2>
      {positive.length > 0 && (
        <ul className="nhsuk-list nhsuk-list--bullet">
          {positive.map((point) => (
            <li key={point.organisation.id}>
              <strong>{point.label}</strong> is better than expected (above the 99.8% limit).{' '}
              <ProjectLinks point={point} />
            </li>
          ))}
        </ul>
      )}
      {others.length > 0 && (
        <p className="nhsuk-body">
          Also beyond the 99.8% limits:{' '}
          {others.map((p) => `${p.label} (${p.words.split(':')[0]!.toLowerCase()})`).join('; ')}.
        </p>
      )}
    </section>
  );
}
