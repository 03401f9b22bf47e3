/**
 * @module components/form/typed
 * Reading what a person types: numbers ("1,250", "4.5"), dates (YYYY-MM-DD), and proportions
 * typed as percentages.
 */

/** A number typed by a person ("95", "4.5", "1,250"), or null when it is not one. */
export function parseNumber(text: string): number | null {
  const trimmed = text.trim().replace(/,/g, '');
  if (trimmed === '' || !/^[-+]?(\d+\.?\d*|\.\d+)$/.test(trimmed)) return null;
  return Number(trimmed);
}

/** Whether `text` is a real date written `YYYY-MM-DD`. */
export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** A value as a person types it: a proportion (0–1) as a percentage. */
export function toTyped(value: number, proportion: boolean): string {
  return String(proportion ? Number((value * 100).toPrecision(12)) : value);
}

/** A typed value as the API takes it: a percentage back to a proportion. */
export function fromTyped(value: number, proportion: boolean): number {
  return proportion ? Number((value / 100).toPrecision(12)) : value;
}
