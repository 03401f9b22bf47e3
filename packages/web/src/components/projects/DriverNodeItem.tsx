/**
 * @module components/projects/DriverNodeItem
 * One box of the driver diagram in the editor: its text and its lines in words, and buttons to
 * move it up or down its column, edit its text, link it to boxes of the next column (checkboxes)
 * and remove it. Every action is a button: nothing needs dragging.
 */
import { useState } from 'react';
import type { DriverNode } from './data';
import { columnOf, nextKind } from './labels';

/** The id of one of a box's buttons, for putting focus back on it. */
export function nodeButtonId(
  node: { id: string },
  action: 'up' | 'down' | 'edit' | 'links' | 'remove',
): string {
  return `node-${node.id}-${action}`;
}

export interface NodeActions {
  readonly move: (node: DriverNode, by: -1 | 1) => void;
  readonly edit: (node: DriverNode, text: string) => Promise<boolean>;
  readonly toggleLink: (from: DriverNode, to: DriverNode, linked: boolean) => Promise<boolean>;
  readonly remove: (node: DriverNode) => void;
}

export function DriverNodeItem({
  node,
  index,
  count,
  from,
  to,
  nextColumn,
  linked,
  editable,
  actions,
}: {
  node: DriverNode;
  index: number;
  count: number;
  /** The boxes with a line to this one. */
  from: readonly DriverNode[];
  /** The boxes this one has a line to. */
  to: readonly DriverNode[];
  /** The boxes of the next column (those it may link to). */
  nextColumn: readonly DriverNode[];
  linked: ReadonlySet<string>;
  editable: boolean;
  actions: NodeActions;
}): React.JSX.Element {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(node.text);
  const [showLinks, setShowLinks] = useState(false);
  // A box ticked or unticked shows so at once, until the diagram is read again.
  const [ticked, setTicked] = useState<Readonly<Record<string, boolean>>>({});
  const next = nextKind(node.kind);
  const label = node.text;
  return (
    <li className="gs-driver-node">
      <p className="gs-driver-node__text">{node.text}</p>
      {(from.length > 0 || to.length > 0 || node.kind === 'change_idea') && (
        <ul className="nhsuk-list gs-driver-node__links">
          {from.length > 0 && <li>From: {from.map((n) => n.text).join('; ')}</li>}
          {to.length > 0 && next !== null && (
            <li>
              To {columnOf(next).label.toLowerCase()}: {to.map((n) => n.text).join('; ')}
            </li>
          )}
          {node.kind === 'change_idea' && (
            <li>
              {node.cycles === 0
                ? 'No PDSA cycles yet'
                : `${node.cycles} PDSA ${node.cycles === 1 ? 'cycle' : 'cycles'}`}
            </li>
          )}
        </ul>
      )}
      {editable && editing && (
        <form
          className="gs-edit-node"
          aria-label={`Edit ${label}`}
          onSubmit={(event) => {
            event.preventDefault();
            if (draft.trim() === '') return;
            void actions.edit(node, draft.trim()).then((ok) => {
              if (!ok) return;
              setEditing(false);
              requestAnimationFrame(() => document.getElementById(nodeButtonId(node, 'edit'))?.focus());
            });
          }}
        >
          <div className="nhsuk-form-group">
            <label className="nhsuk-label" htmlFor={`node-${node.id}-text`}>
              Text of the {columnOf(node.kind).one}
            </label>
            <input
              className="nhsuk-input"
              id={`node-${node.id}-text`}
              type="text"
              value={draft}
              onChange={(event) => {
                setDraft(event.target.value);
              }}
            />
          </div>
          <div className="gs-driver-node__actions">
            <button className="nhsuk-button gs-small-button" type="submit">
              Save
            </button>
            <button
              className="nhsuk-button nhsuk-button--secondary gs-small-button"
              type="button"
              onClick={() => {
                setEditing(false);
                setDraft(node.text);
                requestAnimationFrame(() => document.getElementById(nodeButtonId(node, 'edit'))?.focus());
              }}
            >
              Cancel
            </button>
          </div>
        </form>
      )}
      {editable && showLinks && next !== null && (
        <fieldset className="nhsuk-fieldset gs-node-links">
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">
            Link “{label}” to {columnOf(next).label.toLowerCase()}
          </legend>
          {nextColumn.length === 0 ? (
            <p className="nhsuk-body-s">Add a {columnOf(next).one} first.</p>
          ) : (
            <div className="nhsuk-checkboxes nhsuk-checkboxes--small">
              {nextColumn.map((target) => {
                const id = `link-${node.id}-${target.id}`;
                return (
                  <div className="nhsuk-checkboxes__item" key={target.id}>
                    <input
                      className="nhsuk-checkboxes__input"
                      id={id}
                      type="checkbox"
                      checked={ticked[target.id] ?? linked.has(target.id)}
                      onChange={(event) => {
                        const on = event.target.checked;
                        setTicked((t) => ({ ...t, [target.id]: on }));
                        void actions.toggleLink(node, target, on).then(() => {
                          setTicked((t) =>
                            Object.fromEntries(Object.entries(t).filter(([key]) => key !== target.id)),
                          );
                        });
                      }}
                    />
                    <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={id}>
                      {target.text}
                    </label>
                  </div>
                );
              })}
            </div>
          )}
        </fieldset>
      )}
      {editable && !editing && (
        <div className="gs-driver-node__actions">
          <button
            className="nhsuk-button nhsuk-button--secondary gs-small-button"
            type="button"
            id={nodeButtonId(node, 'up')}
            aria-label={`Move up: ${label}`}
            disabled={index === 0}
            onClick={() => {
              actions.move(node, -1);
            }}
          >
            Move up
          </button>
          <button
            className="nhsuk-button nhsuk-button--secondary gs-small-button"
            type="button"
            id={nodeButtonId(node, 'down')}
            aria-label={`Move down: ${label}`}
            disabled={index === count - 1}
            onClick={() => {
              actions.move(node, 1);
            }}
          >
            Move down
          </button>
          <button
            className="nhsuk-button nhsuk-button--secondary gs-small-button"
            type="button"
            id={nodeButtonId(node, 'edit')}
            aria-label={`Edit: ${label}`}
            onClick={() => {
              setDraft(node.text);
              setEditing(true);
              requestAnimationFrame(() => document.getElementById(`node-${node.id}-text`)?.focus());
            }}
          >
            Edit
          </button>
          {next !== null && (
            <button
              className="nhsuk-button nhsuk-button--secondary gs-small-button"
              type="button"
              id={nodeButtonId(node, 'links')}
              aria-label={`${showLinks ? 'Hide links' : 'Links'}: ${label}`}
              aria-expanded={showLinks}
              onClick={() => {
                setShowLinks(!showLinks);
              }}
            >
              {showLinks ? 'Hide links' : 'Links'}
            </button>
          )}
          <button
            className="nhsuk-button nhsuk-button--warning gs-small-button"
            type="button"
            id={nodeButtonId(node, 'remove')}
            aria-label={`Remove: ${label}`}
            onClick={() => {
              actions.remove(node);
            }}
          >
            Remove
          </button>
        </div>
      )}
    </li>
  );
}
