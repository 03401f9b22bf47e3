/**
 * @module requirements/presenter
 * The exact fields of requirements and their progress the API sends.
 */
import type { z } from 'zod';
import { presentGoal } from '../goals/presenter.js';
import type { RequirementRow } from './repository.js';
import type { RequirementProgressView, RequirementView } from './schemas.js';
import type { RequirementProgress } from './service.js';

/** A requirement for the API. */
export function presentRequirement(r: RequirementRow): RequirementView {
  return {
    id: r.id,
    commissioner: { id: r.commissioner.id, odsCode: r.commissioner.odsCode, name: r.commissioner.name },
    provider: { id: r.provider.id, odsCode: r.provider.odsCode, name: r.provider.name },
    measureId: r.measureId,
    title: r.title,
    description: r.description,
    target: r.target,
    dueBy: r.dueBy,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** A requirement's progress for the API. */
export function presentProgress(progress: RequirementProgress): z.infer<typeof RequirementProgressView> {
  const m = progress.measureProgress;
  return {
    requirement: presentRequirement(progress.requirement),
    measureName: progress.measureName,
    measureDataType: progress.measureDataType,
    measureProgress:
      m === null
        ? null
        : {
            seriesId: m.seriesId,
            status: { ...m.judgement },
            variation: m.variation,
            assurance: m.assurance,
            latest: m.latest,
          },
    goals: progress.goals.map(presentGoal),
    projects: progress.projects,
  };
}
