/**
 * @module test-support/funnel-units
 * Small hand-made unit lists for the funnel plot tests (results come from the real `funnel()`).
 */
import type { FunnelUnitInput } from '@groundswell/spc';

const units = (rows: readonly (readonly [string, number, number])[]): FunnelUnitInput[] =>
  rows.map(([unit, numerator, denominator]) => ({ unit, numerator, denominator }));

/**
 * 12 boroughs around 10%: Islington above the 99.8% limit (z ≈ 6.9), Kingston below it (z ≈ −8.9),
 * Merton above the 95% limit only (z ≈ 2.4). φ ≈ 0.96 after Winsorising, so the limits are not adjusted.
 */
export const BOROUGHS = units([
  ['Ashford', 31, 300],
  ['Bexley', 38, 420],
  ['Camden', 52, 510],
  ['Dartford', 24, 260],
  ['Ealing', 61, 640],
  ['Faversham', 45, 450],
  ['Greenwich', 70, 720],
  ['Hounslow', 29, 310],
  ['Islington', 90, 400],
  ['Kingston', 12, 600],
  ['Lewisham', 55, 580],
  ['Merton', 50, 350],
]);

/** 11 units spread more than chance (φ ≈ 3.84, adjusted), Zenith still above the adjusted 99.8% limit. */
export const OVERDISPERSED = units([
  ['North', 60, 500],
  ['South', 40, 500],
  ['East', 75, 600],
  ['West', 45, 600],
  ['Central', 104, 800],
  ['Upper', 56, 800],
  ['Lower', 47, 400],
  ['Inner', 33, 400],
  ['Outer', 70, 700],
  ['Far', 70, 700],
  ['Zenith', 150, 500],
]);

/** Denominators from 12 to 5,000 (more than 50 times apart): a log scale. */
export const WIDE = units([
  ['Tiny', 2, 12],
  ['Small', 9, 80],
  ['Medium', 30, 300],
  ['Large', 110, 1000],
  ['Huge', 560, 5000],
  ['Mid', 45, 400],
]);

/** 40 units at 10% and 7 at 20–25% (named H1…H7, in that order, with values not in order), all of 1,000. */
export const MANY_HIGH = units([
  ...Array.from({ length: 40 }, (_, i) => [`U${i + 1}`, 100, 1000] as const),
  ['H1', 210, 1000],
  ['H2', 250, 1000],
  ['H3', 200, 1000],
  ['H4', 240, 1000],
  ['H5', 220, 1000],
  ['H6', 230, 1000],
  ['H7', 205, 1000],
]);
