/**
 * @module components/projects/PublishPanel
 * Publishing a finished project (sustaining, complete or stopped, with its lessons) to the library
 * every organisation can search, and taking it out again.
 */
import { Link } from 'react-router';
import { ErrorSummary } from '../QueryState';
import type { Project } from './data';
import { publish } from './data';
import { FINISHED, formatDay } from './labels';
import { useProjectChange } from './useProjectChange';
import { Done } from '../form';

export function PublishPanel({ project }: { project: Project }): React.JSX.Element {
  const change = useProjectChange();
  const finished = FINISHED.includes(project.stage);
  if (project.publishedAt !== null) {
    return (
      <>
        <p>
          In the <Link to="/library">library</Link> since {formatDay(project.publishedAt)}: every organisation
          can find it and copy its structure.
        </p>
        {change.error !== null && <ErrorSummary title="It could not be taken out" error={change.error} />}
        <button
          className="nhsuk-button nhsuk-button--secondary"
          type="button"
          onClick={() => {
            void change.run(() => publish(project.id, false), 'The project is no longer in the library.');
          }}
        >
          Take it out of the library
        </button>
        <Done message={change.announcement === '' ? null : change.announcement} />
      </>
    );
  }
  if (!finished || project.lessons.trim() === '') {
    return (
      <>
        <p>
          A finished project (sustaining, complete or stopped) with its lessons written can be published to
          the library shared by every organisation.
        </p>
        <Done message={change.announcement === '' ? null : change.announcement} />
      </>
    );
  }
  return (
    <>
      <p>
        Publish it so that teams in other organisations can find what worked here and copy its structure. Its
        aim, driver diagram, cycles, charts and lessons become public; no one’s email.
      </p>
      {change.error !== null && <ErrorSummary title="It could not be published" error={change.error} />}
      <button
        className="nhsuk-button"
        type="button"
        onClick={() => {
          void change.run(() => publish(project.id, true), 'The project is published to the library.');
        }}
      >
        {change.pending ? 'Publishing…' : 'Publish to the library'}
      </button>
      <Done message={change.announcement === '' ? null : change.announcement} />
    </>
  );
}
