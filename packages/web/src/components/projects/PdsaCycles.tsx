/**
 * @module components/projects/PdsaCycles
 * A project's PDSA cycles: in time order, each with its details (and "Update" and "Delete", after
 * asking, for those who work on the project), then each change idea with "Record a PDSA cycle" for
 * it. Each cycle appears on the project's charts at the period of its start.
 */
import { useState } from 'react';
import type { AddCycleInput, Cycle, DriverNode } from './data';
import { addCycle, changeCycle, deleteCycle } from './data';
import { CycleDetails } from './CycleDetails';
import { CycleForm } from './CycleForm';
import { decisionWords } from './labels';
import { useProjectChange } from './useProjectChange';
import { Done } from '../form';
import { ConfirmChange } from '../members/ConfirmChange';

type Open =
  | { kind: 'new'; idea: DriverNode }
  | { kind: 'edit'; cycle: Cycle }
  | { kind: 'delete'; cycle: Cycle }
  | null;

function refocus(id: string): void {
  requestAnimationFrame(() => document.getElementById(id)?.focus());
}

export function PdsaCycles({
  projectId,
  cycles,
  changeIdeas,
  editable,
}: {
  projectId: string;
  cycles: readonly Cycle[];
  changeIdeas: readonly DriverNode[];
  editable: boolean;
}): React.JSX.Element {
  const change = useProjectChange();
  const [open, setOpen] = useState<Open>(null);
  const save = (body: AddCycleInput): void => {
    if (open === null || open.kind === 'delete') return;
    const action =
      open.kind === 'new'
        ? () => addCycle(projectId, open.idea.id, body)
        : () => changeCycle(projectId, open.cycle.id, body);
    const message =
      open.kind === 'new'
        ? `Recorded the PDSA cycle “${body.title}” for “${open.idea.text}”.`
        : `Saved the PDSA cycle “${body.title}”.`;
    const back = open.kind === 'new' ? `record-cycle-${open.idea.id}` : `update-cycle-${open.cycle.id}`;
    void change.run(action, message).then((ok) => {
      if (!ok) return;
      setOpen(null);
      refocus(back);
    });
  };
  const cancel = (back: string): void => {
    setOpen(null);
    change.clearError();
    refocus(back);
  };

  return (
    <>
      <Done message={change.announcement === '' ? null : change.announcement} />
      <h3>In time order</h3>
      {cycles.length === 0 ? (
        <p>No PDSA cycles yet.</p>
      ) : (
        <ol className="nhsuk-list">
          {cycles.map((cycle) => (
            <li key={cycle.id} className="gs-cycle">
              <h4>
                PDSA {cycle.number}: {cycle.title}
                {cycle.decision === null ? '' : ` (${decisionWords(cycle.decision).toLowerCase()})`}
              </h4>
              {open?.kind === 'edit' && open.cycle.id === cycle.id ? (
                <CycleForm
                  idPrefix={`cycle-${cycle.id}`}
                  heading={`Update PDSA ${cycle.number}: ${cycle.title}`}
                  cycle={cycle}
                  pending={change.pending}
                  error={change.error}
                  onSave={save}
                  onCancel={() => {
                    cancel(`update-cycle-${cycle.id}`);
                  }}
                />
              ) : open?.kind === 'delete' && open.cycle.id === cycle.id ? (
                <ConfirmChange
                  id={`delete-cycle-${cycle.id}-confirm`}
                  title={`Delete PDSA ${cycle.number}: ${cycle.title}?`}
                  yes="Yes, delete the cycle"
                  no="No, keep it"
                  pending={change.pending}
                  error={change.error}
                  errorTitle="The cycle could not be deleted"
                  onConfirm={() => {
                    void change
                      .run(
                        () => deleteCycle(projectId, cycle.id),
                        `Deleted the PDSA cycle “${cycle.title}”: it is no longer marked on the charts.`,
                      )
                      .then((ok) => {
                        if (!ok) return;
                        setOpen(null);
                        refocus('cycles-heading');
                      });
                  }}
                  onCancel={() => {
                    cancel(`delete-cycle-${cycle.id}`);
                  }}
                >
                  <p>
                    Its plan, prediction and what the team learned go with it, and its mark leaves the charts.
                  </p>
                </ConfirmChange>
              ) : (
                <>
                  <CycleDetails cycle={cycle} />
                  {editable && (
                    <div className="nhsuk-button-group">
                      <button
                        className="nhsuk-button nhsuk-button--secondary gs-small-button"
                        type="button"
                        id={`update-cycle-${cycle.id}`}
                        aria-label={`Update PDSA ${cycle.number}: ${cycle.title}`}
                        onClick={() => {
                          change.clearError();
                          setOpen({ kind: 'edit', cycle });
                        }}
                      >
                        Update PDSA {cycle.number}
                      </button>
                      <button
                        className="nhsuk-button nhsuk-button--warning gs-small-button"
                        type="button"
                        id={`delete-cycle-${cycle.id}`}
                        aria-label={`Delete PDSA ${cycle.number}: ${cycle.title}`}
                        onClick={() => {
                          change.clearError();
                          setOpen({ kind: 'delete', cycle });
                        }}
                      >
                        Delete PDSA {cycle.number}
                      </button>
                    </div>
                  )}
                </>
              )}
            </li>
          ))}
        </ol>
      )}
      {editable && (
        <>
          <h3>Record a PDSA cycle</h3>
          {changeIdeas.length === 0 ? (
            <p>Add a change idea to the driver diagram first: each cycle tests one.</p>
          ) : (
            <ul className="nhsuk-list">
              {changeIdeas.map((idea) => (
                <li key={idea.id} className="gs-cycle">
                  <p>
                    <strong>{idea.text}</strong>:{' '}
                    {idea.cycles === 0
                      ? 'no cycles yet'
                      : `${idea.cycles} ${idea.cycles === 1 ? 'cycle' : 'cycles'}`}
                  </p>
                  {open?.kind === 'new' && open.idea.id === idea.id ? (
                    <CycleForm
                      idPrefix={`new-cycle-${idea.id}`}
                      heading={`Record a PDSA cycle for “${idea.text}”`}
                      pending={change.pending}
                      error={change.error}
                      onSave={save}
                      onCancel={() => {
                        cancel(`record-cycle-${idea.id}`);
                      }}
                    />
                  ) : (
                    <button
                      className="nhsuk-button nhsuk-button--secondary gs-small-button"
                      type="button"
                      id={`record-cycle-${idea.id}`}
                      aria-label={`Record a PDSA cycle: ${idea.text}`}
                      onClick={() => {
                        change.clearError();
                        setOpen({ kind: 'new', idea });
                      }}
                    >
                      Record a PDSA cycle
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </>
  );
}
