/**
 * @module pages/MeasurePage
 * Placeholder until this page is built.
 */
import { PageTitle } from '../components/PageTitle';

export default function MeasurePage(): React.JSX.Element {
  return <PageTitle>MeasurePage</PageTitle>;
}
