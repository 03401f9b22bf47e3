/**
 * @module annotations/service
 * Reading and adding a series' annotations as a person: read access first (a hidden series is
 * not found), then `annotation.write` in the series' organisation, then the annotation and its
 * audit record in one transaction. A person's annotations carry their name and id.
 */
import { recordAudit } from '../audit/repository.js';
import type { Principal } from '../auth/principal.js';
import { requirePermission } from '../auth/require.js';
import type { Database } from '../db/types.js';
import { DataError } from '../errors.js';
import { requireMeasure } from '../measures/service.js';
import type { PeriodRange } from '../observations/repository.js';
import { requireReadableSeries } from '../series/access.js';
import { addAnnotation, listAnnotations } from './repository.js';
import type { Annotation } from './repository.js';

/** What a person writes; `author` and `authorId` count only for the command line. */
export interface AnnotationInput {
  readonly period: string;
  readonly text: string;
  readonly author?: string | undefined;
  readonly authorId?: string | null | undefined;
}

/**
 * A readable series' annotations in period order.
 * @throws {DataError} `not_found` (also when hidden).
 */
export async function readableAnnotations(
  db: Database,
  principal: Principal,
  seriesId: string,
  range: PeriodRange = {},
): Promise<Annotation[]> {
  const series = await requireReadableSeries(db, principal, seriesId);
  return listAnnotations(db, series.id, range);
}

function authorOf(principal: Principal, input: AnnotationInput): { author: string; authorId: string | null } {
  if (principal.kind === 'user') return { author: principal.displayName, authorId: principal.userId };
  if (input.author === undefined) {
    throw new DataError('invalid_input', 'author is required (the name shown with the note)', {
      field: 'author',
    });
  }
  return { author: input.author, authorId: input.authorId ?? null };
}

/**
 * Annotates a point of a series (audited as `annotation.create`).
 * @throws {DataError} `not_found` (also when hidden), `unauthenticated`, `forbidden`,
 * `invalid_input`.
 */
export async function annotate(
  db: Database,
  principal: Principal,
  seriesId: string,
  input: AnnotationInput,
): Promise<Annotation> {
  const series = await requireReadableSeries(db, principal, seriesId);
  requirePermission(principal, 'annotation.write', series.organisationId);
  const measure = await requireMeasure(db, series.measureId, 'measureId');
  const author = authorOf(principal, input);
  return db.transaction(async (tx) => {
    const annotation = await addAnnotation(tx, {
      seriesId: series.id,
      period: input.period,
      text: input.text,
      ...author,
    });
    await recordAudit(tx, principal, {
      action: 'annotation.create',
      entityType: 'annotation',
      entityId: annotation.id,
      organisationId: series.organisationId,
      summary: `Annotated the point of ${annotation.period} of ${measure.name}`,
      after: {
        seriesId: series.id,
        period: annotation.period,
        text: annotation.text,
        author: annotation.author,
      },
    });
    return annotation;
  });
}
