/**
 * @module components/account/TokenForm
 * Making an API token: what it is for (its name), what it may do (read, write) and, if it should
 * stop working by itself, the date it expires.
 */
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { DateParts, NewToken, Scope } from './tokens';
import { createToken, NO_DATE, parseExpiry, SCOPES } from './tokens';
import { FieldErrorMessage, FormErrorSummary, TextField, byId, problemsOf } from '../form';
import type { FieldProblem } from '../form';

const MAX_NAME = 100;

export const TOKEN_FIELDS = {
  name: { id: 'token-name', label: 'Name' },
  scopes: { id: 'token-scope-read', label: 'What it may do' },
  expiresAt: { id: 'token-expiry-day', label: 'Expiry date' },
};

const DATE_PARTS: readonly { part: keyof DateParts; label: string; width: string }[] = [
  { part: 'day', label: 'Day', width: 'nhsuk-input--width-2' },
  { part: 'month', label: 'Month', width: 'nhsuk-input--width-2' },
  { part: 'year', label: 'Year', width: 'nhsuk-input--width-4' },
];

export function TokenForm({ onCreated }: { onCreated: (token: NewToken) => void }): React.JSX.Element {
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<Scope[]>(['read']);
  const [expiry, setExpiry] = useState<DateParts>(NO_DATE);
  /** The date box at fault, when the problem is the date's. */
  const [badPart, setBadPart] = useState<keyof DateParts | null>(null);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const mutation = useMutation({
    mutationFn: createToken,
    onSuccess: (token) => {
      setProblems([]);
      setBadPart(null);
      setName('');
      setScopes(['read']);
      setExpiry(NO_DATE);
      onCreated(token);
    },
    onError: (error) => {
      setBadPart(null);
      setProblems(problemsOf(error, TOKEN_FIELDS, TOKEN_FIELDS.name.id));
    },
  });
  const errors = byId(problems);
  const nameError = errors[TOKEN_FIELDS.name.id];
  const scopeError = errors[TOKEN_FIELDS.scopes.id];
  const dateId = badPart === null ? TOKEN_FIELDS.expiresAt.id : `token-expiry-${badPart}`;
  const dateError = errors[dateId];

  return (
    <form
      noValidate
      aria-labelledby="token-form-heading"
      onSubmit={(event) => {
        event.preventDefault();
        if (mutation.isPending) return;
        const found: FieldProblem[] = [];
        const trimmed = name.trim();
        if (trimmed === '') found.push({ id: TOKEN_FIELDS.name.id, message: 'Enter a name for the token' });
        else if (trimmed.length > MAX_NAME)
          found.push({
            id: TOKEN_FIELDS.name.id,
            message: `The name must be ${MAX_NAME} characters or fewer`,
          });
        if (scopes.length === 0)
          found.push({ id: TOKEN_FIELDS.scopes.id, message: 'Select what the token may do' });
        const parsed = parseExpiry(expiry);
        if (!parsed.ok) found.push({ id: `token-expiry-${parsed.part}`, message: parsed.message });
        setBadPart(parsed.ok ? null : parsed.part);
        setProblems(found);
        if (found.length === 0 && parsed.ok) {
          mutation.mutate({
            name: trimmed,
            scopes,
            ...(parsed.expiresAt === undefined ? {} : { expiresAt: parsed.expiresAt }),
          });
        }
      }}
    >
      <h2 id="token-form-heading">Make a new token</h2>
      <FormErrorSummary problems={problems} headingLevel={3} />
      <TextField
        id={TOKEN_FIELDS.name.id}
        label="Name"
        hint="What the token is for, so that you can tell it apart later. For example, “Nightly falls extract”."
        error={nameError}
        name="name"
        type="text"
        width="nhsuk-input--width-30"
        autoComplete="off"
        value={name}
        onChange={setName}
      />

      <div className={`nhsuk-form-group${scopeError ? ' nhsuk-form-group--error' : ''}`}>
        <fieldset
          className="nhsuk-fieldset"
          aria-describedby={`token-scopes-hint${scopeError ? ` ${TOKEN_FIELDS.scopes.id}-error` : ''}`}
        >
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">What it may do</legend>
          <div className="nhsuk-hint" id="token-scopes-hint">
            Select all that apply. The token can never do more than you can.
          </div>
          <FieldErrorMessage id={TOKEN_FIELDS.scopes.id} message={scopeError} />
          <div className="nhsuk-checkboxes">
            {SCOPES.map((scope) => {
              const id = `token-scope-${scope.value}`;
              return (
                <div className="nhsuk-checkboxes__item" key={scope.value}>
                  <input
                    className="nhsuk-checkboxes__input"
                    id={id}
                    name="scopes"
                    type="checkbox"
                    value={scope.value}
                    checked={scopes.includes(scope.value)}
                    aria-describedby={`${id}-hint`}
                    onChange={(event) => {
                      const on = event.target.checked;
                      setScopes((before) =>
                        SCOPES.map((s) => s.value).filter((v) =>
                          v === scope.value ? on : before.includes(v),
                        ),
                      );
                    }}
                  />
                  <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={id}>
                    {scope.label}
                  </label>
                  <div className="nhsuk-hint nhsuk-checkboxes__hint" id={`${id}-hint`}>
                    {scope.hint}
                  </div>
                </div>
              );
            })}
          </div>
        </fieldset>
      </div>

      <div className={`nhsuk-form-group${dateError ? ' nhsuk-form-group--error' : ''}`}>
        <fieldset
          className="nhsuk-fieldset"
          role="group"
          aria-describedby={`token-expiry-hint${dateError ? ` ${dateId}-error` : ''}`}
        >
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Expiry date (optional)</legend>
          <div className="nhsuk-hint" id="token-expiry-hint">
            The token stops working at the end of this day. Leave it empty for a token that works until you
            revoke it. For example, 31 3 2027.
          </div>
          <FieldErrorMessage id={dateId} message={dateError} />
          <div className="nhsuk-date-input" id="token-expiry">
            {DATE_PARTS.map(({ part, label, width }) => {
              const id = `token-expiry-${part}`;
              const wrong = dateError !== undefined && (badPart === part || badPart === null);
              return (
                <div className="nhsuk-date-input__item" key={part}>
                  <div className="nhsuk-form-group">
                    <label className="nhsuk-label nhsuk-date-input__label" htmlFor={id}>
                      {label}
                    </label>
                    <input
                      className={`nhsuk-input nhsuk-date-input__input ${width}${wrong ? ' nhsuk-input--error' : ''}`}
                      id={id}
                      name={`expiry-${part}`}
                      type="text"
                      inputMode="numeric"
                      autoComplete="off"
                      value={expiry[part]}
                      onChange={(event) => {
                        const value = event.target.value;
                        setExpiry((before) => ({ ...before, [part]: value }));
                      }}
                    />
                  </div>
                </div>
              );
            })}
          </div>
        </fieldset>
      </div>
      <button className="nhsuk-button" type="submit">
        {mutation.isPending ? 'Making the token…' : 'Make the token'}
      </button>
    </form>
  );
}
