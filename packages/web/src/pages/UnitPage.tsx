/**
 * @module pages/UnitPage
 * Placeholder until this page is built.
 */
import { PageTitle } from '../components/PageTitle';

export default function UnitPage(): React.JSX.Element {
  return <PageTitle>UnitPage</PageTitle>;
}
