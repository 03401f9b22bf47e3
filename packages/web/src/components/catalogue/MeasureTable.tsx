/**
 * @module components/catalogue/MeasureTable
 * Measures as a table. Each name leads somewhere useful: a shared definition to its comparison
 * across organisations, an organisation's own measure to that organisation's dashboard filtered
 * to it. Synthetic demo measures carry a tag saying so.
 */
import { Link } from 'react-router';
import type { Schema } from '../../api/client';
import {
  CHART_TYPE_LABEL,
  DATA_TYPE_LABEL,
  DOMAIN_LABEL,
  VISIBILITY_LABEL,
  displayName,
  isSynthetic,
} from './labels';
import { ResponsiveTable } from '../ResponsiveTable';
import type { Column } from '../ResponsiveTable';

type Measure = Schema<'Measure'>;
type Organisation = Schema<'Organisation'>;

/** Where a measure's name leads, and what that link does (for its description). */
export function measureLink(
  measure: Measure,
  owner: Organisation | undefined,
): { to: string; description: string } {
  if (measure.ownerOrganisationId === null) {
    return { to: `/measures/${measure.id}/compare`, description: 'Compare organisations' };
  }
  const ref = owner?.odsCode ?? measure.ownerOrganisationId;
  return {
    to: `/organisations/${encodeURIComponent(ref)}?measure=${encodeURIComponent(measure.code)}`,
    description: `On ${owner?.name ?? 'its organisation'}’s dashboard`,
  };
}

export function SyntheticTag(): React.JSX.Element {
  return <strong className="nhsuk-tag nhsuk-tag--orange gs-synthetic-tag">Synthetic demo data</strong>;
}

export function MeasureTable({
  measures,
  organisations,
  caption,
}: {
  measures: readonly Measure[];
  organisations: ReadonlyMap<string, Organisation>;
  caption: string;
}): React.JSX.Element {
  const owner = (m: Measure): Organisation | undefined =>
    m.ownerOrganisationId === null ? undefined : organisations.get(m.ownerOrganisationId);
  const columns: Column<Measure>[] = [
    {
      heading: 'Measure',
      cell: (m) => {
        const link = measureLink(m, owner(m));
        return (
          <>
            <Link
              className="nhsuk-link gs-measure-name"
              to={link.to}
              aria-describedby={`measure-${m.id}-goes`}
            >
              {displayName(m)}
            </Link>
            <span className="nhsuk-body-s gs-muted gs-measure-meta" id={`measure-${m.id}-goes`}>
              {link.description}
            </span>
            <span className="nhsuk-body-s gs-muted gs-measure-meta">
              Code <code>{m.code}</code>
            </span>
            {isSynthetic(m) && <SyntheticTag />}
          </>
        );
      },
    },
    { heading: 'Domain', cell: (m) => DOMAIN_LABEL[m.domain] },
    { heading: 'Data type', cell: (m) => DATA_TYPE_LABEL[m.dataType] },
    { heading: 'Chart', cell: (m) => CHART_TYPE_LABEL[m.chartType] },
    {
      heading: 'Defined by',
      cell: (m) => {
        if (m.ownerOrganisationId === null) return 'Shared (national)';
        const org = owner(m);
        return org === undefined ? 'An organisation' : `${org.name} (${org.odsCode})`;
      },
    },
    { heading: 'Visibility', cell: (m) => VISIBILITY_LABEL[m.visibility] },
  ];
  return (
    <ResponsiveTable
      caption={caption}
      captionClassName="nhsuk-table__caption nhsuk-u-visually-hidden"
      columns={columns}
      rows={measures}
      rowKey={(m) => m.id}
    />
  );
}
