import { SpcInputError } from '@groundswell/spc';
import { describe, expect, it } from 'vitest';
import type { Database } from '../db/types.js';
import { DataError } from '../errors.js';
import { buildApp } from './app.js';
import { fieldName, toApiError } from './error-handler.js';
import { ApiError, errorBody } from './errors.js';

describe('error vocabulary', () => {
  it('fieldName(pointer) writes JSON pointers as the fields people read', () => {
    expect(fieldName('/rows/3/period')).toBe('rows[3].period');
    expect(fieldName('/spcOptions/rebaseAt/0')).toBe('spcOptions.rebaseAt[0]');
    expect(fieldName('/')).toBe('');
  });

  it('toApiError(DataError) keeps the code, field, index and reason', () => {
    for (const [code, status] of [
      ['invalid_input', 400],
      ['not_found', 404],
      ['conflict', 409],
    ] as const) {
      const error = toApiError(
        new DataError(code, 'what went wrong', { field: 'rows[2].value', index: 2, reason: 'r' }),
      );
      expect(error).toMatchObject({ code, status, message: 'what went wrong' });
      expect(error?.details).toEqual({ field: 'rows[2].value', index: 2, reason: 'r' });
    }
  });

  it('toApiError(SpcInputError) is a 422 saying the data cannot be analysed', () => {
    const error = toApiError(
      new SpcInputError('negative_value', 'values[2] is -1', { index: 2, field: 'values' }),
    );
    expect(error).toMatchObject({
      code: 'unprocessable',
      status: 422,
      details: { index: 2, reason: 'negative_value' },
    });
  });

  it('toApiError(unknown) is undefined: the handler hides it behind a 500', () => {
    expect(toApiError(new Error('secret'))).toBeUndefined();
    expect(toApiError('thrown string')).toBeUndefined();
  });

  it('errorBody(error) leaves out empty details', () => {
    expect(errorBody(new ApiError('not_found', 'gone'))).toEqual({
      error: { code: 'not_found', message: 'gone' },
    });
    expect(errorBody(new ApiError('not_found', 'gone', { field: undefined }))).toEqual({
      error: { code: 'not_found', message: 'gone' },
    });
  });

  it('an unexpected error is logged and answered with a generic 500 that reveals nothing', async () => {
    const broken = {
      select: () => {
        throw new Error('password=hunter2');
      },
    } as unknown as Database;
    const logged: string[] = [];
    const stream = {
      write: (line: string): void => {
        logged.push(line);
      },
    };
    const app = await buildApp({ db: broken, logger: { level: 'error', stream } });
    try {
      const response = await app.inject({ method: 'GET', url: '/api/v1/organisations' });
      expect(response.statusCode).toBe(500);
      expect(logged.join('')).toContain('unexpected error');
      expect(response.json()).toEqual({
        error: {
          code: 'internal',
          message: 'something went wrong on the server; it has been logged, try again later',
        },
      });
      expect(response.body).not.toContain('hunter2');
    } finally {
      await app.close();
    }
  });
});
