/**
 * @module components/dashboard/Sparkline
 * A series' sparkline, drawn by the shared chart renderer as an SVG image with a title and a text
 * alternative (its `<desc>`), scaled to the card's width.
 */
import { renderSparkline } from '@groundswell/charts';
import { useMemo } from 'react';
import type { DashboardSeries } from './format';
import { valueFormat } from './format';

export function Sparkline({
  series,
  title,
}: {
  series: DashboardSeries;
  /** The chart's accessible name (default: the measure and its unit). */
  title?: string | undefined;
}): React.JSX.Element {
  const { measure, unit, sparkline } = series;
  const name = title ?? `${measure.name}, ${unit?.name ?? 'whole organisation'}`;
  const svg = useMemo(
    () =>
      renderSparkline(sparkline, {
        title: `Chart of ${name}`,
        measure: name,
        chart: measure.chartType,
        ...valueFormat(measure),
        idPrefix: `spark-${series.id}`,
      }),
    [sparkline, name, measure, series.id],
  );
  return <div className="gs-sparkline" dangerouslySetInnerHTML={{ __html: svg }} />;
}
