/**
 * @module capability/schemas
 * Request and response schemas of the capability routes, with their inferred types.
 */
import { z } from 'zod';
import { COMPLETION_SOURCES } from '../db/schema/vocabulary.js';
import { Id, IsoDate, QueryBoolean, Timestamp } from '../http/schemas.js';
import { OrganisationRefParams } from '../organisations/schemas.js';

export const CapabilityOrganisationParams = OrganisationRefParams;

const Name = z.string().trim().min(1).max(100).describe('The level’s name (foundation, practitioner…)');
const Rank = z.number().int().min(1).max(100).describe('Its order: higher is further (1 to 100)');
const Description = z.string().trim().max(2000).describe('What someone at this level can do');
const Code = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9._-]{1,40}$/, { error: 'must be 1 to 40 letters, digits, dots, hyphens or underscores' })
  .describe('A short code, unique in the curriculum (QI-101)');
const Title = z.string().trim().min(1).max(300).describe('The course’s title');
const Required = z.boolean().describe('Whether completing the level needs this course (default true)');

/** `POST /organisations/:ref/curriculum/levels`. */
export const LevelBody = z.strictObject({ name: Name, rank: Rank, description: Description.optional() });
/** `PATCH /curriculum-levels/:id`. */
export const LevelPatch = z.strictObject({
  name: Name.optional(),
  rank: Rank.optional(),
  description: Description.optional(),
});
/** `POST /curriculum-levels/:id/courses`. */
export const CourseBody = z.strictObject({ code: Code, title: Title, required: Required.optional() });
/** `PATCH /courses/:id`. */
export const CoursePatch = z.strictObject({
  code: Code.optional(),
  title: Title.optional(),
  required: Required.optional(),
  levelId: Id.optional().describe('Move the course to another level'),
});

export const CourseView = z
  .object({ id: Id, levelId: Id, code: z.string(), title: z.string(), required: z.boolean() })
  .meta({ id: 'Course' });
export type CourseView = z.infer<typeof CourseView>;

export const LevelView = z
  .object({
    id: Id,
    organisationId: Id,
    name: z.string(),
    rank: z.number().int(),
    description: z.string(),
    courses: z.array(CourseView).describe('In code order'),
  })
  .meta({ id: 'CurriculumLevel' });
export type LevelView = z.infer<typeof LevelView>;

export const CurriculumView = z
  .object({ organisationId: Id, levels: z.array(LevelView).describe('In rank order') })
  .meta({ id: 'Curriculum' });

/** `GET /organisations/:ref/completions`. */
export const CompletionsQuery = z.object({
  user: Id.optional().describe('One person’s record (coaches: anyone’s; others: only their own)'),
  pending: QueryBoolean.optional().describe('true: only declared completions waiting for a coach'),
});

export const CompletionView = z
  .object({
    courseId: Id,
    courseCode: z.string(),
    courseTitle: z.string(),
    levelId: Id,
    userId: Id,
    userName: z.string(),
    completedOn: IsoDate,
    source: z.enum(COMPLETION_SOURCES).describe('entered (by a coach), imported (CSV) or self_declared'),
    counts: z.boolean().describe('Whether it counts: anything but a declaration waiting for a coach'),
    confirmedAt: Timestamp.nullable(),
    confirmedBy: z.string().nullable().describe('The confirming coach’s name'),
    recordedAt: Timestamp,
  })
  .meta({ id: 'Completion' });
export type CompletionView = z.infer<typeof CompletionView>;

export const CompletionList = z.object({
  coach: z
    .boolean()
    .describe('Whether the reader is a coach (sees everyone’s records, records and confirms)'),
  items: z.array(CompletionView),
});

/** `POST /organisations/:ref/completions`. */
export const RecordBody = z.strictObject({
  userId: Id.describe('The member who completed the course'),
  courseId: Id,
  completedOn: IsoDate.describe('The day they completed it (not in the future)'),
});

/** `POST /organisations/:ref/completions/declare`. */
export const DeclareBody = z.strictObject({
  courseId: Id,
  completedOn: IsoDate.describe('The day you completed it (not in the future)'),
});

/** `/courses/:id/completions/:userId`. */
export const CompletionParams = z.object({ id: Id, userId: Id });

/** `POST /organisations/:ref/completions/import`. */
export const ImportBody = z.strictObject({
  csv: z
    .string()
    .min(1)
    .max(2_000_000)
    .describe('The CSV text: a header with email, course and completed on columns, then one row each'),
});

export const ImportResult = z.object({ imported: z.number().int().describe('Rows recorded') });

export const PersonView = z
  .object({
    userId: Id,
    displayName: z.string(),
    email: z.string(),
    unitId: Id.nullable().describe('The unit they work in, for capability by unit'),
    since: IsoDate.nullable().describe('Since when (null: a unit lead’s own unit, or none)'),
  })
  .meta({ id: 'CapabilityPerson' });

export const PeopleList = z.object({ items: z.array(PersonView) });

/** `PUT /organisations/:ref/capability/people/:userId`. */
export const StaffUnitBody = z.strictObject({
  unitId: Id.nullable().describe('The unit they work in (null: none)'),
  since: IsoDate.optional().describe('Since when (default today)'),
});
export const StaffUnitParams = OrganisationRefParams.extend({ userId: Id });

const LevelFigure = z.object({
  levelId: Id,
  trained: z.number().int().describe('Staff trained at this level or above'),
  staff: z.number().int().describe('Staff of the unit and its sub-units (or of the whole organisation)'),
  seriesId: Id.nullable().describe('The series of the level’s measure (its SPC chart)'),
});

/** `POST /organisations/:ref/capability/people/import`. */
export const StaffImportBody = z.strictObject({
  csv: z
    .string()
    .min(1)
    .max(2_000_000)
    .describe('The CSV text: a header with email and unit columns (since optional), then one person a row'),
  dryRun: z.boolean().optional().describe('true: only check the file, and say what it would change'),
  replace: z
    .boolean()
    .optional()
    .describe('true: also clear the unit of everyone not in the file (default: they keep theirs)'),
});

export const StaffImportResult = z
  .object({
    dryRun: z.boolean().describe('Whether this was only a check (nothing written)'),
    rows: z.number().int().describe('People in the file'),
    assigned: z.number().int().describe('People given a unit who had none'),
    moved: z.number().int().describe('People moved from another unit (or given a new since day)'),
    unchanged: z.number().int().describe('People already in the unit the file gives'),
    cleared: z.number().int().describe('People not in the file whose unit was cleared (replace)'),
  })
  .meta({ id: 'StaffUnitImport' });

export const CapabilityView = z
  .object({
    organisationId: Id,
    period: IsoDate.describe('This month (its first day): the figures are as at today'),
    levels: z.array(
      z.object({
        id: Id,
        name: z.string(),
        rank: z.number().int(),
        measureId: Id.nullable().describe('The level’s published measure'),
      }),
    ),
    units: z.array(
      z.object({
        unitId: Id,
        name: z.string(),
        parentId: Id.nullable(),
        levels: z.array(LevelFigure),
      }),
    ),
    organisation: z
      .object({ levels: z.array(LevelFigure) })
      .nullable()
      .describe(
        'The organisation as a whole: every active member with a unit (null: nobody has a unit yet); its series have no unit',
      ),
  })
  .meta({ id: 'CapabilityByUnit' });
