/**
 * @module annotations/schemas
 * Request and response schemas of the annotation routes, with their inferred types.
 */
import { z } from 'zod';
import { Id, IsoDate, Timestamp } from '../http/schemas.js';

/** An annotation as the API returns it. */
export const AnnotationView = z
  .object({
    id: Id,
    seriesId: Id,
    period: IsoDate,
    text: z.string(),
    author: z.string(),
    authorId: Id.nullable(),
    createdAt: Timestamp,
  })
  .meta({ id: 'Annotation' });
export type AnnotationView = z.infer<typeof AnnotationView>;

/** A series' annotations in period order. */
export const AnnotationList = z.object({ items: z.array(AnnotationView) });

/** `POST /series/:id/annotations`. */
export const AddAnnotationBody = z.strictObject({
  period: IsoDate.describe('The period of the point (it need not have data yet)'),
  text: z.string().trim().min(1).max(4000),
  author: z.string().trim().min(1).max(200).describe("The author's name as shown"),
  authorId: Id.nullable().optional(),
});
export type AddAnnotationBody = z.infer<typeof AddAnnotationBody>;
