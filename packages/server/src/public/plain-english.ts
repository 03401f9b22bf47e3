/**
 * @module public/plain-english
 * What a chart says, for patients and journalists: the Making Data Count icons turned into a
 * headline ("This is normal variation", "This has improved") and a sentence or two a reader needs
 * no statistics training to follow. The charts package's `describeAnalysis` is the full text
 * alternative, for board members and analysts; this is the short version above it. Pure.
 */
import type { AssuranceIcon, VariationIcon } from '@groundswell/spc';

/** A measure's improvement direction. */
export type Direction = 'increase' | 'decrease' | 'neutral';

/** What a series' chart says, in words. */
export interface PublicExplanation {
  /** A few words: "This has improved". */
  readonly headline: string;
  /** The tone, for the page's styling (never the only way the meaning is given). */
  readonly tone: 'improved' | 'concern' | 'normal' | 'changed' | 'unknown';
  /** One or two sentences in plain English. */
  readonly sentences: readonly string[];
}

/** What is explained. */
export interface ExplainInput {
  readonly variation: VariationIcon;
  readonly assurance: AssuranceIcon | null;
  readonly direction: Direction;
  /** The target in force, written with its unit (`95%`); null: none. */
  readonly target: string | null;
  /** The number of points on the chart. */
  readonly points: number;
}

const better = (direction: Direction): string =>
  direction === 'increase' ? 'higher is better' : direction === 'decrease' ? 'lower is better' : '';

function variationWords(input: ExplainInput): Omit<PublicExplanation, 'sentences'> & { sentence: string } {
  const { variation, direction } = input;
  const side = variation.endsWith('_high') ? 'higher' : 'lower';
  switch (variation) {
    case 'common_cause':
      return {
        headline: 'This is normal variation',
        tone: 'normal',
        sentence:
          'The numbers go up and down from one period to the next by about as much as we would expect by chance. There is no sign of a real change, better or worse.',
      };
    case 'improvement_high':
    case 'improvement_low':
      return {
        headline: 'This has improved',
        tone: 'improved',
        sentence: `Recent numbers are ${side} than chance alone would explain, and for this measure ${better(direction)}. Something has changed for the better.`,
      };
    case 'concern_high':
    case 'concern_low':
      return {
        headline: 'This needs attention',
        tone: 'concern',
        sentence: `Recent numbers are ${side} than chance alone would explain, and for this measure ${better(direction)}. Something has changed for the worse.`,
      };
    case 'neither_high':
    case 'neither_low':
      return {
        headline: 'This has changed',
        tone: 'changed',
        sentence: `Recent numbers are ${side} than chance alone would explain. For this measure neither higher nor lower is better in itself, so this is a change to understand rather than good or bad news.`,
      };
    case 'none':
      return {
        headline: 'There is not enough data yet',
        tone: 'unknown',
        sentence:
          input.points === 0
            ? 'No figures have been published yet.'
            : `With ${input.points === 1 ? 'only one figure' : `only ${input.points} figures`} so far, it is too early to tell a real change from the ups and downs of chance.`,
      };
  }
}

function assuranceSentence(input: ExplainInput): string | null {
  if (input.target === null) return null;
  const target = `the target of ${input.target}`;
  switch (input.assurance) {
    case 'pass':
      return `If nothing changes, it should meet ${target} every time.`;
    case 'fail':
      return `If nothing changes, it will keep missing ${target}: meeting it needs a change in how things are done.`;
    case 'hit_or_miss':
      return `It will meet ${target} some of the time and miss it at other times, by chance alone.`;
    case null:
      return `There is a target of ${input.target}, but not yet enough data to say how reliably it will be met.`;
  }
}

/** The headline and sentences for a series' chart. */
export function explainForPublic(input: ExplainInput): PublicExplanation {
  const { headline, tone, sentence } = variationWords(input);
  const assurance = input.variation === 'none' ? null : assuranceSentence(input);
  return { headline, tone, sentences: assurance === null ? [sentence] : [sentence, assurance] };
}

/** How to read the charts, once per page. */
export const HOW_TO_READ = [
  'Each chart is a statistical process control (SPC) chart: the dots are the published figures, the solid line is their average and the dashed lines show how far the figures usually go up and down by chance.',
  'A dot outside the dashed lines, or a long run of dots on one side of the average, is a sign of a real change rather than chance. Coloured dots mark those signs: blue where things have improved, orange where they have got worse.',
] as const;
