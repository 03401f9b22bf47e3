/**
 * @module pages/LibraryPage
 * The library (`/library`): the finished projects every organisation published, searchable by
 * words, topic and measure, each with its organisation, aim and lessons, so that a team can find
 * what good looks like elsewhere and open it (then copy its structure as a starting point).
 */
import { useState } from 'react';
import { Link } from 'react-router';
import { PageTitle } from '../components/PageTitle';
import type { LibraryFilters, LibraryProject } from '../components/projects/data';
import { useLibrary } from '../components/projects/data';
import { aimSentence, measureKindWords, stageWords } from '../components/projects/labels';
import { QueryState } from '../components/QueryState';
import '../components/projects/projects.css';
import { TextField } from '../components/form';

const NONE: LibraryFilters = { q: '', topic: '', measure: '' };

function Result({ item }: { item: LibraryProject }): React.JSX.Element {
  const aim = aimSentence(item.aim);
  return (
    <li className="gs-library-result">
      <h3>
        <Link to={`/projects/${item.id}`}>{item.title}</Link>
      </h3>
      <p className="nhsuk-body-s">
        {item.organisation.name}
        {item.unit === null ? '' : ` · ${item.unit}`} · {stageWords(item.stage)} · {item.cycles}{' '}
        {item.cycles === 1 ? 'PDSA cycle' : 'PDSA cycles'}
      </p>
      <dl className="nhsuk-summary-list">
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Aim</dt>
          <dd className="nhsuk-summary-list__value">{aim === '' ? 'Not written' : aim}</dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Lessons</dt>
          <dd className="nhsuk-summary-list__value gs-pre-line">{item.lessons}</dd>
        </div>
        {item.topics.length > 0 && (
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">Topics</dt>
            <dd className="nhsuk-summary-list__value">{item.topics.join(', ')}</dd>
          </div>
        )}
        {item.measures.length > 0 && (
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">Measures</dt>
            <dd className="nhsuk-summary-list__value">
              {item.measures.map((m) => `${m.name} (${measureKindWords(m.kind).toLowerCase()})`).join('; ')}
            </dd>
          </div>
        )}
      </dl>
    </li>
  );
}

export default function LibraryPage(): React.JSX.Element {
  const [draft, setDraft] = useState<LibraryFilters>(NONE);
  const [filters, setFilters] = useState<LibraryFilters>(NONE);
  const library = useLibrary(filters);
  return (
    <>
      <PageTitle>Library of QI projects</PageTitle>
      <p className="nhsuk-body-l">
        Finished improvement projects that organisations published to share what worked: their aims, driver
        diagrams, PDSA cycles, charts and lessons. Open one to copy its structure as your starting point.
      </p>
      <form
        role="search"
        aria-label="Search the library"
        onSubmit={(event) => {
          event.preventDefault();
          setFilters(draft);
        }}
      >
        <TextField
          id="library-q"
          label="Words to search for"
          hint="Such as falls, sepsis or discharge. Put a phrase in quotes; -word leaves it out."
          error={undefined}
          value={draft.q}
          onChange={(q) => {
            setDraft({ ...draft, q });
          }}
          width=""
        />
        <TextField
          id="library-topic"
          label="Topic"
          error={undefined}
          value={draft.topic}
          onChange={(topic) => {
            setDraft({ ...draft, topic });
          }}
          width="nhsuk-input--width-20"
        />
        <TextField
          id="library-measure"
          label="Measure"
          hint="A shared measure’s code, such as AE4HR."
          error={undefined}
          value={draft.measure}
          onChange={(measure) => {
            setDraft({ ...draft, measure });
          }}
          width="nhsuk-input--width-20"
        />
        <button className="nhsuk-button" type="submit">
          Search
        </button>
      </form>
      <section aria-labelledby="results-heading">
        <h2 id="results-heading">Projects</h2>
        <QueryState query={library} what="the library">
          {({ items }) =>
            items.length === 0 ? (
              <p>No published projects match. Try fewer or other words.</p>
            ) : (
              <>
                <p role="status">
                  {items.length} {items.length === 1 ? 'project' : 'projects'} found.
                </p>
                <ol className="nhsuk-list">
                  {items.map((item) => (
                    <Result key={item.id} item={item} />
                  ))}
                </ol>
              </>
            )
          }
        </QueryState>
      </section>
    </>
  );
}
