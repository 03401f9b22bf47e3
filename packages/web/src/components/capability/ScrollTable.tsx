/**
 * @module components/capability/ScrollTable
 * A table that scrolls sideways on a narrow screen: a focusable, labelled region, so that keyboard
 * users can scroll it too.
 */
import './capability.css';

export function ScrollTable({
  label,
  children,
}: {
  label: string;
  children: React.ReactNode;
}): React.JSX.Element {
  return (
    <div className="gs-table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
