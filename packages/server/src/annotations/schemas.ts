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
  author: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .describe("The author's name as shown: ignored for a signed-in person (their name is used)"),
  authorId: Id.nullable().optional().describe('Ignored for a signed-in person (their id is used)'),
});
export type AddAnnotationBody = z.infer<typeof AddAnnotationBody>;
