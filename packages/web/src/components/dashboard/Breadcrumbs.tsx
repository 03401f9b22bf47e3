/**
 * @module components/dashboard/Breadcrumbs
 * The NHS.UK breadcrumbs: the pages above this one as links, and on narrow screens a back link to
 * the nearest of them.
 */
import { Link } from 'react-router';

export interface Crumb {
  readonly href: string;
  readonly text: string;
}

export function Breadcrumbs({ items }: { items: readonly Crumb[] }): React.JSX.Element {
  const last = items.at(-1);
  return (
    <nav className="nhsuk-breadcrumb gs-breadcrumb" aria-label="Breadcrumb">
      <ol className="nhsuk-breadcrumb__list">
        {items.map((item) => (
          <li className="nhsuk-breadcrumb__list-item" key={item.href}>
            <Link className="nhsuk-breadcrumb__link" to={item.href}>
              {item.text}
            </Link>
          </li>
        ))}
      </ol>
      {last !== undefined && (
        <Link className="nhsuk-back-link" to={last.href}>
          <span className="nhsuk-u-visually-hidden">Back to </span>
          {last.text}
        </Link>
      )}
    </nav>
  );
}
