/**
 * @module pages/HomePage
 * The list of organisations, searchable by name or ODS code; each opens its overview.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, data } from '../api/client';
import { PageTitle } from '../components/PageTitle';
import { QueryState } from '../components/QueryState';

const KIND_LABEL = { provider: 'Provider', commissioner: 'Commissioner', network: 'Network' } as const;

export default function HomePage(): React.JSX.Element {
  const [params, setParams] = useSearchParams();
  const search = params.get('q') ?? '';
  const [text, setText] = useState(search);
  const query = useQuery({
    queryKey: ['organisations', search],
    queryFn: () =>
      data(
        api.GET('/api/v1/organisations', {
          params: { query: { limit: 500, ...(search ? { search } : {}) } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <PageTitle>Organisations</PageTitle>
      <p className="nhsuk-body-l">Choose an organisation to see which of its measures show real change.</p>
      <form
        className="nhsuk-form-group"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          setParams(text.trim() ? { q: text.trim() } : {});
        }}
      >
        <label className="nhsuk-label" htmlFor="organisation-search">
          Search by name or ODS code
        </label>
        <div className="gs-inline-form">
          <input
            className="nhsuk-input nhsuk-input--width-20"
            id="organisation-search"
            type="search"
            value={text}
            onChange={(event) => {
              setText(event.target.value);
            }}
          />
          <button className="nhsuk-button nhsuk-button--secondary" type="submit">
            Search
          </button>
        </div>
      </form>
      <QueryState query={query} what="organisations">
        {(page) =>
          page.items.length === 0 ? (
            <p>No organisation matches “{search}”.</p>
          ) : (
            <>
              <p className="nhsuk-body-s" role="status">
                {page.items.length === 1 ? '1 organisation' : `${page.items.length} organisations`}
                {search ? ` matching “${search}”` : ''}
                {page.nextCursor ? ' (the first 500; search to narrow)' : ''}
              </p>
              <ul className="nhsuk-list gs-columns">
                {page.items.map((org) => (
                  <li key={org.id}>
                    <Link to={`/organisations/${encodeURIComponent(org.odsCode)}`}>{org.name}</Link>{' '}
                    <span className="nhsuk-body-s gs-muted">
                      {org.odsCode} · {KIND_LABEL[org.kind]}
                    </span>
                  </li>
                ))}
              </ul>
            </>
          )
        }
      </QueryState>
    </>
  );
}
