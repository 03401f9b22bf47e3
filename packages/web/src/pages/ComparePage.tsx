/**
 * @module pages/ComparePage
 * Placeholder until this page is built.
 */
import { PageTitle } from '../components/PageTitle';

export default function ComparePage(): React.JSX.Element {
  return <PageTitle>ComparePage</PageTitle>;
}
