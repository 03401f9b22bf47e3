/**
 * @module components/SpcChart
 * An SPC chart as the shared renderer draws it (`renderSpcChart` from @groundswell/charts: a pure
 * SVG string, the same one a download or a report gets), sized to the space it has, with a point
 * reader under it: a slider that steps through the points with the arrow keys (one tab stop, not
 * one per point) and shows the selected point's tooltip in text, which is also what a click or tap
 * on the chart selects. Every page that shows an SPC chart uses this component.
 */
import { renderSpcChart } from '@groundswell/charts';
import type { SpcChartOptions } from '@groundswell/charts';
import type { SpcAnalysis } from '@groundswell/spc';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Schema } from '../api/client';
import '../styles/measure.css';

/** An analysis as the API sends it (`GET /series/{id}/analysis`: `analysis`). */
export type ChartAnalysis = Schema<'SpcAnalysis'>;
/** One analysed point as the API sends it. */
export type ChartPoint = Schema<'SpcPoint'>;

/**
 * Draws the API's analysis with the shared renderer. The renderer reads only what the JSON
 * carries (points, partitions, summary, warnings and the resolved options; periods as ISO dates),
 * never the engine's in-memory columns: a chart of the JSON is the chart of the live analysis
 * (pinned by the renderer's own tests).
 */
export function renderChart(analysis: ChartAnalysis, options: SpcChartOptions = {}): string {
  return renderSpcChart(analysis as unknown as SpcAnalysis, options);
}

/** The chart's size for a container `width` pixels wide: taller in proportion on a phone. */
export function chartSize(width: number): { width: number; height: number } {
  const w = Math.max(300, Math.min(1200, Math.round(width / 10) * 10));
  return { width: w, height: w < 500 ? 460 : 420 };
}

export interface SpcChartProps {
  readonly analysis: ChartAnalysis;
  /**
   * Options of the renderer (title, measure, unit, formatters, annotations, σ lines…); the size is
   * the container's. The chart is drawn again when this object changes: keep it (useMemo).
   */
  readonly options?: Omit<SpcChartOptions, 'width' | 'height'>;
  /** The selected point's index (controlled), and its change. Default: the last point, kept inside. */
  readonly selected?: number | undefined;
  readonly onSelect?: ((index: number) => void) | undefined;
  /** What to offer under the selected point's details (links to act on it). */
  readonly actions?: ((point: ChartPoint) => React.ReactNode) | undefined;
  /** The point reader's label (default "Read the chart point by point"). */
  readonly readerLabel?: string | undefined;
}

/** The width of the element, followed as it changes (undefined until measured, and where it cannot be). */
function useWidth(ref: React.RefObject<HTMLElement | null>): number | undefined {
  const [width, setWidth] = useState<number | undefined>(undefined);
  useEffect(() => {
    const element = ref.current;
    if (element === null) return;
    const measure = (): void => {
      const w = element.getBoundingClientRect().width;
      if (w > 0) setWidth(w);
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => {
      observer.disconnect();
    };
  }, [ref]);
  return width;
}

/** Each point's tooltip (its `<title>`, as a hover shows it), by point index, read from the SVG. */
export function tooltipsOf(svg: string): string[] {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const tooltips: string[] = [];
  for (const marker of doc.querySelectorAll('.point[data-index]')) {
    const i = Number(marker.getAttribute('data-index'));
    tooltips[i] = marker.querySelector('title')?.textContent ?? '';
  }
  return tooltips;
}

/** The point nearest to a click or tap, along the x axis. */
function nearestPoint(svg: Element, clientX: number): number | undefined {
  let best: number | undefined;
  let distance = Infinity;
  for (const element of svg.querySelectorAll('.point[data-index]')) {
    const box = element.getBoundingClientRect();
    const d = Math.abs(box.left + box.width / 2 - clientX);
    if (d < distance) {
      distance = d;
      best = Number(element.getAttribute('data-index'));
    }
  }
  return best;
}

export function SpcChart({
  analysis,
  options = {},
  selected,
  onSelect,
  actions,
  readerLabel = 'Read the chart point by point',
}: SpcChartProps): React.JSX.Element {
  const id = useId();
  const frame = useRef<HTMLDivElement>(null);
  const measured = useWidth(frame);
  const size = chartSize(measured ?? 800);
  const { width, height } = size;
  const svg = useMemo(
    () => renderChart(analysis, { ...options, idPrefix: options.idPrefix ?? `chart${id}`, width, height }),
    [analysis, options, width, height, id],
  );
  const n = analysis.points.length;
  const [own, setOwn] = useState(n - 1);
  const index = Math.min(Math.max(selected ?? own, 0), Math.max(n - 1, 0));
  const select = (i: number): void => {
    setOwn(i);
    onSelect?.(i);
  };
  const tooltips = useMemo(() => tooltipsOf(svg), [svg]);
  const details = (tooltips[index] ?? '').split('\n').filter((line) => line !== '');

  // Mark the selected point on the chart.
  useEffect(() => {
    const root = frame.current;
    if (root === null) return;
    for (const old of root.querySelectorAll('.point.is-selected')) old.classList.remove('is-selected');
    root.querySelector(`.point[data-index="${index}"]`)?.classList.add('is-selected');
  }, [svg, index]);

  const point = analysis.points[index];
  return (
    <div className="gs-spc-chart">
      <div
        ref={frame}
        className="gs-spc-chart__svg"
        onClick={(event) => {
          const root = frame.current?.querySelector('svg');
          if (root === undefined || root === null) return;
          const hit = (event.target as Element).closest('.point[data-index]');
          const i = hit !== null ? Number(hit.getAttribute('data-index')) : nearestPoint(root, event.clientX);
          if (i !== undefined && Number.isInteger(i)) select(i);
        }}
        dangerouslySetInnerHTML={{ __html: svg }}
      />
      {n > 0 && point !== undefined && (
        <div className="gs-point-reader">
          <div className="nhsuk-form-group nhsuk-u-margin-bottom-2">
            <label className="nhsuk-label" htmlFor={`${id}-point`}>
              {readerLabel}
            </label>
            <div className="nhsuk-hint" id={`${id}-hint`}>
              Use the arrow keys, or select a point on the chart. Every point is also in the table of data.
            </div>
            <input
              className="gs-point-reader__range"
              id={`${id}-point`}
              type="range"
              min={0}
              max={n - 1}
              step={1}
              value={index}
              aria-describedby={`${id}-hint`}
              aria-valuetext={details.slice(0, 2).join(', ')}
              onChange={(event) => {
                select(Number(event.target.value));
              }}
            />
          </div>
          <div className="gs-point-reader__details" aria-live="polite" aria-atomic="true">
            <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">
              <span className="gs-visually-hidden">Selected point: </span>
              <strong>{details[0] ?? ''}</strong>
            </p>
            {details.length > 1 && (
              <ul className="nhsuk-list nhsuk-body-s gs-point-reader__lines">
                {details.slice(1).map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            )}
          </div>
          {actions !== undefined && <div className="gs-point-reader__actions">{actions(point)}</div>}
        </div>
      )}
    </div>
  );
}
