/**
 * @module components/capability/data
 * QI capability as the Capability page uses it: the typed API calls (the curriculum, training
 * records, declaring, recording, confirming and rejecting, the CSV imports (training records,
 * people's units), the people coaches record for, capability by unit), their query keys, and
 * refreshing them after a change.
 */
import { useQuery } from '@tanstack/react-query';
import type { QueryClient, UseQueryResult } from '@tanstack/react-query';
import { api, data } from '../../api/client';
import type { Schema } from '../../api/client';
import { send } from '../../api/send';

export type Curriculum = Schema<'Curriculum'>;
export type Level = Schema<'CurriculumLevel'>;
export type Course = Schema<'Course'>;
export type Completion = Schema<'Completion'>;
export type Person = Schema<'CapabilityPerson'>;
export type CapabilityByUnit = Schema<'CapabilityByUnit'>;

export const capabilityKeys = {
  all: ['capability'] as const,
  curriculum: (ref: string) => ['capability', 'curriculum', ref.toUpperCase()] as const,
  completions: (ref: string) => ['capability', 'completions', ref.toUpperCase()] as const,
  people: (ref: string) => ['capability', 'people', ref.toUpperCase()] as const,
  byUnit: (ref: string) => ['capability', 'by-unit', ref.toUpperCase()] as const,
};

/** Reads everything again after a change (and the measures, whose series moved). */
export async function refreshCapability(client: QueryClient): Promise<void> {
  await client.invalidateQueries({ queryKey: capabilityKeys.all });
}

export function useCurriculum(ref: string, enabled = true): UseQueryResult<Curriculum> {
  return useQuery({
    queryKey: capabilityKeys.curriculum(ref),
    enabled,
    queryFn: () => data(api.GET('/api/v1/organisations/{ref}/curriculum', { params: { path: { ref } } })),
  });
}

export function useCompletions(
  ref: string,
  enabled = true,
): UseQueryResult<{ coach: boolean; items: Completion[] }> {
  return useQuery({
    queryKey: capabilityKeys.completions(ref),
    enabled,
    queryFn: () => data(api.GET('/api/v1/organisations/{ref}/completions', { params: { path: { ref } } })),
  });
}

export function usePeople(ref: string, enabled: boolean): UseQueryResult<{ items: Person[] }> {
  return useQuery({
    queryKey: capabilityKeys.people(ref),
    enabled,
    queryFn: () =>
      data(api.GET('/api/v1/organisations/{ref}/capability/people', { params: { path: { ref } } })),
  });
}

export function useCapabilityByUnit(ref: string, enabled = true): UseQueryResult<CapabilityByUnit> {
  return useQuery({
    queryKey: capabilityKeys.byUnit(ref),
    enabled,
    queryFn: () => data(api.GET('/api/v1/organisations/{ref}/capability', { params: { path: { ref } } })),
  });
}

export function addLevel(
  ref: string,
  body: { name: string; rank: number; description?: string },
): Promise<Level> {
  return send(api.POST('/api/v1/organisations/{ref}/curriculum/levels', { params: { path: { ref } }, body }));
}

export function addCourse(
  levelId: string,
  body: { code: string; title: string; required: boolean },
): Promise<Course> {
  return send(
    api.POST('/api/v1/curriculum-levels/{id}/courses', { params: { path: { id: levelId } }, body }),
  );
}

export function recordCompletion(
  ref: string,
  body: { userId: string; courseId: string; completedOn: string },
): Promise<undefined> {
  return send(api.POST('/api/v1/organisations/{ref}/completions', { params: { path: { ref } }, body }));
}

export function declareCompletion(
  ref: string,
  body: { courseId: string; completedOn: string },
): Promise<undefined> {
  return send(
    api.POST('/api/v1/organisations/{ref}/completions/declare', { params: { path: { ref } }, body }),
  );
}

export function confirmCompletion(courseId: string, userId: string): Promise<undefined> {
  return send(
    api.POST('/api/v1/courses/{id}/completions/{userId}/confirm', {
      params: { path: { id: courseId, userId } },
    }),
  );
}

export function removeCompletion(courseId: string, userId: string): Promise<undefined> {
  return send(
    api.DELETE('/api/v1/courses/{id}/completions/{userId}', { params: { path: { id: courseId, userId } } }),
  );
}

export function importCompletions(ref: string, csv: string): Promise<{ imported: number }> {
  return send(
    api.POST('/api/v1/organisations/{ref}/completions/import', { params: { path: { ref } }, body: { csv } }),
  );
}

export type StaffUnitImport = Schema<'StaffUnitImport'>;

export function importStaffUnits(
  ref: string,
  body: { csv: string; dryRun: boolean; replace: boolean },
): Promise<StaffUnitImport> {
  return send(
    api.POST('/api/v1/organisations/{ref}/capability/people/import', { params: { path: { ref } }, body }),
  );
}

/** Every course of the curriculum as a choice: "QI-F1 Introduction to QI (foundation)". */
export function courseChoices(curriculum: Curriculum | undefined): { value: string; label: string }[] {
  return (curriculum?.levels ?? []).flatMap((level) =>
    level.courses.map((course) => ({
      value: course.id,
      label: `${course.code} ${course.title} (${level.name})`,
    })),
  );
}

/** A share in words: "3 of 8 (38%)", or "no staff". */
export function shareText(trained: number, staff: number): string {
  if (staff === 0) return 'no staff';
  return `${trained} of ${staff} (${Math.round((100 * trained) / staff)}%)`;
}

/** How a completion came to be, in words. */
export function sourceText(completion: Completion): string {
  if (completion.source === 'entered') return 'Recorded by a coach';
  if (completion.source === 'imported') return 'Imported';
  return completion.counts
    ? `Declared, confirmed by ${completion.confirmedBy ?? 'a coach'}`
    : 'Declared, waiting for a coach';
}
