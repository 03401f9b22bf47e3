/**
 * @module units/schemas
 * Request and response schemas of the unit routes, with their inferred types.
 */
import { z } from 'zod';
import { UNIT_KINDS } from '../db/schema/vocabulary.js';
import { Id, Timestamp } from '../http/schemas.js';

/** A unit with its sub-units, as the API returns it. */
export interface UnitNodeView {
  readonly id: string;
  readonly organisationId: string;
  readonly parentId: string | null;
  readonly kind: (typeof UNIT_KINDS)[number];
  readonly name: string;
  readonly createdAt: string;
  readonly children: readonly UnitNodeView[];
}

const unitFields = {
  id: Id,
  organisationId: Id,
  parentId: Id.nullable().describe('The parent unit; null at the top of the tree'),
  kind: z.enum(UNIT_KINDS),
  name: z.string(),
  createdAt: Timestamp,
};

/** A unit (without children), as created. */
export const UnitView = z.object(unitFields).meta({ id: 'Unit' });
export type UnitView = z.infer<typeof UnitView>;

/** A unit and its sub-units, recursively. */
export const UnitNodeView: z.ZodType<UnitNodeView> = z
  .object({
    ...unitFields,
    get children(): z.ZodArray<z.ZodType<UnitNodeView>> {
      return z.array(UnitNodeView);
    },
  })
  .meta({ id: 'UnitNode' });

/** An organisation's unit tree. */
export const UnitTree = z.object({ items: z.array(UnitNodeView) });

/** `POST /organisations/:ref/units`. */
export const CreateUnitBody = z.object({
  parentId: Id.nullable().optional().describe('The parent unit (same organisation); absent at the top'),
  kind: z.enum(UNIT_KINDS),
  name: z.string().trim().min(1).max(500),
});
export type CreateUnitBody = z.infer<typeof CreateUnitBody>;
