/**
 * @module components/PageTitle
 * Sets the browser tab's title ("Measures – Groundswell") and renders the page's one h1.
 */
import { useEffect } from 'react';

export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} – Groundswell`;
  }, [title]);
}

export function PageTitle({
  children,
  caption,
}: {
  children: string;
  caption?: string | undefined;
}): React.JSX.Element {
  usePageTitle(children);
  return (
    <h1>
      {caption !== undefined && <span className="nhsuk-caption-l">{caption}</span>}
      {children}
    </h1>
  );
}
