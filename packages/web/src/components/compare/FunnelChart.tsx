/**
 * @module components/compare/FunnelChart
 * The funnel plot as the server drew it (@groundswell/charts' SVG: an image with a title and a
 * text alternative), scaled to the page, with the text alternative also shown under it for
 * everyone, and the limits explained in plain English.
 */
import type { Funnel } from './funnel-format';
import { formatFunnelValue } from './funnel-format';
import './funnel.css';

/** What the limits are, and whether they were widened. */
function limitsWords(funnel: Funnel): string {
  const { overdispersion } = funnel;
  const base =
    'The dashed lines are the 99.8% limits and the dotted lines the 95% limits: an organisation with more patients is expected to be closer to the average, so the limits narrow as the denominator grows.';
  if (overdispersion.phi === null) return base;
  const phi = overdispersion.phi.toFixed(1);
  if (overdispersion.adjusted) {
    return `${base} The organisations differ more than chance alone explains (overdispersion φ = ${phi}), so the limits are widened to allow for it: only an organisation outside them is unusual.`;
  }
  if (!overdispersion.requested && overdispersion.phi > 1) {
    return `${base} The organisations differ more than chance alone explains (φ = ${phi}), but the limits are not widened: many organisations may lie outside them.`;
  }
  return `${base} The organisations differ no more than chance explains (φ = ${phi}): the limits are not widened.`;
}

export function FunnelChart({ funnel }: { funnel: Funnel }): React.JSX.Element | null {
  if (funnel.svg === null) return null;
  return (
    <figure className="gs-funnel-chart nhsuk-u-margin-bottom-5">
      <div className="gs-funnel-chart__svg" dangerouslySetInnerHTML={{ __html: funnel.svg }} />
      <figcaption>
        <p className="nhsuk-body">{funnel.description}</p>
        <p className="nhsuk-body-s">
          {funnel.target !== null && (
            <>
              The solid line is the average of all the organisations shown:{' '}
              {formatFunnelValue(funnel.target, funnel.type)}.{' '}
            </>
          )}
          {limitsWords(funnel)}
        </p>
      </figcaption>
    </figure>
  );
}
