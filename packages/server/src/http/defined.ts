/**
 * @module http/defined
 * Dropping absent (`undefined`) members of a parsed body, so that "not sent" stays "not set".
 */

/** `T` with optional members that, when present, are defined. */
export type Defined<T> = { [K in keyof T]?: Exclude<T[K], undefined> };

/** A copy of `value` without its `undefined` members. */
export function definedOnly<T extends object>(value: T): Defined<T> {
  return Object.fromEntries(Object.entries(value).filter(([, member]) => member !== undefined)) as Defined<T>;
}
