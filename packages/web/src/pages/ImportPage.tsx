/**
 * @module pages/ImportPage
 * Placeholder until this page is built.
 */
import { PageTitle } from '../components/PageTitle';

export default function ImportPage(): React.JSX.Element {
  return <PageTitle>ImportPage</PageTitle>;
}
