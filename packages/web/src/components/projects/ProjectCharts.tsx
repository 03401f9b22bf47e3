/**
 * @module components/projects/ProjectCharts
 * The charts of a project's measures, each with its notes and the project's PDSA cycles marked
 * (numbered badges, as the measure page draws notes), and the marks listed in words under it.
 */
import { useMemo } from 'react';
import { Link } from 'react-router';
import { valueFormat } from '../measure/format';
import { SpcChart } from '../SpcChart';
import type { ProjectChart } from './data';
import { formatDay, measureKindWords } from './labels';

function ChartOf({ chart }: { chart: ProjectChart }): React.JSX.Element {
  const view = chart.chart;
  const placed = chart.annotations.filter((a) => a.index !== null);
  const unplaced = chart.annotations.filter((a) => a.index === null);
  const measure = view?.measure;
  const options = useMemo(() => {
    if (measure === undefined) return {};
    const format = valueFormat({
      dataType: measure.dataType,
      chartType: measure.chartType,
      unitLabel: measure.unitLabel,
    });
    return {
      title: measure.name,
      measure: measure.name,
      unit: format.unit,
      formatValue: format.formatValue,
      percent: format.percent,
      annotations: placed.map((a) => ({ index: a.index!, text: a.text })),
      idPrefix: `project-chart-${chart.seriesId.slice(0, 8)}`,
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- drawn again when the chart data change
  }, [chart]);
  const name = measure?.name ?? 'A measure';
  return (
    <section className="gs-project-chart" aria-labelledby={`chart-${chart.seriesId}`}>
      <h3 id={`chart-${chart.seriesId}`}>
        {name} <span className="nhsuk-caption-m">{measureKindWords(chart.kind)} measure</span>
      </h3>
      {view === null ? (
        <p>This measure could not be analysed: {chart.problem ?? 'no reason given'}.</p>
      ) : view.analysis.points.length === 0 ? (
        <p>There are no points to chart yet.</p>
      ) : (
        <SpcChart
          analysis={view.analysis}
          options={options}
          readerLabel={`Read the chart of ${name} point by point`}
        />
      )}
      {placed.length > 0 && (
        <>
          <h4>Marked on the chart</h4>
          <ol className="nhsuk-list">
            {placed.map((a, k) => (
              <li key={`${a.source}-${a.id}`}>
                {k + 1}. {formatDay(a.period)}: {a.text}
              </li>
            ))}
          </ol>
        </>
      )}
      {unplaced.length > 0 && (
        <>
          <h4>Outside the chart’s periods so far</h4>
          <ul className="nhsuk-list">
            {unplaced.map((a) => (
              <li key={`${a.source}-${a.id}`}>
                {formatDay(a.period)}: {a.text}
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        <Link to={`/series/${chart.seriesId}`}>Open the full chart of {name}</Link>
      </p>
    </section>
  );
}

export function ProjectCharts({ charts }: { charts: readonly ProjectChart[] }): React.JSX.Element {
  if (charts.length === 0)
    return <p>No measures are linked yet: link one to see its chart with the PDSA cycles marked.</p>;
  return (
    <>
      {charts.map((chart) => (
        <ChartOf key={chart.seriesId} chart={chart} />
      ))}
    </>
  );
}
