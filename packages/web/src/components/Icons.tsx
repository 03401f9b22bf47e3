/**
 * @module components/Icons
 * The Making Data Count variation and assurance icons, drawn by the shared chart renderer; each has
 * a title naming it, and the label is also given in text beside it where space allows.
 */
import {
  assuranceLabel,
  renderAssuranceIcon,
  renderVariationIcon,
  variationLabel,
} from '@groundswell/charts';
import type { Schema } from '../api/client';

type Variation = Schema<'DashboardSeries'>['icons']['variation'];
type Assurance = Schema<'DashboardSeries'>['icons']['assurance'];

/**
 * Each icon's SVG at each size, drawn once: an overview shows the same few icons a hundred times,
 * and the renderer's output depends on nothing else.
 */
const drawn = new Map<string, string>();
function cached(key: string, draw: () => string): string {
  let svg = drawn.get(key);
  if (svg === undefined) {
    svg = draw();
    drawn.set(key, svg);
  }
  return svg;
}

export function VariationIcon({ icon, size = 40 }: { icon: Variation; size?: number }): React.JSX.Element {
  return (
    <span
      className="gs-icon"
      dangerouslySetInnerHTML={{
        __html: cached(`v:${icon}:${size}`, () => renderVariationIcon(icon, { size })),
      }}
    />
  );
}

export function AssuranceIcon({ icon, size = 40 }: { icon: Assurance; size?: number }): React.JSX.Element {
  if (icon === null) {
    return (
      <span className="gs-icon gs-icon--none" title="No target">
        <span className="gs-visually-hidden">No target</span>
      </span>
    );
  }
  return (
    <span
      className="gs-icon"
      dangerouslySetInnerHTML={{
        __html: cached(`a:${icon}:${size}`, () => renderAssuranceIcon(icon, { size })),
      }}
    />
  );
}

/** The words for an icon pair, as the icons' titles say them. */
export function iconWords(variation: Variation, assurance: Assurance): string {
  return `${variationLabel(variation)}; ${assurance === null ? 'no target' : assuranceLabel(assurance)}`;
}
