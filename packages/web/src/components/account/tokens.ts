/**
 * @module components/account/tokens
 * Personal API tokens as the tokens page uses them: the list, making one, revoking one; the
 * expiry date as a person types it (day, month, year); and dates and states in words.
 */
import { useQuery } from '@tanstack/react-query';
import type { UseQueryResult } from '@tanstack/react-query';
import { api, data } from '../../api/client';
import type { paths } from '../../api/schema';
import { send } from '../../api/send';

type TokensPath = paths['/api/v1/auth/tokens'];
/** A token as listed (never the token itself). */
export type Token = TokensPath['get']['responses'][200]['content']['application/json']['items'][number];
/** A token just made: the only time the API gives the token itself. */
export type NewToken = TokensPath['post']['responses'][201]['content']['application/json'];
export type CreateToken = TokensPath['post']['requestBody']['content']['application/json'];
export type Scope = Token['scopes'][number];

export const TOKENS_KEY = ['auth', 'tokens'] as const;

/** The scopes a token may have, in order, with what each allows. */
export const SCOPES: readonly { value: Scope; label: string; hint: string }[] = [
  { value: 'read', label: 'Read', hint: 'See measures, series and dashboards, as you can.' },
  { value: 'write', label: 'Write', hint: 'Import data and change series, as you can.' },
];

export function useTokens(): UseQueryResult<{ items: Token[] }> {
  return useQuery({ queryKey: TOKENS_KEY, queryFn: () => data(api.GET('/api/v1/auth/tokens')) });
}

export function createToken(body: CreateToken): Promise<NewToken> {
  return send(api.POST('/api/v1/auth/tokens', { body }));
}

export function revokeToken(id: string): Promise<Token> {
  return send(api.DELETE('/api/v1/auth/tokens/{id}', { params: { path: { id } } }));
}

/** The three boxes of an NHS date input, as typed. */
export interface DateParts {
  readonly day: string;
  readonly month: string;
  readonly year: string;
}

export const NO_DATE: DateParts = { day: '', month: '', year: '' };

/** The expiry date read from its boxes: none, an instant, or what is wrong and which box to fix. */
export type ParsedExpiry =
  | { readonly ok: true; readonly expiresAt: string | undefined }
  | { readonly ok: false; readonly part: keyof DateParts; readonly message: string };

/**
 * The expiry date typed as day, month and year: none when all three are empty; otherwise the end
 * of that day (23:59:59 local time), which must not have passed.
 */
export function parseExpiry(parts: DateParts, now: Date = new Date()): ParsedExpiry {
  const day = parts.day.trim();
  const month = parts.month.trim();
  const year = parts.year.trim();
  if (day === '' && month === '' && year === '') return { ok: true, expiresAt: undefined };
  const missing = (['day', 'month', 'year'] as const).find((part) => ({ day, month, year })[part] === '');
  if (missing !== undefined) {
    return { ok: false, part: missing, message: `The expiry date must include a ${missing}` };
  }
  const real = { ok: false, part: 'day', message: 'The expiry date must be a real date' } as const;
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month)) return real;
  if (!/^\d{4}$/.test(year)) return { ok: false, part: 'year', message: 'The year must have 4 numbers' };
  const [d, m, y] = [Number(day), Number(month), Number(year)];
  const end = new Date(y, m - 1, d, 23, 59, 59);
  if (end.getFullYear() !== y || end.getMonth() !== m - 1 || end.getDate() !== d) return real;
  if (end <= now)
    return { ok: false, part: 'day', message: 'The expiry date must be today or in the future' };
  return { ok: true, expiresAt: end.toISOString() };
}

const DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
const DATE_TIME = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** "26 Nov 2026". */
export function formatDate(iso: string): string {
  return DATE.format(new Date(iso));
}

/** "26 Nov 2026, 14:05". */
export function formatDateTime(iso: string): string {
  return DATE_TIME.format(new Date(iso));
}

/** Whether a token works, in a word. */
export function tokenState(token: Token, now: Date = new Date()): 'active' | 'revoked' | 'expired' {
  if (token.revokedAt !== null) return 'revoked';
  if (token.expiresAt !== null && new Date(token.expiresAt) <= now) return 'expired';
  return 'active';
}

/** "Read, write". */
export function scopesText(scopes: readonly Scope[]): string {
  const text = SCOPES.filter((s) => scopes.includes(s.value))
    .map((s) => s.label.toLowerCase())
    .join(', ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
