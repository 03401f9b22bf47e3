/**
 * @module pages/OverviewPage
 * Placeholder until this page is built.
 */
import { PageTitle } from '../components/PageTitle';

export default function OverviewPage(): React.JSX.Element {
  return <PageTitle>OverviewPage</PageTitle>;
}
