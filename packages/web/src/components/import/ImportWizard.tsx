/**
 * @module components/import/ImportWizard
 * An uploaded file's way through the wizard, resumed from the server's record of it
 * (`GET /imports/:id`, polled while a check or the import runs): match the columns, check the
 * data, import it. Which step shows follows the import's status; `step=mapping` in the URL goes
 * back to the columns after a check.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { UseQueryResult } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiFailure, api, data } from '../../api/client';
import { usePageTitle } from '../PageTitle';
import { ErrorSummary, Loading } from '../QueryState';
import { discardUpload, recall, remember, startCommit, startPreview } from './api';
import type { Import, Uploaded } from './api';
import { ImportDone, ImportFailed, JobProgress } from './CommitStep';
import { carryMapping, mappingFits } from './mapping';
import type { ImportMapping } from './mapping';
import { MappingStep } from './MappingStep';
import { useMeasureOptions, useUnitOptions } from './options';
import { PreviewStep } from './PreviewStep';

const STEPS = 4;

/** The wizard's URL for an import (and optionally its mapping step). */
export const wizardUrl = (id: string, step?: 'mapping'): string =>
  `/imports/new?import=${encodeURIComponent(id)}${step === undefined ? '' : `&step=${step}`}`;

const running = (imported: Import | undefined): boolean =>
  imported?.status === 'previewing' || imported?.status === 'running';

/** The h1 with its step caption; it takes focus when the step changes (unless an error summary did). */
export function StepTitle({ step, title }: { step: number | null; title: string }): React.JSX.Element {
  usePageTitle(title);
  const heading = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (document.querySelector('.nhsuk-error-summary') === null) heading.current?.focus();
  }, [title]);
  return (
    <h1 ref={heading} tabIndex={-1} className="gs-step-title">
      <span className="nhsuk-caption-l">Import data{step === null ? '' : `: step ${step} of ${STEPS}`}</span>
      {title}
    </h1>
  );
}

function useImport(id: string): UseQueryResult<Import> {
  return useQuery({
    queryKey: ['import', id],
    queryFn: () => data(api.GET('/api/v1/imports/{id}', { params: { path: { id } } })),
    refetchInterval: (query) => (running(query.state.data) ? 500 : false),
    retry: (count, error) => !(error instanceof ApiFailure && error.status < 500) && count < 2,
  });
}

export function ImportWizard({ id, step }: { id: string; step: string | null }): React.JSX.Element {
  const navigate = useNavigate();
  const client = useQueryClient();
  const query = useImport(id);
  const imported = query.data;
  const organisationId = imported?.organisationId ?? null;
  const organisation = useQuery({
    queryKey: ['organisation', organisationId],
    queryFn: () =>
      data(api.GET('/api/v1/organisations/{ref}', { params: { path: { ref: organisationId! } } })),
    enabled: organisationId !== null,
    staleTime: 5 * 60_000,
  });
  const mappingStep =
    imported?.status === 'uploaded' || (imported?.status === 'previewed' && step === 'mapping');
  const measures = useMeasureOptions(organisationId);
  const units = useUnitOptions(organisationId);

  if (query.isPending) {
    return (
      <>
        <StepTitle step={null} title="Import data" />
        <Loading what="the import" />
      </>
    );
  }
  if (query.isError) {
    const gone = query.error instanceof ApiFailure && query.error.status === 404;
    return (
      <>
        <StepTitle step={null} title="Import data" />
        {gone ? (
          <p className="nhsuk-body">
            This upload is no longer here: it was discarded or replaced by a corrected file.{' '}
            <Link to="/imports/new">Start a new import</Link>.
          </p>
        ) : (
          <ErrorSummary title="Could not load the import" error={query.error} />
        )}
      </>
    );
  }
  const current = query.data;
  const org = organisation.data;
  const organisationLabel =
    current.organisationId === null
      ? 'Several organisations (a national file)'
      : org === undefined
        ? 'The organisation'
        : `${org.name} (${org.odsCode})`;
  const startUrl = `/imports/new?organisation=${current.organisationId === null ? 'national' : encodeURIComponent(org?.odsCode ?? current.organisationId)}`;

  const show = (next: Import, to: string): void => {
    client.setQueryData(['import', next.id], next);
    void navigate(to);
  };

  const preview = async (mapping: ImportMapping): Promise<void> => {
    show(await startPreview(current.id, mapping), wizardUrl(current.id));
  };

  const corrected = async (uploaded: Uploaded): Promise<void> => {
    const mapping = current.mapping;
    const columns = uploaded.import.columns ?? [];
    if (current.status !== 'failed' && current.status !== 'succeeded') await discardUpload(current.id);
    client.removeQueries({ queryKey: ['import', current.id] });
    remember(uploaded.import.id, {
      sample: uploaded.sample,
      suggestedMapping: carryMapping(mapping, uploaded.suggestedMapping, columns),
    });
    if (mapping !== null && mappingFits(mapping, columns)) {
      try {
        show(await startPreview(uploaded.import.id, mapping), wizardUrl(uploaded.import.id));
        return;
      } catch {
        // The server would not check it with that mapping: let the person choose again.
      }
    }
    show(uploaded.import, wizardUrl(uploaded.import.id));
  };

  if (mappingStep) {
    const remembered = recall(current.id);
    return (
      <>
        <StepTitle step={2} title="Match the columns" />
        <MappingStep
          imported={current}
          sample={remembered?.sample ?? null}
          initial={current.mapping ?? remembered?.suggestedMapping ?? null}
          measures={measures.data ?? null}
          units={units.data ?? []}
          onSubmit={preview}
          onStartAgain={() => {
            void discardUpload(current.id).then(() => navigate(startUrl));
          }}
        />
      </>
    );
  }
  switch (current.status) {
    case 'uploaded':
    case 'previewing':
      return (
        <>
          <StepTitle step={3} title="Checking the data" />
          <JobProgress imported={current} />
        </>
      );
    case 'previewed':
      return (
        <>
          <StepTitle
            step={3}
            title={
              (current.preview?.problemCount ?? 0) > 0
                ? 'Fix the problems in the file'
                : 'Check what will be imported'
            }
          />
          <PreviewStep
            imported={current}
            organisation={organisationLabel}
            onChangeMapping={() => {
              void navigate(wizardUrl(current.id, 'mapping'));
            }}
            onCorrected={corrected}
            onCommit={async () => {
              show(await startCommit(current.id), wizardUrl(current.id));
            }}
            onDiscard={() => {
              void discardUpload(current.id).then(() => navigate(startUrl));
            }}
          />
        </>
      );
    case 'running':
      return (
        <>
          <StepTitle step={4} title="Importing the data" />
          <JobProgress imported={current} />
        </>
      );
    case 'succeeded':
      return (
        <ImportDone
          imported={current}
          organisation={organisationLabel}
          organisationName={org?.name ?? 'the organisation'}
          organisationRef={org?.odsCode ?? current.organisationId}
        />
      );
    case 'failed':
      return (
        <>
          <StepTitle step={4} title="The import failed" />
          <ImportFailed imported={current} onCorrected={corrected} />
        </>
      );
  }
}
