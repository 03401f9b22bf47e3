/**
 * @module components/goals/GoalCascade
 * Goals as the cascade: each goal with the goals that serve it nested beneath (an organisation
 * goal, then its unit goals), as nested lists so that a screen reader says how deep each is.
 */
import type { GoalCardActions } from './GoalCardActions';
import { GoalCard } from './GoalCard';
import type { GoalNode, LinkedProject } from './goals';

export function GoalCascade({
  nodes,
  depth = 0,
  projects,
  actions,
  label,
}: {
  nodes: readonly GoalNode[];
  depth?: number;
  /** Linked projects by goal id; undefined when the page does not list them. */
  projects?: Readonly<Record<string, LinkedProject[]>> | undefined;
  actions?: GoalCardActions | undefined;
  label?: string | undefined;
}): React.JSX.Element {
  const level = Math.min(6, 3 + depth) as 3 | 4 | 5 | 6;
  return (
    <ul className={`gs-goal-cascade${depth > 0 ? ' gs-goal-cascade--nested' : ''}`} aria-label={label}>
      {nodes.map((node) => {
        const mine = actions !== undefined && (actions.may?.(node) ?? true);
        return (
          <li key={node.id} className="gs-goal-cascade__item">
            <GoalCard
              goal={node}
              headingLevel={level}
              projects={projects === undefined ? undefined : (projects[node.id] ?? [])}
              onEdit={mine ? actions.onEdit : undefined}
              onRemove={mine ? actions.onRemove : undefined}
            />
            {node.children.length > 0 && (
              <GoalCascade
                nodes={node.children}
                depth={depth + 1}
                projects={projects}
                actions={actions}
                label={`Goals serving “${node.title}”`}
              />
            )}
          </li>
        );
      })}
    </ul>
  );
}
