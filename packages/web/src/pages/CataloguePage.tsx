/**
 * @module pages/CataloguePage
 * Placeholder until this page is built.
 */
import { PageTitle } from '../components/PageTitle';

export default function CataloguePage(): React.JSX.Element {
  return <PageTitle>CataloguePage</PageTitle>;
}
