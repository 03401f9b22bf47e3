/**
 * @module components/projects/LessonsForm
 * What the team learned (needed to publish), and the topics the library finds it by.
 */
import { useState } from 'react';
import { ErrorSummary } from '../QueryState';
import type { Project } from './data';
import { changeProject } from './data';
import { useProjectChange } from './useProjectChange';
import { Done, TextAreaField, TextField } from '../form';

/** "falls, night staffing" → ["falls", "night staffing"]. */
export function topicsOf(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((t) => t.trim().toLowerCase())
        .filter((t) => t !== ''),
    ),
  ];
}

export function LessonsForm({ project }: { project: Project }): React.JSX.Element {
  const change = useProjectChange();
  const [lessons, setLessons] = useState(project.lessons);
  const [topics, setTopics] = useState(project.topics.join(', '));
  return (
    <form
      noValidate
      aria-label="Lessons and topics"
      onSubmit={(event) => {
        event.preventDefault();
        void change.run(
          () => changeProject(project.id, { lessons, topics: topicsOf(topics) }),
          'Saved the lessons and topics.',
        );
      }}
    >
      <TextAreaField
        id="project-lessons"
        label="What the team learned"
        hint="What worked, what did not, and what you would tell a team starting the same work."
        value={lessons}
        rows={5}
        onChange={setLessons}
      />
      <TextField
        id="project-topics"
        label="Topics"
        hint="Separated by commas, such as falls, night staffing. The library finds projects by topic."
        error={undefined}
        value={topics}
        onChange={setTopics}
        width=""
      />
      {change.error !== null && <ErrorSummary title="The lessons could not be saved" error={change.error} />}
      <button className="nhsuk-button nhsuk-button--secondary" type="submit">
        {change.pending ? 'Saving…' : 'Save the lessons and topics'}
      </button>
      <Done message={change.announcement === '' ? null : change.announcement} />
    </form>
  );
}
