/**
 * @module input/cells
 * Number and flag cells are read by the engine package's text readers, shared with the server's imports.
 */
export { parseFlag, parseNumber } from '@groundswell/spc';
