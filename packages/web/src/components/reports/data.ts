/**
 * @module components/reports/data
 * Board reports as the report pages use them: the typed API calls (definitions, a run for a
 * month, issuing, issued reports, commentary), their query keys, the PDF download addresses, and
 * the months a report can be run for.
 */
import { useQuery } from '@tanstack/react-query';
import type { UseQueryResult } from '@tanstack/react-query';
import { api, data } from '../../api/client';
import type { Schema } from '../../api/client';
import type { paths } from '../../api/schema';
import { send } from '../../api/send';

export type ReportDefinition = Schema<'ReportDefinition'>;
export type ReportContent = Schema<'ReportContent'>;
export type ReportSection = Schema<'ReportSection'>;
export type ReportRun = Schema<'ReportRun'>;
export type IssuedReport = Schema<'IssuedReport'>;
export type IssuedReportDetail = Schema<'IssuedReportDetail'>;
export type ReportInput =
  paths['/api/v1/organisations/{ref}/reports']['post']['requestBody']['content']['application/json'];

export const reportKeys = {
  all: ['reports'] as const,
  list: (ref: string) => ['reports', 'list', ref.toUpperCase()] as const,
  definition: (id: string) => ['reports', 'definition', id] as const,
  run: (id: string, period: string | undefined) => ['reports', 'run', id, period ?? 'latest'] as const,
  issued: (id: string) => ['reports', 'issued', id] as const,
  issuedReport: (id: string) => ['reports', 'issued-report', id] as const,
};

/** An organisation's report definitions. */
export function useReports(ref: string): UseQueryResult<ReportDefinition[]> {
  return useQuery({
    queryKey: reportKeys.list(ref),
    queryFn: async () =>
      (await data(api.GET('/api/v1/organisations/{ref}/reports', { params: { path: { ref } } }))).items,
  });
}

/** A report run for a month (undefined: the latest month with data). */
export function useRun(id: string, period: string | undefined): UseQueryResult<ReportRun> {
  return useQuery({
    queryKey: reportKeys.run(id, period),
    queryFn: () =>
      data(
        api.GET('/api/v1/reports/{id}/run', {
          params: { path: { id }, query: period === undefined ? {} : { period } },
        }),
      ),
  });
}

/** A report's definition. */
export function useDefinition(id: string): UseQueryResult<ReportDefinition> {
  return useQuery({
    queryKey: reportKeys.definition(id),
    queryFn: () => data(api.GET('/api/v1/reports/{id}', { params: { path: { id } } })),
  });
}

/** A report's issued versions, newest first. */
export function useIssuedList(id: string): UseQueryResult<IssuedReport[]> {
  return useQuery({
    queryKey: reportKeys.issued(id),
    queryFn: async () =>
      (await data(api.GET('/api/v1/reports/{id}/issued', { params: { path: { id } } }))).items,
  });
}

/** An issued report with its frozen content. */
export function useIssuedReport(id: string): UseQueryResult<IssuedReportDetail> {
  return useQuery({
    queryKey: reportKeys.issuedReport(id),
    queryFn: () => data(api.GET('/api/v1/issued-reports/{id}', { params: { path: { id } } })),
  });
}

export const createReport = (ref: string, body: ReportInput): Promise<ReportDefinition> =>
  send(api.POST('/api/v1/organisations/{ref}/reports', { params: { path: { ref } }, body }));

export const updateReport = (id: string, body: Partial<ReportInput>): Promise<ReportDefinition> =>
  send(api.PATCH('/api/v1/reports/{id}', { params: { path: { id } }, body }));

export const deleteReport = async (id: string): Promise<void> => {
  await send(api.DELETE('/api/v1/reports/{id}', { params: { path: { id } } }));
};

export const issueReport = (id: string, period: string): Promise<IssuedReport> =>
  send(api.POST('/api/v1/reports/{id}/issue', { params: { path: { id } }, body: { period } }));

export const writeCommentary = (seriesId: string, period: string, text: string): Promise<unknown> =>
  send(
    api.PUT('/api/v1/series/{id}/commentaries/{period}', {
      params: { path: { id: seriesId, period: period.slice(0, 7) } },
      body: { text },
    }),
  );

/** Where a run's draft PDF downloads from. */
export const draftPdfHref = (id: string, period: string): string =>
  `/api/v1/reports/${encodeURIComponent(id)}/run.pdf?period=${period.slice(0, 7)}`;

/** Where an issued report's PDF downloads from. */
export const issuedPdfHref = (id: string): string => `/api/v1/issued-reports/${encodeURIComponent(id)}/pdf`;

/** The `count` months up to and including `period`'s, newest first, as `YYYY-MM`. */
export function monthsBefore(period: string, count: number): string[] {
  const year = Number(period.slice(0, 4));
  const month = Number(period.slice(5, 7)) - 1;
  return Array.from({ length: count }, (_, i) => {
    const d = new Date(Date.UTC(year, month - i, 1));
    return d.toISOString().slice(0, 7);
  });
}

/** "1.2 MB", "350 KB". */
export function fileSize(bytes: number): string {
  return bytes >= 1_000_000
    ? `${(bytes / 1_000_000).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1000))} KB`;
}

const dateTime = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/London',
});

/** "12 April 2019, 14:05". */
export const when = (iso: string): string => dateTime.format(new Date(iso));
