/**
 * @module components/ideas/ProjectIdeas
 * On a project's page: the staff ideas it came from, each linking back to the idea (the other
 * half of the link an idea taken forward as a project has). Nothing when there are none, or when
 * the reader may not read them (ideas are for the organisation's own people).
 */
import { Link } from 'react-router';
import { useProjectIdeas } from './data';

export function ProjectIdeas({ projectId }: { projectId: string }): React.JSX.Element | null {
  const ideas = useProjectIdeas(projectId);
  const items = ideas.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="from-ideas-heading">
      <h2 id="from-ideas-heading">
        {items.length === 1 ? 'The idea it came from' : 'The ideas it came from'}
      </h2>
      <ul className="nhsuk-list">
        {items.map((idea) => (
          <li key={idea.id}>
            <Link to={`/ideas/${idea.id}`}>{idea.proposal}</Link> (
            {idea.anonymous ? 'anonymous' : idea.author})
          </li>
        ))}
      </ul>
    </section>
  );
}
