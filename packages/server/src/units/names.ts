/**
 * @module units/names
 * A unit's display name, and back (a MeasureReport's `subject.display`, an import's unit cell): its name where no other unit of the
 * organisation has that name, otherwise its path from the top of the tree ("Medicine / Ward 10").
 * Pure: works on an organisation's list of units.
 */
import type { Unit } from './repository.js';

type UnitRef = Pick<Unit, 'id' | 'parentId' | 'name'>;

/** A name or path compared: each part trimmed, spaces folded, any case; parts joined by '/'. */
const key = (text: string): string =>
  text
    .split('/')
    .map((part) => part.trim().replace(/\s+/g, ' ').toLowerCase())
    .join('/');

/** The path separator in a display: " / ". */
const SEPARATOR = ' / ';

function path(unit: UnitRef, byId: ReadonlyMap<string, UnitRef>): string[] {
  const names: string[] = [];
  const seen = new Set<string>();
  for (let at: UnitRef | undefined = unit; at !== undefined && !seen.has(at.id);) {
    seen.add(at.id);
    names.unshift(at.name);
    at = at.parentId === null ? undefined : byId.get(at.parentId);
  }
  return names;
}

/** How a list of units is named and found. */
export interface UnitNames {
  /** The display of a unit (its name, or its path when the name is not unique). */
  display(unitId: string): string | undefined;
  /** The unit a display names (a name or a path, any case and spacing), or why there is none. */
  find(display: string): { readonly unitId: string } | { readonly problem: 'unknown' | 'ambiguous' };
}

/**
 * Names and lookups over an organisation's units.
 * @example unitNames(units).find('Medicine / Ward 10')
 */
export function unitNames(units: readonly UnitRef[]): UnitNames {
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  const nameCount = new Map<string, number>();
  for (const unit of units) nameCount.set(key(unit.name), (nameCount.get(key(unit.name)) ?? 0) + 1);
  const displays = new Map<string, string>();
  const byKey = new Map<string, string | null>();
  for (const unit of units) {
    const full = path(unit, byId).join(SEPARATOR);
    const unique = nameCount.get(key(unit.name)) === 1;
    displays.set(unit.id, unique ? unit.name : full);
    byKey.set(key(full), unit.id);
    if (!byKey.has(key(unit.name))) byKey.set(key(unit.name), unique ? unit.id : null);
  }
  return {
    display: (unitId) => displays.get(unitId),
    find: (display) => {
      const found = byKey.get(key(display));
      if (found === undefined) return { problem: 'unknown' };
      return found === null ? { problem: 'ambiguous' } : { unitId: found };
    },
  };
}
