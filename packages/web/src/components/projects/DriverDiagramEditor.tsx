/**
 * @module components/projects/DriverDiagramEditor
 * A project's driver diagram as three lists, left to right as the picture has them: primary
 * drivers, secondary drivers, change ideas (after the aim). Those who work on the project add
 * boxes, edit and remove them (after asking), move them up and down their column and link them to
 * boxes of the next column, all with buttons and checkboxes; each change is announced in words.
 * Others see the same lists, read-only.
 */
import { useState } from 'react';
import { ConfirmChange } from '../members/ConfirmChange';
import { ErrorSummary } from '../QueryState';
import { AddNodeForm } from './AddNodeForm';
import type { DriverDiagram, DriverKind, DriverNode } from './data';
import { addNode, editNode, link, removeNode, reorder, unlink } from './data';
import { DriverNodeItem, nodeButtonId } from './DriverNodeItem';
import type { NodeActions } from './DriverNodeItem';
import { COLUMNS, columnOf, nextKind } from './labels';
import { useProjectChange } from './useProjectChange';

const PREVIOUS: Record<DriverKind, DriverKind | null> = {
  primary: null,
  secondary: 'primary',
  change_idea: 'secondary',
};

function focusLater(id: string, fallback?: string): void {
  requestAnimationFrame(() => {
    const element = document.getElementById(id) as HTMLButtonElement | null;
    if (element !== null && !element.disabled) element.focus();
    else if (fallback !== undefined) document.getElementById(fallback)?.focus();
  });
}

export function DriverDiagramEditor({
  projectId,
  diagram,
  editable,
}: {
  projectId: string;
  diagram: DriverDiagram;
  editable: boolean;
}): React.JSX.Element {
  const change = useProjectChange();
  const [removing, setRemoving] = useState<DriverNode | null>(null);
  const all = [...diagram.columns.primary, ...diagram.columns.secondary, ...diagram.columns.change_idea];
  const byId = new Map(all.map((n) => [n.id, n]));
  const toOf = (id: string): DriverNode[] =>
    diagram.links.filter((l) => l.fromId === id).flatMap((l) => byId.get(l.toId) ?? []);
  const fromOf = (id: string): DriverNode[] =>
    diagram.links.filter((l) => l.toId === id).flatMap((l) => byId.get(l.fromId) ?? []);

  const actions: NodeActions = {
    move: (node, by) => {
      const column = diagram.columns[node.kind].map((n) => n.id);
      const at = column.indexOf(node.id);
      const target = at + by;
      if (target < 0 || target >= column.length) return;
      column.splice(at, 1);
      column.splice(target, 0, node.id);
      void change
        .run(
          () => reorder(projectId, node.kind, column),
          `Moved “${node.text}” ${by < 0 ? 'up' : 'down'} to position ${target + 1} of ${column.length} in ${columnOf(node.kind).label.toLowerCase()}.`,
        )
        .then(() => {
          const here = nodeButtonId(node, by < 0 ? 'up' : 'down');
          focusLater(here, nodeButtonId(node, by < 0 ? 'down' : 'up'));
        });
    },
    edit: (node, text) =>
      change.run(() => editNode(projectId, node.id, text), `Changed the text to “${text}”.`),
    toggleLink: (from, to, linked) =>
      change.run(
        () => (linked ? link(projectId, from.id, to.id) : unlink(projectId, from.id, to.id)),
        linked
          ? `Linked “${from.text}” to “${to.text}”.`
          : `Removed the link from “${from.text}” to “${to.text}”.`,
      ),
    remove: (node) => {
      change.clearError();
      setRemoving(node);
    },
  };

  return (
    <div className="gs-driver-diagram">
      <p className="gs-aim-box">
        <strong>Aim:</strong> {diagram.aim === '' ? 'not written yet' : diagram.aim}
      </p>
      <p className="nhsuk-u-visually-hidden" role="status" aria-live="polite">
        {change.announcement}
      </p>
      {change.error !== null && removing === null && (
        <ErrorSummary title="The driver diagram could not be changed" error={change.error} />
      )}
      {removing !== null && (
        <ConfirmChange
          id="remove-node"
          title={`Remove the ${columnOf(removing.kind).one} “${removing.text}”?`}
          yes="Yes, remove it"
          no="No, keep it"
          pending={change.pending}
          error={change.error}
          errorTitle="It could not be removed"
          onConfirm={() => {
            const node = removing;
            void change
              .run(
                () => removeNode(projectId, node.id),
                `Removed the ${columnOf(node.kind).one} “${node.text}”.`,
              )
              .then((ok) => {
                if (!ok) return;
                setRemoving(null);
                focusLater(`add-${node.kind}-text`);
              });
          }}
          onCancel={() => {
            const node = removing;
            setRemoving(null);
            change.clearError();
            focusLater(nodeButtonId(node, 'remove'));
          }}
        >
          <p>Its links go too. A change idea with PDSA cycles cannot be removed.</p>
        </ConfirmChange>
      )}
      <div className="gs-driver-columns">
        {COLUMNS.map((column) => {
          const nodes = diagram.columns[column.kind];
          const next = nextKind(column.kind);
          const previous = PREVIOUS[column.kind];
          return (
            <section className="gs-driver-column" key={column.kind} aria-labelledby={`column-${column.kind}`}>
              <h3 id={`column-${column.kind}`}>{column.label}</h3>
              {nodes.length === 0 ? (
                <p>None yet.</p>
              ) : (
                <ol>
                  {nodes.map((node, index) => {
                    const to = toOf(node.id);
                    return (
                      <DriverNodeItem
                        key={node.id}
                        node={node}
                        index={index}
                        count={nodes.length}
                        from={fromOf(node.id)}
                        to={to}
                        nextColumn={next === null ? [] : diagram.columns[next]}
                        linked={new Set(to.map((n) => n.id))}
                        editable={editable}
                        actions={actions}
                      />
                    );
                  })}
                </ol>
              )}
              {editable && (
                <AddNodeForm
                  kind={column.kind}
                  parentKind={previous}
                  parents={previous === null ? [] : diagram.columns[previous]}
                  onAdd={(text, linkFrom) =>
                    change.run(
                      () =>
                        addNode(projectId, {
                          kind: column.kind,
                          text,
                          ...(linkFrom === undefined ? {} : { linkFrom }),
                        }),
                      `Added the ${column.one} “${text}”${linkFrom === undefined ? '' : `, linked from “${byId.get(linkFrom)?.text ?? ''}”`}.`,
                    )
                  }
                />
              )}
            </section>
          );
        })}
      </div>
    </div>
  );
}
