/**
 * @module components/measure/forms
 * What the measure page's forms share beyond the NHS form pieces (components/form): a request
 * from the chart to prepare a form for a period.
 */
import { useEffect } from 'react';

/** A request from elsewhere on the page to prepare a form for a period (a point chosen on the chart). */
export interface PeriodRequest {
  readonly period: string;
  /** Changes with every request, so that asking twice for the same period still acts. */
  readonly nonce: number;
}

/** When a request arrives: take its period, and move focus to the form's first control. */
export function usePeriodRequest(
  request: PeriodRequest | undefined,
  setPeriod: (period: string) => void,
  focus: React.RefObject<HTMLElement | null>,
): void {
  const nonce = request?.nonce;
  useEffect(() => {
    if (request === undefined) return;
    setPeriod(request.period);
    const element = focus.current;
    if (element === null) return;
    // jsdom has no scrollIntoView.
    if ('scrollIntoView' in element) element.scrollIntoView({ block: 'center' });
    element.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- acts once per request
  }, [nonce]);
}
