/**
 * @module components/projects/PortfolioList
 * The portfolio's counts by stage, and its projects as a responsive table (cards on a phone):
 * title, stage, unit, lead, cycles and the latest, and a flag on those that need a coach.
 */
import { Link } from 'react-router';
import { ResponsiveTable } from '../ResponsiveTable';
import type { Portfolio, ProjectSummary } from './data';
import { formatDay, STAGES, stageWords } from './labels';

export function StageCounts({ summary }: { summary: Portfolio['summary'] }): React.JSX.Element {
  return (
    <div className="gs-stage-counts">
      <p>
        {summary.total} {summary.total === 1 ? 'project' : 'projects'} in all
        {summary.needsCoach > 0
          ? `; ${summary.needsCoach} ${summary.needsCoach === 1 ? 'needs' : 'need'} a coach`
          : ''}
        .
      </p>
      <dl className="nhsuk-summary-list gs-stage-counts__list">
        {STAGES.map((s) => (
          <div className="nhsuk-summary-list__row" key={s.value}>
            <dt className="nhsuk-summary-list__key">{s.label}</dt>
            <dd className="nhsuk-summary-list__value">{summary.byStage[s.value] ?? 0}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

export function PortfolioList({ items }: { items: readonly ProjectSummary[] }): React.JSX.Element {
  if (items.length === 0) return <p>No projects match these filters.</p>;
  return (
    <ResponsiveTable
      caption="Projects"
      rows={items}
      rowKey={(p) => p.id}
      columns={[
        {
          heading: 'Project',
          cell: (p) => (
            <>
              <Link to={`/projects/${p.id}`}>{p.title}</Link>
              {p.needsCoach && (
                <>
                  {' '}
                  <strong className="nhsuk-tag nhsuk-tag--orange gs-needs-coach">Needs a coach</strong>
                </>
              )}
            </>
          ),
        },
        { heading: 'Stage', cell: (p) => stageWords(p.stage) },
        { heading: 'Unit', cell: (p) => p.unit?.name ?? 'Whole organisation' },
        { heading: 'Lead', cell: (p) => p.lead?.displayName ?? 'None' },
        {
          heading: 'PDSA cycles',
          cell: (p) =>
            p.cycles === 0
              ? 'None yet'
              : `${p.cycles}${p.latestCycleOn === null ? '' : `, latest ${formatDay(p.latestCycleOn)}`}`,
        },
      ]}
    />
  );
}
