/**
 * @module components/form
 * The NHS.UK form pieces every form of the app uses: fields, the error summary and messages,
 * turning API failures into problems on fields, and reading typed numbers and dates.
 */
export { Checkbox } from './Checkbox';
export { DateField, SelectField, TextAreaField, TextField } from './fields';
export type { Choice } from './fields';
export { Radios } from './Radios';
export type { RadioChoice } from './Radios';
export { describedBy, Done, FieldErrorMessage, FormErrorSummary } from './messages';
export { byId, namedProblems, problemsOf } from './problems';
export type { FieldProblem, FormFields } from './problems';
export { fromTyped, isIsoDate, parseNumber, toTyped } from './typed';
