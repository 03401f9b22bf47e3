/**
 * @module annotations/presenter
 * The exact fields of an annotation the API sends.
 */
import type { Annotation } from './repository.js';
import type { AnnotationView } from './schemas.js';

/** An annotation for the API. */
export function presentAnnotation(annotation: Annotation): AnnotationView {
  return {
    id: annotation.id,
    seriesId: annotation.seriesId,
    period: annotation.period,
    text: annotation.text,
    author: annotation.author,
    authorId: annotation.authorId,
    createdAt: annotation.createdAt.toISOString(),
  };
}
