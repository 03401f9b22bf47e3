/**
 * @module components/form/problems
 * A form's problems: turning the API's 400 (its issues, or the one field it names) into messages
 * on the controls that show those fields, as the NHS.UK error summary and error messages need.
 */
import { ApiFailure } from '../../api/client';
import { FieldFailure } from '../../api/send';

/** A problem with a field: the id of the control to link to, and what to do about it. */
export interface FieldProblem {
  readonly id: string;
  readonly message: string;
}

/** A field of the API as a form shows it: the control's id and its label in words. */
export type FormFields = Readonly<Record<string, { readonly id: string; readonly label: string }>>;

/** Problems by control id (the first message of each). */
export function byId(problems: readonly FieldProblem[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of problems) out[p.id] ??= p.message;
  return out;
}

/**
 * The problems an API failure reports, each put on the control that shows its field: `fields`
 * maps an API field (`text`, `spcOptions.direction`; a prefix matches its members, so
 * `spcOptions.rebaseAt` takes `spcOptions.rebaseAt[0]`) to a control id and a label for the
 * message. A field the form does not show, or a failure naming none, goes on `fallback` with the
 * server's message.
 */
export function problemsOf(error: unknown, fields: FormFields, fallback: string): FieldProblem[] {
  const message = error instanceof Error ? error.message : String(error);
  if (!(error instanceof ApiFailure)) return [{ id: fallback, message }];
  const find = (field: string): { id: string; label: string } | undefined => {
    let best: string | undefined;
    for (const key of Object.keys(fields)) {
      if (field === key || field.startsWith(`${key}.`) || field.startsWith(`${key}[`)) {
        if (best === undefined || key.length > best.length) best = key;
      }
    }
    return best === undefined ? undefined : fields[best];
  };
  const problems: FieldProblem[] = [];
  for (const issue of error.issues) {
    const control = find(issue.field);
    problems.push(
      control === undefined
        ? { id: fallback, message: `${issue.field || 'The request'}: ${issue.message}` }
        : { id: control.id, message: `${control.label}: ${issue.message}` },
    );
  }
  if (problems.length > 0) return problems;
  const field = error instanceof FieldFailure ? error.field : undefined;
  const control = field === undefined ? undefined : find(field);
  return [{ id: control?.id ?? fallback, message }];
}

/**
 * `problemsOf`, each message naming its field in words: a refusal that names one field
 * ("parentGoalId must be …") reads "The goal it serves: parentGoalId must be …", as the error
 * summary's link to that field.
 */
export function namedProblems(error: unknown, fields: FormFields, fallback: string): FieldProblem[] {
  const labels = new Map(Object.values(fields).map((field) => [field.id, field.label]));
  return problemsOf(error, fields, fallback).map((problem) => {
    const label = labels.get(problem.id);
    return label === undefined || problem.message.startsWith(`${label}:`)
      ? problem
      : { id: problem.id, message: `${label}: ${problem.message}` };
  });
}
